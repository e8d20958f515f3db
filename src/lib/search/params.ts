/**
 * Search parameters in URLs: the search page's own (?q=…&dept=内科&sort=name) and its requests to
 * /api/search (contract.ts). Without zod, so the search page ships none.
 */
import type { SearchRequest } from './contract.ts';
import { FILTER_KEYS, type SearchFilters } from './record.ts';

/** Results per page: what the search page shows at a time, and /api/search's default limit. */
export const SEARCH_PAGE_SIZE = 20;

/** Each filter's non-empty values; a filter without any is left out. */
export function readFilters(p: URLSearchParams): SearchFilters {
  const filters: SearchFilters = {};
  for (const k of FILTER_KEYS) {
    const v = p.getAll(k).filter(Boolean);
    if (v.length) filters[k] = v;
  }
  return filters;
}

/** The filters as parameters, in FILTER_KEYS order. */
export function appendFilters(p: URLSearchParams, filters: SearchFilters): void {
  for (const k of FILTER_KEYS) for (const v of filters[k] ?? []) p.append(k, v);
}

/** A request as /api/search's parameters; contract.ts's `parseSearchParams` reads them back. */
export function toSearchParams(req: SearchRequest): URLSearchParams {
  const p = new URLSearchParams();
  if (req.q) p.set('q', req.q);
  appendFilters(p, req.filters);
  if (req.sort) p.set('sort', req.sort);
  if (req.offset) p.set('offset', String(req.offset));
  p.set('limit', String(req.limit));
  return p;
}
