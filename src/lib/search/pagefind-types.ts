/**
 * The part of Pagefind's browser API (pagefind.js) this site uses, declared once for the search page, the
 * edge (functions/_lib/search.ts), the query code and the evaluation. Pagefind ships types for its Node
 * indexing API only.
 */

/** Checked values per filter: a list, or any / all of them. */
export type PagefindFilters = Record<string, string[] | { any: string[] } | { all: string[] }>;

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** Number of pages per filter value: filter → value → count. */
export type PagefindFilterCounts = Record<string, Record<string, number>>;

/** What a result loads: its URL and the metadata the build wrote (src/lib/search/record.ts). */
export interface ResultData {
  url: string;
  meta: Record<string, string | undefined>;
}

export interface PagefindResult {
  id: string;
  data: () => Promise<ResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  /** Counts within the results, filters applied. */
  filters: PagefindFilterCounts;
  /** Counts for the same words without the filters. */
  totalFilters: PagefindFilterCounts;
}

/** A Pagefind instance, or the module itself (which acts as its default instance). */
export interface Pagefind {
  options: (o: { basePath?: string; excerptLength?: number }) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: PagefindSearchOptions) => Promise<PagefindResponse | null>;
  /** Every filter value with its count over all pages. */
  filters: () => Promise<PagefindFilterCounts>;
  destroy: () => Promise<void>;
}

/** pagefind.js as imported. */
export interface PagefindModule extends Pagefind {
  /** `noWorker`: search on the calling thread instead of Pagefind's Web Worker. */
  createInstance: (o?: { noWorker?: boolean }) => Pagefind;
}
