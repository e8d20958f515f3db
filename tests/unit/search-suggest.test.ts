/** What the search page suggests for a 1-character query and when nothing matches (src/scripts/search/suggest.ts). */
import { describe, expect, it } from 'vitest';
import { queryWords, type QueryWord } from '../../src/scripts/search/english.ts';
import type { Vocab } from '../../src/scripts/search/page.ts';
import { betterQueries, suggestions } from '../../src/scripts/search/suggest.ts';
import type { SearchState } from '../../src/scripts/search/url-state.ts';
import { searchWords } from '../../src/scripts/search/words.ts';

/** The English page's vocabulary; the Japanese page's has no English names. */
const enVocab: Vocab = {
  departments: [
    { code: '01001', name: '内科', kana: 'ないか', synonyms: ['一般内科'], n: 120, en: 'Internal Medicine' },
    { code: '29001', name: '眼科', kana: 'がんか', synonyms: [], n: 20, en: 'Ophthalmology' },
    { code: '30001', name: '皮膚科', kana: 'ひふか', synonyms: ['皮フ科'], n: 15, en: 'Dermatology' },
    { code: '33001', name: '小児歯科', kana: 'しょうにしか', synonyms: [], n: 0, en: 'Pediatric Dentistry' },
  ],
  towns: [
    { slug: 'numabukuro', name: '沼袋', kana: 'ぬまぶくろ', n: 12, en: 'Numabukuro' },
    { slug: 'nakano', name: '中野', kana: 'なかの', n: 90, en: 'Nakano' },
  ],
  stations: [
    { id: 'numabukuro', name: '沼袋', kana: 'ぬまぶくろ', n: 10, en: 'Numabukuro' },
    { id: 'nakano', name: '中野', kana: 'なかの', n: 80, en: 'Nakano' },
    { id: 'higashi-nakano', name: '東中野', kana: 'ひがしなかの', n: 30, en: 'Higashi-Nakano' },
    { id: 'shin-nakano', name: '新中野', kana: 'しんなかの', n: 20, en: 'Shin-Nakano' },
    { id: 'nakano-sakaue', name: '中野坂上', kana: 'なかのさかうえ', n: 15, en: 'Nakano-sakaue' },
  ],
};
const vocab: Vocab = {
  departments: enVocab.departments.map(({ en: _en, ...d }) => d),
  towns: enVocab.towns.map(({ en: _en, ...t }) => t),
  stations: enVocab.stations.map(({ en: _en, ...s }) => s),
};
const ja = { ui: searchWords.ja, prefix: '', vocab };
const en = { ui: searchWords.en, prefix: '/en', vocab: enVocab };
const state = (q: string, more: Partial<SearchState> = {}): SearchState => ({ q, filters: {}, sort: '', ...more });
const words = (q: string): QueryWord[] => queryWords(q, new Map());
/** A value as URLSearchParams writes it. */
const q = (s: string) => String(new URLSearchParams({ v: s })).slice(2);

describe('a 1-character query', () => {
  it('lists the departments containing it, most common first, as links to their filter (keeping the sort)', () => {
    const s = suggestions(ja, state('科', { sort: 'name' }), words('科'), 160, []);
    expect(s.departments?.intro).toBe('「科」を含む診療科から選ぶと、その診療科の医療機関だけを表示します:');
    expect(s.departments?.links).toEqual([
      { href: `/search/?dept=${q('内科')}&sort=name`, text: '内科（120）' },
      { href: `/search/?dept=${q('眼科')}&sort=name`, text: '眼科（20）' },
      { href: `/search/?dept=${q('皮膚科')}&sort=name`, text: '皮膚科（15）' },
      { href: `/search/?dept=${q('小児歯科')}&sort=name`, text: '小児歯科（0）' },
    ]);
    expect(s.noMatch).toBeUndefined();
  });

  it('matches readings too, and shows English names on the English page', () => {
    const s = suggestions(en, state('ひ'), words('ひ'), 3, []);
    expect(s.departments?.links).toEqual([{ href: `/en/search/?dept=${q('皮膚科')}`, text: 'Dermatology (15)' }]);
  });

  it('never matches one Latin letter against English names (it is in nearly every name)', () => {
    expect(suggestions(en, state('d'), words('d'), 5, []).departments).toBeUndefined();
  });

  it('suggests nothing for a longer word that found something', () => {
    expect(suggestions(ja, state('眼科'), words('眼科'), 20, [])).toEqual({});
  });
});

