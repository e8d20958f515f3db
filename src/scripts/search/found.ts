import type { ResultData } from '../../lib/search/pagefind-types.ts';

/** Results from `from` on, one page of them; `distanceM` when sorted by distance. */
export type ResultPage = (from: number) => Promise<{ data: ResultData; distanceM?: number | undefined }[]>;

/** What a search found, whichever side answered: the count, the words that matched nothing, its results page by page. */
export interface Found {
  total: number;
  missing: string[];
  page: ResultPage;
  /** What the sort note says (distance sorting); none hides it. */
  sortNote?: string | undefined;
}
