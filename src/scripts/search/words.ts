/** The page's words and today's-status texts: the one place the search script reads src/i18n from. */
import type { Messages } from '../../i18n/index.ts';

export { describeStatus } from '../../lib/util/hours-text.ts';
export { hoursWords } from '../../i18n/client/hours.ts';
export { searchWords } from '../../i18n/client/search.ts';
// From lib, not src/i18n/index.ts: that module holds every word of both languages, and would ship with them.
export { langPrefix, type Lang } from '../../lib/schema/lang.ts';
/** The search page's words in one language. */
export type SearchWords = Messages['search'];