describe('when nothing matches', () => {
  it('says so, names the words that match no facility as typed, and links the lists of the other words', () => {
    const s = suggestions(ja, state(' 沼袋 眼科 歯科 '), words('沼袋 眼科 歯科'), 0, ['歯科']);
    expect(s.noMatch).toEqual({
      heading: '「沼袋 眼科 歯科」に当てはまる医療機関は見つかりませんでした。',
      missing: '「歯科」を含む医療機関がありません。',
      tryAlso: '次の方法も試せます:',
      tips: [],
      browse: [
        { href: '/areas/numabukuro/', text: '沼袋の医療機関の一覧' },
        { href: '/stations/numabukuro/', text: '沼袋駅の近くの医療機関の一覧' },
        { href: '/departments/29001/', text: '診療科「眼科」の一覧' },
        { href: '/departments/33001/', text: '診療科「小児歯科」の一覧' },
      ],
      hint: searchWords.ja.hint,
    });
  });

  it('offers to drop the filters, and at most 3 list links of each kind a word', () => {
    const s = suggestions(ja, state('中野', { filters: { dept: ['眼科'] }, sort: 'name' }), words('中野'), 0, []);
    expect(s.noMatch?.missing).toBeUndefined();
    expect(s.noMatch?.tips).toEqual([{ href: `/search/?q=${q('中野')}&sort=name`, text: '絞り込み条件を外して探す' }]);
    expect(s.noMatch?.browse.map((l) => l.href)).toEqual(['/areas/nakano/', '/stations/nakano/', '/stations/higashi-nakano/', '/stations/shin-nakano/']);
  });

  it('shows a missing English word as it was typed, not as the Japanese name searched', () => {
    const typed: QueryWord[] = [
      { typed: 'Numabukuro', search: '沼袋' },
      { typed: 'ophthalmology', search: '眼科' },
    ];
    const s = suggestions(en, state('Numabukuro ophthalmology'), typed, 0, ['眼科']);
    expect(s.noMatch?.missing).toBe('No facility matches “ophthalmology”.');
    expect(s.noMatch?.browse).toContainEqual({ href: '/en/departments/29001/', text: 'All Ophthalmology facilities' });
  });

  it('says nothing when nothing searchable was typed', () => {
    expect(suggestions(ja, state('、。'), words('、。'), 0, [])).toEqual({});
  });
});

describe('better queries, searched for', () => {
  /** A search that finds `hits[q]` results, and remembers what it was asked. */
  const counter = (hits: Record<string, number>) => {
    const asked: string[] = [];
    return { asked, count: async (s: string) => (asked.push(s), hits[s] ?? 0) };
  };

  it('for several words: each word alone that finds something, linked as typed with the filters kept', async () => {
    const c = counter({ 沼袋: 12, 眼科: 20 });
    const st = state('沼袋 眼科 歯科', { filters: { day: ['土曜'] } });
    const found = await betterQueries(ja, st, words(st.q), c.count);
    expect(c.asked).toEqual(['沼袋', '眼科', '歯科']);
    expect(found).toEqual([
      { href: `/search/?q=${q('沼袋')}&day=${q('土曜')}`, text: '「沼袋」だけで探す（12 件）' },
      { href: `/search/?q=${q('眼科')}&day=${q('土曜')}`, text: '「眼科」だけで探す（20 件）' },
    ]);
  });

  it('searches the Japanese name of an English word but links the word as typed', async () => {
    const c = counter({ 沼袋: 12 });
    const typed: QueryWord[] = [
      { typed: 'Numabukuro', search: '沼袋' },
      { typed: 'ophthalmology', search: '眼科' },
    ];
    expect(await betterQueries(en, state('Numabukuro ophthalmology'), typed, c.count)).toEqual([
      { href: '/en/search/?q=Numabukuro', text: 'Search for “Numabukuro” only (12)' },
    ]);
  });

  it('splits a run-together word at a vocabulary name, longest name first, until a split finds something', async () => {
    const first = counter({ '沼袋 内科': 7 });
    expect(await betterQueries(ja, state('沼袋内科'), words('沼袋内科'), first.count)).toEqual([
      { href: `/search/?q=${q('沼袋 内科')}`, text: '「沼袋 内科」で探す（7 件）' },
    ]);
    expect(first.asked).toEqual(['沼袋 内科']);

    // 沼袋 is a town and a station; then 内科 splits it the other way round.
    const later = counter({ '内科 沼袋': 3 });
    expect(await betterQueries(ja, state('沼袋内科'), words('沼袋内科'), later.count)).toEqual([
      { href: `/search/?q=${q('内科 沼袋')}`, text: '「内科 沼袋」で探す（3 件）' },
    ]);
    expect(later.asked).toEqual(['沼袋 内科', '沼袋 内科', '内科 沼袋']);
  });

  it('tries no split of a word that is itself a name or holds none', async () => {
    for (const w of ['内科', '架空のふじなみ医院']) {
      const c = counter({});
      expect(await betterQueries(ja, state(w), words(w), c.count)).toEqual([]);
      expect(c.asked).toEqual([]);
    }
  });
});
