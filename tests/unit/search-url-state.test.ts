/** The search page's URL: what the page reads from it and writes to it (src/scripts/search/url-state.ts). */
import { describe, expect, it } from 'vitest';
import { readSort, readState, stateUrl, type SearchState } from '../../src/scripts/search/url-state.ts';

describe('the search in the URL', () => {
  it('reads the query as typed, every value of each filter in order, and the sort', () => {
    const search = `?sort=name&day=${encodeURIComponent('土曜')}&dept=${encodeURIComponent('内科')}&q=${encodeURIComponent('沼袋　内科 ')}&dept=${encodeURIComponent('小児科')}`;
    expect(readState(search)).toEqual({ q: '沼袋　内科 ', filters: { dept: ['内科', '小児科'], day: ['土曜'] }, sort: 'name' });
  });

  it('leaves out empty values, filters without a value and unknown parameters', () => {
    const state = readState(`?q=&dept=&dept=${encodeURIComponent('眼科')}&area=&debug=1`);
    expect(state).toStrictEqual({ q: '', filters: { dept: ['眼科'] }, sort: '' });
  });

  it.each([
    ['name', 'name'],
    ['near', 'near'],
    ['', ''],
    [null, ''],
    ['distance', ''],
    ['NAME', ''],
  ] as const)('reads the sort %j as %j', (given, sort) => {
    expect(readSort(given)).toBe(sort);
    expect(readState(given === null ? '' : `?sort=${given}`).sort).toBe(sort);
  });

  it('writes the query trimmed, the filters in the page’s order, the sort, and nothing empty', () => {
    const url = stateUrl({ q: '  眼科 ', filters: { station: ['中野'], dept: ['眼科', '内科'], day: [] }, sort: 'near' }, '');
    expect(url).toBe(
      `/search/?q=${encodeURIComponent('眼科')}&dept=${encodeURIComponent('眼科')}&dept=${encodeURIComponent('内科')}&station=${encodeURIComponent('中野')}&sort=near`,
    );
    expect(stateUrl({ q: ' 　', filters: {}, sort: '' }, '')).toBe('/search/');
  });

  it('writes the English page’s URL under /en, with the index’s Japanese filter values', () => {
    expect(stateUrl({ q: 'eye doctor', filters: { kind: ['病院'] }, sort: '' }, '/en')).toBe(`/en/search/?q=eye+doctor&kind=${encodeURIComponent('病院')}`);
  });

  it('reads back what it wrote (a shared link shows the same search)', () => {
    const states: SearchState[] = [
      { q: '沼袋 内科', filters: {}, sort: '' },
      { q: 'a&b=c?#', filters: { dept: ['内科', '小児科'], area: ['沼袋'], day: ['月曜', '土曜'], access: ['車いす可'] }, sort: 'name' },
      { q: '', filters: { service: ['予防接種'] }, sort: 'near' },
    ];
    for (const s of states) expect(readState(new URL(stateUrl(s, ''), 'https://example.jp').search)).toEqual(s);
  });
});
