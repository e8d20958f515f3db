/**
 * GET /api/search in workerd (`wrangler pages dev`): it must answer exactly what the search page's own
 * Pagefind answers — same results, same order, same count — for every query of tests/search/queries.yaml,
 * with filters and 五十音 order, page by page; refuse bad parameters with a 400 naming the parameter; and
 * never write what was searched to the log.
 */
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadQueries, openIndex } from '../../scripts/search-eval.ts';
import type { SearchAnswer } from '../../src/lib/search/contract.ts';
import { ANY_OF, pagefindFilters, searchAll } from '../../src/lib/search/query.ts';
import { FILTER_KEYS, type SearchFilters } from '../../src/lib/search/record.ts';
import { workerLog } from './forms-helpers.ts';

const baseUrl = inject('baseUrl');
const dist = path.resolve(import.meta.dirname, '../..', process.env['DIST_DIR'] ?? 'dist');

let local: Awaited<ReturnType<typeof openIndex>>;

beforeAll(async () => {
  // Pagefind's browser bundle on the same built index, as the search page loads it.
  local = await openIndex(path.join(dist, 'pagefind'), '/pagefind/');
});

async function edge(params: Record<string, string | string[]>): Promise<SearchAnswer> {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of [v].flat()) p.append(k, x);
  const res = await fetch(`${baseUrl}/api/search?${p}`);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as SearchAnswer;
}

/** The page's own search: every result URL in order, and the words that matched nothing. */
async function browserSearch(q: string, filters: SearchFilters = {}, byName = false): Promise<{ urls: string[]; missing: string[] }> {
  const outcome = await searchAll(local, q, { filters: pagefindFilters(filters), ...(byName ? { sort: { name: 'asc' as const } } : {}) });
  const results = outcome.response?.results ?? [];
  return { urls: await Promise.all(results.map(async (r) => (await r.data()).url)), missing: outcome.missing.map((t) => t.word) };
}

