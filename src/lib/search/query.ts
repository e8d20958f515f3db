/**
 * One search as the search page and the evaluation run it: the normalised query through Pagefind, with
 * every word required. Pagefind drops a word it cannot find and searches the rest; a resident who typed
 * 「沼袋 歯科」 should hear that nothing matches, not get every facility of 沼袋.
 */
import { normalizeQuery, type NormalizedQuery, type QueryTerm } from './normalize.ts';
import type { Pagefind, PagefindFilters, PagefindResponse, PagefindSearchOptions } from './pagefind-types.ts';
import { FILTER_KEYS, type FilterKey, type SearchFilters } from './record.ts';

/** Within these filters any checked value will do (内科 or 小児科); the others must all hold (月曜 and 土曜). */
export const ANY_OF: readonly FilterKey[] = ['dept', 'area', 'station', 'kind', 'lang'];

/** Checked filter values (as in the URL, ?dept=内科&day=土曜) → Pagefind's filter object. */
export function pagefindFilters(f: SearchFilters): PagefindFilters {
  const out: PagefindFilters = {};
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v?.length) out[k] = ANY_OF.includes(k) ? { any: v } : { all: v };
  }
  return out;
}

/** All the query code asks of Pagefind. */
type Searcher = Pick<Pagefind, 'search'>;

export interface SearchOutcome {
  query: NormalizedQuery;
  /** Pagefind's answer, or undefined when nothing can match (an unknown word, or nothing searchable typed). */
  response: PagefindResponse | undefined;
  /** Words that match no facility at all (whatever the filters). */
  missing: QueryTerm[];
}

/**
 * Whether a word matches any page, per loaded index: the index does not change while it is loaded, so a
 * word is searched alone once. Searching a word alone scores every page it matches (about 5 ms per 1,000
 * pages in Chromium), so a resident who types a second word does not pay again for the first. The edge
 * keeps at most WORDS_KEPT words per isolate.
 */
const known = new WeakMap<Searcher, Map<string, boolean>>();
const WORDS_KEPT = 2000;
function wordsOf(pf: Searcher): Map<string, boolean> {
  let m = known.get(pf);
  if (!m) known.set(pf, (m = new Map()));
  if (m.size >= WORDS_KEPT) m.clear();
  return m;
}
async function matches(pf: Searcher, token: string): Promise<boolean> {
  const m = wordsOf(pf);
  const hit = m.get(token) ?? !!(await pf.search(token))?.results.length;
  m.set(token, hit);
  return hit;
}

/**
 * A romaji word (naika) is searched as its letters when they match something (karada → KARADA内科), and
 * as its kana (ないか) otherwise: the query with each such word settled.
 */
async function settleRomaji(pf: Searcher, query: NormalizedQuery): Promise<NormalizedQuery> {
  if (!query.terms.some((t) => t.romaji)) return query;
  const terms = await Promise.all(query.terms.map(async (t) => (t.romaji && !(await matches(pf, t.token)) ? { ...t, token: t.romaji } : t)));
  return { terms, pagefind: terms.map((t) => t.token).join(' ') };
}

export async function searchAll(pf: Searcher, q: string, options: PagefindSearchOptions = {}): Promise<SearchOutcome> {
  const query = await settleRomaji(pf, normalizeQuery(q));
  const missing: QueryTerm[] = [];
  if (query.terms.length > 1) {
    const alone = await Promise.all(query.terms.map((t) => matches(pf, t.token)));
    query.terms.forEach((t, i) => {
      if (!alone[i]) missing.push(t);
    });
  }
  if (missing.length) return { query, response: undefined, missing };
  const hasFilters = Object.keys(options.filters ?? {}).length > 0;
  if (!query.pagefind && !hasFilters) return { query, response: undefined, missing };
  const response = (await pf.search(query.pagefind || null, options)) ?? undefined;
  if (query.terms.length === 1 && !hasFilters) {
    const hit = !!response?.results.length;
    wordsOf(pf).set(query.terms[0]!.token, hit);
    if (!hit) missing.push(query.terms[0]!);
  }
  return { query, response, missing };
}

/**
 * The search page's search, in the browser and at the edge alike: the words with the URL's filters, in
 * 五十音 order when asked for, or when no word is searchable (filters alone); otherwise by relevance.
 */
export function searchPage(pf: Searcher, q: string, filters: SearchFilters, byName: boolean): Promise<SearchOutcome> {
  const sort = byName || !normalizeQuery(q).pagefind ? { sort: { name: 'asc' as const } } : {};
  return searchAll(pf, q, { filters: pagefindFilters(filters), ...sort });
}
