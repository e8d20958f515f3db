/** The page's words and today's-status texts: the one place the search script reads src/i18n from. */
import type { Messages } from '../../i18n/index.ts';

export { describeStatus } from '../../lib/util/hours-text.ts';
export { hoursWords } from '../../i18n/client/hours.ts';
export { searchWords } from '../../i18n/client/search.ts';
export { langPrefix, type Lang } from '../../i18n/index.ts';
/** The search page's words in one language. */
export type SearchWords = Messages['search'];
