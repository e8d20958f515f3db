/**
 * The /api/search contract (src/lib/search/contract.ts): what the search page writes (toSearchParams) the
 * edge reads back unchanged (parseSearchParams), and everything else is refused naming the parameter.
 */
import { describe, expect, it } from 'vitest';
import { parseSearchParams, SEARCH_LIMITS, type SearchRequest } from '../../src/lib/search/contract.ts';
import { SEARCH_PAGE_SIZE, toSearchParams } from '../../src/lib/search/params.ts';

const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs));
const request = (r: Partial<SearchRequest>): SearchRequest => ({ q: '', filters: {}, sort: '', offset: 0, limit: SEARCH_PAGE_SIZE, ...r });

describe('the /api/search request', () => {
  it('writes only what differs from the defaults, and always the page size', () => {
    expect(String(toSearchParams(request({ q: '眼科' })))).toBe(`q=${encodeURIComponent('眼科')}&limit=20`);
    expect(String(toSearchParams(request({ filters: { day: ['土曜'], dept: ['眼科'] }, sort: 'name', offset: 40, limit: 50 })))).toBe(
      `dept=${encodeURIComponent('眼科')}&day=${encodeURIComponent('土曜')}&sort=name&offset=40&limit=50`,
    );
  });

  it.each([
    request({}),
    request({ q: '沼袋 内科' }),
    request({
      q: 'a&b=c',
      filters: { dept: ['内科', '小児科'], area: ['沼袋'], day: ['月曜', '土曜'], hours: ['未登録'] },
      sort: 'name',
      offset: 100_000,
      limit: 50,
    }),
    request({
      q: 'あ'.repeat(SEARCH_LIMITS.queryChars),
      filters: { area: Array.from({ length: SEARCH_LIMITS.valuesPerFilter }, (_, i) => `町${i}`) },
      limit: 1,
    }),
  ])('reads back what the page wrote: %j', (req) => {
    expect(parseSearchParams(toSearchParams(req))).toStrictEqual({ ok: true, request: req });
  });

  it('fills in the defaults and leaves out empty values', () => {
    expect(parse('')).toStrictEqual({ ok: true, request: request({}) });
    expect(parse(`q=&dept=&dept=${encodeURIComponent('眼科')}&area=&offset=&limit=`)).toStrictEqual({
      ok: true,
      request: request({ filters: { dept: ['眼科'] } }),
    });
  });

  it('counts characters, not UTF-16 units: 200 emoji are a query of 200 characters', () => {
    expect(parse(`q=${encodeURIComponent('🏥'.repeat(200))}`).ok).toBe(true);
    expect(parse(`q=${encodeURIComponent('🏥'.repeat(201))}`)).toMatchObject({ ok: false, issues: [{ field: 'q', reason: 'tooLong' }] });
  });

  it.each([
    ['an unknown parameter', 'q=内科&debug=1', 'debug', 'unknownField'],
    ['a long unknown parameter, named in 40 characters', `${'x'.repeat(41)}=1`, 'x'.repeat(40), 'unknownField'],
    ['a query over 200 characters', `q=${'あ'.repeat(201)}`, 'q', 'tooLong'],
    ['control characters', 'q=%E5%86%85%00%E7%A7%91', 'q', 'controlChars'],
    ['a bidi override', 'q=%E2%80%AE', 'q', 'controlChars'],
    ['distance sorting', 'q=内科&sort=near', 'sort', 'invalidChoice'],
    ['sort twice', 'sort=name&sort=name', 'sort', 'type'],
    ['limit 0', 'limit=0', 'limit', 'type'],
    ['limit over 50', 'limit=51', 'limit', 'type'],
    ['a negative offset', 'offset=-1', 'offset', 'type'],
    ['an offset over 100,000', 'offset=100001', 'offset', 'type'],
    ['an offset that is not a number', 'offset=1e3', 'offset', 'type'],
    ['q twice', 'q=内科&q=眼科', 'q', 'type'],
    ['a filter value over 60 characters', `dept=${'科'.repeat(61)}`, 'dept', 'tooLong'],
    ['a filter value with a control character', 'station=%E4%B8%AD%0A', 'station', 'controlChars'],
    ['31 values for one filter', Array.from({ length: 31 }, (_, i) => `area=町${i}`).join('&'), 'area', 'tooLong'],
  ])('refuses %s, naming the parameter', (_name, qs, field, reason) => {
    expect(parse(qs)).toStrictEqual({ ok: false, issues: [{ field, reason }] });
  });

  it('names every refused parameter, an unknown one first', () => {
    expect(parse(`limit=0&q=${'あ'.repeat(201)}&debug=1`)).toStrictEqual({
      ok: false,
      issues: [
        { field: 'debug', reason: 'unknownField' },
        { field: 'q', reason: 'tooLong' },
        { field: 'limit', reason: 'type' },
      ],
    });
  });
});
