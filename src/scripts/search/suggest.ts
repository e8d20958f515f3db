/**
 * What the search page suggests: for a 1-character query, the departments containing it; when nothing
 * matched, what did not, the links that need no search, and better queries found by searching. No DOM:
 * the searches are passed in.
 */
import { fold } from '../../lib/search/normalize.ts';
import type { QueryWord } from './english.ts';
import { nameOf, type SearchPage, type Vocab } from './page.ts';
import { stateUrl, type SearchState } from './url-state.ts';

export interface Link {
  href: string;
  text: string;
}

export interface Suggestions {
  /** A 1-character query: the departments whose names contain it, each a link to its filter. */
  departments?: { intro: string; links: Link[] };
  /** Nothing matched what was typed. `tips` and `browse` go before and after the better queries found later. */
  noMatch?: { heading: string; missing: string | undefined; tryAlso: string; tips: Link[]; browse: Link[]; hint: string };
}

type Context = Pick<SearchPage, 'ui' | 'prefix' | 'vocab'>;

/** Vocabulary entries whose names contain a folded word. English names count for words of 2 characters or more: one letter is in nearly every name. */
function matching(vocab: Vocab, w: string) {
  const has = (...names: (string | undefined)[]) => names.some((n) => n !== undefined && fold(n).includes(w));
  const en = (x: { en?: string | undefined }) => ([...w].length > 1 ? x.en : undefined);
  return {
    departments: vocab.departments.filter((d) => has(d.name, d.kana, ...d.synonyms, en(d), ...(en(d) ? (d.enSynonyms ?? []) : []))),
    towns: vocab.towns.filter((t) => has(t.name, t.kana, en(t))),
    stations: vocab.stations.filter((s) => has(s.name, s.kana, en(s))),
  };
}

/** The suggestions that need no search, for a search that found `total` results and `missing` words (folded) that match nothing. */
export function suggestions({ ui, prefix, vocab }: Context, state: SearchState, words: QueryWord[], total: number, missing: string[]): Suggestions {
  const folded = words.map((w) => fold(w.search)).filter(Boolean);
  const out: Suggestions = {};
  if (folded.length === 1 && [...folded[0]!].length === 1) {
    const deps = matching(vocab, folded[0]!).departments.slice(0, 24);
    const links = deps.map((d) => ({ href: stateUrl({ q: '', filters: { dept: [d.name] }, sort: state.sort }, prefix), text: `${nameOf(d)}${ui.count(d.n)}` }));
    if (links.length) out.departments = { intro: ui.oneCharDepartments(words[0]!.typed), links };
  }
  if (total > 0 || folded.length === 0) return out;

  // Missing words are folded search words: show them as typed.
  const asTyped = (m: string) => words.find((w) => fold(w.search) === m)?.typed ?? m;
  const browse: Link[] = [];
  for (const w of folded) {
    const m = matching(vocab, w);
    browse.push(...m.departments.slice(0, 3).map((d) => ({ href: `${prefix}/departments/${d.code}/`, text: ui.departmentList(nameOf(d)) })));
    browse.push(...m.towns.slice(0, 3).map((t) => ({ href: `${prefix}/areas/${t.slug}/`, text: ui.townList(nameOf(t)) })));
    browse.push(...m.stations.slice(0, 3).map((s) => ({ href: `${prefix}/stations/${s.id}/`, text: ui.stationList(nameOf(s)) })));
  }
  out.noMatch = {
    heading: ui.noMatch(state.q.trim()),
    missing: missing.length && words.length > 1 ? ui.missing(missing.map(asTyped)) : undefined,
    tryAlso: ui.tryAlso,
    tips: Object.keys(state.filters).length ? [{ href: stateUrl({ ...state, filters: {} }, prefix), text: ui.dropFilters }] : [],
    browse,
    hint: ui.hint,
  };
  return out;
}

/** How many results a query would give (with the state's filters). */
export type CountResults = (q: string) => Promise<number>;

/**
 * Better queries when nothing matched: for several words, each word alone that finds something; for one
 * run-together word (沼袋内科), the first split where a town, station or department name starts or ends
 * (longest name first) that finds something.
 */
export async function betterQueries({ ui, prefix, vocab }: Context, state: SearchState, words: QueryWord[], count: CountResults): Promise<Link[]> {
  const found: Link[] = [];
  if (words.length > 1) {
    for (const w of words) {
      const n = await count(w.search);
      if (n) found.push({ href: stateUrl({ ...state, q: w.typed }, prefix), text: ui.onlyWord(w.typed, n) });
    }
  }
  if (words.length === 1) {
    const w = fold(words[0]!.search);
    const names = [...vocab.towns.map((t) => t.name), ...vocab.stations.map((s) => s.name), ...vocab.departments.flatMap((d) => [d.name, ...d.synonyms])];
    for (const name of names.sort((a, b) => b.length - a.length)) {
      const f = fold(name);
      if (f.length < 2 || f === w || !w.includes(f)) continue;
      const rest = w.split(f).join(' ').trim();
      if (!rest) continue;
      const q = `${name} ${rest}`;
      const n = await count(q);
      if (n) {
        found.push({ href: stateUrl({ ...state, q }, prefix), text: ui.tryQuery(q, n) });
        break;
      }
    }
  }
  return found;
}
