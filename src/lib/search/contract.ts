/**
 * GET /api/search, the search page's first results at the edge (functions/_lib/search.ts): what a request
 * may hold, checked with zod, and what the answer holds. The search page writes its requests with
 * `toSearchParams` (params.ts) and reads the answer as `SearchAnswer`; the edge reads requests with
 * `parseSearchParams`. Every refusal names the parameter.
 */
import { z } from 'zod';
import { formIssues, type FormIssue } from '../schema/forms.ts';
import type { ResultData } from './pagefind-types.ts';
import { readFilters, SEARCH_PAGE_SIZE } from './params.ts';
import { FILTER_KEYS, type FilterKey, type SearchFilters } from './record.ts';

/** What the API accepts: a query a resident types, a handful of checked filters, and a page of results. */
export const SEARCH_LIMITS = { queryChars: 200, valueChars: 60, valuesPerFilter: 30, pageSize: 50, offset: 100_000 } as const;
/** Orders the edge can give. Distance needs the resident's position, which stays in the browser. */
export const API_SORTS = ['', 'name'] as const;

/** Control characters (C0, DEL, C1) and bidi overrides. */
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** A parameter given once: text of at most `max` characters, without control characters. */
const text = (max: number) =>
  z
    .string({ error: 'type' })
    .refine((s) => [...s].length <= max, { error: 'tooLong', abort: true })
    .refine((s) => !CONTROL.test(s), { error: 'controlChars' });

/** A parameter given once: a whole number from `min` to `max`; absent or empty is `fallback`. */
const whole = (fallback: number, min: number, max: number) =>
  z
    .string({ error: 'type' })
    .regex(/^\d{0,7}$/, { error: 'type' })
    .transform((s) => (s === '' ? fallback : Number(s)))
    .pipe(z.number().min(min, { error: 'type' }).max(max, { error: 'type' }))
    .default(fallback);

const filterValues = z.array(text(SEARCH_LIMITS.valueChars)).max(SEARCH_LIMITS.valuesPerFilter, { error: 'tooLong' }).optional();

export const SearchRequestSchema = z
  .strictObject({
    /** The words searched: on the English page, already the Japanese names the index holds. Default none. */
    q: text(SEARCH_LIMITS.queryChars).default(''),
    /** `name`: 五十音 order. Default: relevance, or 五十音 when no word is searchable. */
    sort: z
      .string({ error: 'type' })
      .pipe(z.enum(API_SORTS, { error: 'invalidChoice' }))
      .default(''),
    /** Where the page starts in the results. Default 0. */
    offset: whole(0, 0, SEARCH_LIMITS.offset),
    /** Results in the page. Default SEARCH_PAGE_SIZE. */
    limit: whole(SEARCH_PAGE_SIZE, 1, SEARCH_LIMITS.pageSize),
    /** The checked values of each filter (?dept=内科&dept=小児科). */
    ...(Object.fromEntries(FILTER_KEYS.map((k) => [k, filterValues])) as Record<FilterKey, typeof filterValues>),
  })
  .transform(({ q, sort, offset, limit, ...rest }) => {
    const filters: SearchFilters = rest;
    return { q, filters, sort, offset, limit };
  });

export type SearchRequest = z.output<typeof SearchRequestSchema>;

/** The answer: one page of the results, in the order the page's own Pagefind gives them. */
export interface SearchAnswer {
  /** Every result, not only this page. */
  total: number;
  offset: number;
  results: ResultData[];
  /** Query words (folded) that match no facility at all. */
  missing: string[];
}

/** A refused parameter's name is echoed at most this long. */
const FIELD_CHARS = 40;

/** ?q=…&dept=内科&sort=name&offset=20&limit=20 → the request, or one issue per refused parameter. */
export function parseSearchParams(p: URLSearchParams): { ok: true; request: SearchRequest } | { ok: false; issues: FormIssue[] } {
  const input: Record<string, unknown> = readFilters(p);
  for (const k of new Set(p.keys())) {
    if ((FILTER_KEYS as readonly string[]).includes(k)) continue;
    // Given twice where once is expected: a list, which the schema refuses as the wrong type.
    const all = p.getAll(k);
    input[k] = all.length === 1 ? all[0] : all;
  }
  const r = SearchRequestSchema.safeParse(input);
  if (r.success) return { ok: true, request: r.data };
  const issues = formIssues(r.error).map((i) => ({ ...i, field: i.field.slice(0, FIELD_CHARS) }));
  // An unknown parameter is named first: whoever sent it is likely reading another version of this API.
  return { ok: false, issues: issues.sort((a, b) => Number(b.reason === 'unknownField') - Number(a.reason === 'unknownField')) };
}
