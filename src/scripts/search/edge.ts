/**
 * A first visit's results from the edge (GET /api/search, functions/_lib/search.ts): the same index and
 * query code as the browser's own Pagefind, one small JSON a page instead of Pagefind's runtime and metadata.
 */
import type { SearchAnswer, SearchRequest } from '../../lib/search/contract.ts';
import { SEARCH_PAGE_SIZE, toSearchParams } from '../../lib/search/params.ts';
import type { Found } from './found.ts';
import type { SearchState } from './url-state.ts';

async function answer(req: SearchRequest): Promise<SearchAnswer> {
  const res = await fetch(`/api/search?${toSearchParams(req)}`, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`/api/search ${res.status}`);
  return (await res.json()) as SearchAnswer;
}

/** The state's search for `q` (its words as searched), as the browser's Pagefind would answer it. Throws without an edge. */
export async function edgeSearch(state: SearchState, q: string): Promise<Found> {
  const request = (offset: number): SearchRequest => ({
    q: q.trim(),
    filters: state.filters,
    sort: state.sort === 'name' ? 'name' : '',
    offset,
    limit: SEARCH_PAGE_SIZE,
  });
  const first = await answer(request(0));
  return {
    total: first.total,
    missing: first.missing,
    page: async (from) => (from === 0 ? first.results : (await answer(request(from))).results).map((data) => ({ data })),
  };
}
