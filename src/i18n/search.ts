/** Old names of the search words, kept until src/scripts/search/words.ts reads src/i18n/client/search.ts; then delete this file. */
import { searchWords } from './client/search.ts';
import type { Messages } from './ja.ts';

/** @deprecated use `searchWords` from src/i18n/client/search.ts. */
export const SEARCH_WORDS = searchWords;
/** @deprecated use `Messages['search']` from src/i18n/index.ts. */
export type SearchWords = Messages['search'];
