/**
 * The search in the page's URL: /search/?q=…&dept=内科&dept=小児科&sort=name (under /en on the English page).
 * Filter values stay the index's Japanese ones in both languages.
 */
import { appendFilters, readFilters } from '../../lib/search/params.ts';
import type { SearchFilters } from '../../lib/search/record.ts';

/** Relevance (''), 五十音, or distance from the resident. */
export type Sort = '' | 'name' | 'near';

export interface SearchState {
  /** As typed. */
  q: string;
  filters: SearchFilters;
  sort: Sort;
}

/** A sort as given (URL, select); anything else is relevance. */
export const readSort = (value: string | null): Sort => (value === 'name' || value === 'near' ? value : '');

export function readState(search: string): SearchState {
  const p = new URLSearchParams(search);
  return { q: p.get('q') ?? '', filters: readFilters(p), sort: readSort(p.get('sort')) };
}

/** The page's URL for a state: the query trimmed, filters in the page's order, nothing empty. */
export function stateUrl(s: SearchState, prefix: string): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  appendFilters(p, s.filters);
  if (s.sort) p.set('sort', s.sort);
  const qs = p.toString();
  return `${prefix}/search/${qs ? `?${qs}` : ''}`;
}
