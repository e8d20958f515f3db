/** The filter counts: which counts a search shows, and a scheduler that runs one count at a time. */
import type { Pagefind, PagefindFilterCounts } from '../../lib/search/pagefind-types.ts';
import { searchPage } from '../../lib/search/query.ts';
import type { SearchState } from './url-state.ts';

/**
 * The counts for the state's search of `q`: within its results, and for its words without the filters.
 * With nothing searched, every facility counts.
 */
export async function filterCounts(pf: Pagefind, state: SearchState, q: string): Promise<{ counts: PagefindFilterCounts; totals: PagefindFilterCounts }> {
  const outcome = await searchPage(pf, q, state.filters, state.sort === 'name');
  const totals = outcome.response?.totalFilters ?? (await pf.filters());
  const counts = outcome.response?.filters ?? (outcome.query.pagefind || Object.keys(state.filters).length ? {} : totals);
  return { counts, totals: Object.keys(totals).length ? totals : await pf.filters() };
}

/**
 * `job` one run at a time: asked again while it runs, it runs once more afterwards, however often it was
 * asked, so a newer search replaces a waiting one. `stale()` tells a run that it has been asked again.
 */
export function oneAtATime(job: (stale: () => boolean) => Promise<void>): () => void {
  let busy = false;
  let wanted = false;
  return () => {
    wanted = true;
    if (busy) return;
    busy = true;
    void (async () => {
      try {
        while (wanted) {
          wanted = false;
          await job(() => wanted);
        }
      } finally {
        busy = false;
      }
    })();
  };
}