describe('GET /api/search', () => {
  it('answers every evaluation query with the same results, order and count as the browser', async () => {
    const queries = loadQueries();
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const differ: string[] = [];
    for (const { q } of queries) {
      const [a, b] = await Promise.all([edge({ q, limit: '50' }), browserSearch(q)]);
      const same =
        a.total === b.urls.length &&
        JSON.stringify(a.results.map((r) => r.url)) === JSON.stringify(b.urls.slice(0, 50)) &&
        JSON.stringify(a.missing) === JSON.stringify(b.missing);
      if (!same) differ.push(`「${q}」: edge ${a.total} [${a.results.slice(0, 3).map((r) => r.url)}] / browser ${b.urls.length} [${b.urls.slice(0, 3)}]`);
    }
    expect(differ).toEqual([]);
  });

  it('pages through the same order: offset 20 continues where the first page stopped', async () => {
    const all = await browserSearch('内科');
    expect(all.urls.length).toBeGreaterThan(40);
    const first = await edge({ q: '内科' });
    const second = await edge({ q: '内科', offset: '20' });
    expect(first.results.map((r) => r.url)).toEqual(all.urls.slice(0, 20));
    expect(second.results.map((r) => r.url)).toEqual(all.urls.slice(20, 40));
    expect(second.offset).toBe(20);
    expect(second.total).toBe(all.urls.length);
  });

  it('applies filters like the page: any of the departments and all of the rest; no words lists in 五十音 order', async () => {
    // An all-of filter value (診療日, 診療時間の登録, バリアフリー …) that some of these facilities have, from the index.
    const dept = ['内科', '小児科'];
    await local.filters(); // Pagefind counts only the filters it has loaded.
    const counts = (await searchAll(local, '中野', { filters: pagefindFilters({ dept }) })).response?.filters ?? {};
    const allOf = FILTER_KEYS.filter((k) => !ANY_OF.includes(k)).flatMap((k) =>
      Object.keys(counts[k] ?? {}).flatMap((v) => ((counts[k]?.[v] ?? 0) > 0 ? [[k, v] as const] : [])),
    );
    expect(allOf, 'no 内科 or 小児科 facility of 中野 has an all-of filter value (診療日, 診療時間の登録, バリアフリー …) in the index').not.toEqual([]);
    const [key, value] = allOf[0]!;
    const filters: SearchFilters = { dept, [key]: [value] };
    const withWords = await edge({ q: '中野', dept, [key]: value, limit: '50' });
    const expected = await browserSearch('中野', filters);
    expect(withWords.total).toBe(expected.urls.length);
    expect(withWords.total).toBeGreaterThan(0);
    expect(withWords.results.map((r) => r.url)).toEqual(expected.urls.slice(0, 50));

    const noWords = await edge({ dept: ['眼科'], limit: '50' });
    const byName = await browserSearch('', { dept: ['眼科'] }, true);
    expect(noWords.total).toBe(byName.urls.length);
    expect(noWords.results.map((r) => r.url)).toEqual(byName.urls.slice(0, 50));
    for (const r of noWords.results) expect(r.meta['dept']).toContain('眼科');

    const named = await edge({ q: 'クリニック', sort: 'name', limit: '50' });
    expect(named.results.map((r) => r.url)).toEqual((await browserSearch('クリニック', {}, true)).urls.slice(0, 50));
  });

  it('returns what a result line shows: name, departments, town, station, and hours for today’s status', async () => {
    const a = await edge({ q: '東京警察病院', limit: '1' });
    expect(a.results[0]?.url).toBe('/facilities/f-131470061/');
    expect(a.results[0]?.meta).toMatchObject({ title: '東京警察病院', kind: '病院' });
    expect(a.results[0]?.meta['area']).toMatch(/丁目$/);
  });

  it('says which word matched nothing (沼袋 歯科) and answers an empty query with nothing', async () => {
    const a = await edge({ q: '沼袋 歯科' });
    expect(a).toMatchObject({ total: 0, results: [], missing: ['歯科'] });
    expect(await edge({ q: '　、' })).toMatchObject({ total: 0, results: [] });
  });

  it.each([
    ['an unknown parameter', 'q=内科&debug=1', 'debug', 'unknownField'],
    ['a query over 200 characters', `q=${'あ'.repeat(201)}`, 'q', 'tooLong'],
    ['control characters', 'q=%E5%86%85%00%E7%A7%91', 'q', 'controlChars'],
    ['a sort the edge cannot do (distance needs the position, which stays in the browser)', 'q=内科&sort=near', 'sort', 'invalidChoice'],
    ['limit 0', 'q=内科&limit=0', 'limit', 'type'],
    ['limit over 50', 'q=内科&limit=51', 'limit', 'type'],
    ['a negative offset', 'q=内科&offset=-1', 'offset', 'type'],
    ['an offset that is not a number', 'q=内科&offset=1e3', 'offset', 'type'],
    ['q twice', 'q=内科&q=眼科', 'q', 'type'],
    ['a filter value over 60 characters', `dept=${'科'.repeat(61)}`, 'dept', 'tooLong'],
    ['31 values for one filter', Array.from({ length: 31 }, (_, i) => `area=町${i}`).join('&'), 'area', 'tooLong'],
  ])('refuses %s with a 400 naming the parameter', async (_name, qs, field, reason) => {
    const res = await fetch(`${baseUrl}/api/search?${encodeURI(qs).replace(/%25/g, '%')}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { field: string; error: string; message: string };
    expect(body).toMatchObject({ field, error: reason });
    expect(body.message).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it('answers GET only', async () => {
    const res = await fetch(`${baseUrl}/api/search?q=内科`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('never writes what was searched to the log', async () => {
    const words = '架空の検索語てすと 眼科';
    await edge({ q: words });
    await edge({ q: '架空の検索語てすと', dept: ['架空の科目'] });
    const log = await workerLog();
    expect(log).toContain('/api/search');
    for (const w of ['架空の検索語てすと', encodeURIComponent('架空の検索語てすと'), '架空の科目', encodeURIComponent('架空の科目')])
      expect(log).not.toContain(w);
  });
});
