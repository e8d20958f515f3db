/** The page's words and today's-status texts: the one place the search script reads src/i18n from. */
export { describeStatus } from '../../i18n/hours.ts';
export { langPrefix, type Lang } from '../../i18n/index.ts';
export { SEARCH_WORDS, type SearchWords } from '../../i18n/search.ts';
