/** The full list is split into pages of this many facilities (a phone-friendly page size). */
export const PAGE_SIZE = 100;

export const pageCount = (total: number): number => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** URL of page `n` (1-based) of the full list under a language prefix. */
export const listPageHref = (prefix: string, n: number): string => (n <= 1 ? `${prefix}/facilities/` : `${prefix}/facilities/page/${n}/`);
