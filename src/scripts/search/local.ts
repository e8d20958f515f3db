/**
 * The browser's own search: Pagefind's results, sorted by distance when asked. The resident's position
 * never leaves the browser.
 */
import { SEARCH_PAGE_SIZE } from '../../lib/search/params.ts';
import type { Pagefind } from '../../lib/search/pagefind-types.ts';
import { searchPage } from '../../lib/search/query.ts';
import { distanceM } from '../../lib/util/geo.ts';
import type { Found } from './found.ts';
import type { SearchState } from './url-state.ts';
import type { SearchWords } from './words.ts';

/** Distance sorting reads each result's position, so it covers at most this many results. */
const NEAR_LIMIT = 300;

let position: GeolocationCoordinates | undefined;
const locate = () =>
  new Promise<GeolocationCoordinates>((resolve, reject) => {
    if (position) return resolve(position);
    if (!navigator.geolocation) return reject(new Error('unsupported'));
    navigator.geolocation.getCurrentPosition((p) => resolve((position = p.coords)), reject, { maximumAge: 300_000, timeout: 15_000 });
  });

/** The state's search for `q` (its words as searched); undefined once `stale`. */
export async function localSearch(pf: Pagefind, state: SearchState, q: string, ui: SearchWords, stale: () => boolean): Promise<Found | undefined> {
  const outcome = await searchPage(pf, q, state.filters, state.sort === 'name');
  if (stale()) return undefined;
  let results = outcome.response?.results ?? [];
  let distances: Map<string, number> | undefined;
  let sortNote: string | undefined;
  if (state.sort === 'near' && results.length) {
    try {
      const here = await locate();
      const head = results.slice(0, NEAR_LIMIT);
      const data = await Promise.all(head.map((x) => x.data()));
      if (stale()) return undefined;
      const d = new Map<string, number>();
      head.forEach((x, i) => {
        const lat = Number(data[i]!.meta['lat']);
        const lon = Number(data[i]!.meta['lon']);
        if (Number.isFinite(lat) && Number.isFinite(lon)) d.set(x.id, distanceM({ lat: here.latitude, lon: here.longitude }, { lat, lon }));
      });
      distances = d;
      results = [...head].sort((a, b) => (d.get(a.id) ?? Infinity) - (d.get(b.id) ?? Infinity)).concat(results.slice(NEAR_LIMIT));
      sortNote = ui.nearNote(results.length > NEAR_LIMIT ? NEAR_LIMIT : undefined);
    } catch {
      sortNote = ui.nearFailed;
    }
  }
  const all = results;
  return {
    total: all.length,
    missing: outcome.missing.map((t) => t.word),
    sortNote,
    page: async (from) => {
      const slice = all.slice(from, from + SEARCH_PAGE_SIZE);
      const data = await Promise.all(slice.map((r) => r.data()));
      return data.map((d, i) => ({ data: d, distanceM: distances?.get(slice[i]!.id) }));
    },
  };
}
