/** The shared normaliser: index and query spell a word the same way however the resident typed it. */
import { describe, expect, it } from 'vitest';
import { decode, encode, fold, indexToken, normalizeQuery, romajiKana, stationToken, suffixes, words } from '../../src/lib/search/normalize.ts';
import { searchAll } from '../../src/lib/search/query.ts';
import type { PagefindResponse } from '../../src/lib/search/pagefind-types.ts';

describe('fold', () => {
  it.each([
    ['クリニック', 'くりにっく'],
    ['ｸﾘﾆｯｸ', 'くりにっく'],
    ['くりにっく', 'くりにっく'],
    ['ＫＡＲＡＤＡ内科', 'karada内科'],
    ['皮フ科', '皮ふ科'],
    ['髙崎医院', '高崎医院'],
    ['尾﨑内科', '尾崎内科'],
    ['〒165-0026', '1650026'],
    ['１６５－００２６', '1650026'],
    ['中央四丁目', '中央4丁目'],
    ['しばたこども＆アレルギー', 'しばたこどもあれるぎ'],
    ['レディース', 'れでぃす'],
  ])('%s → %s', (input, out) => expect(fold(input)).toBe(out));
});

describe('tokens', () => {
  it('round-trips through the ASCII encoding, 3 letters a character', () => {
    expect(encode('東京警察病院')).toHaveLength(18);
    expect(encode('東京警察病院')).toMatch(/^[0-9a-m][0-9a-z]*$/);
    expect(decode(encode('中野4丁目くりにっくabc'))).toBe('中野4丁目くりにっくabc');
  });

  it('a query word matches an index word as a prefix, never the reverse (Pagefind falls back to that)', () => {
    const index = indexToken(fold('沼袋'));
    expect(index.startsWith(encode(fold('沼袋')))).toBe(true);
    expect(encode(fold('沼袋内科')).startsWith(index)).toBe(false);
  });

  it('suffixes make words inside compound names findable', () => {
    expect(suffixes('東京警察病院')).toContain('警察病院');
    expect(suffixes('眼科')).toEqual(['眼科', '科']);
  });

  it('splits on spaces of any width and punctuation, and ANDs the words', () => {
    expect(words('沼袋　内科, 皮膚科')).toEqual(['沼袋', '内科', '皮膚科']);
    expect(normalizeQuery('沼袋　ないか').terms.map((t) => t.word)).toEqual(['沼袋', 'ないか']);
    expect(normalizeQuery('内科 ナイカ 内科').terms).toHaveLength(2);
  });

  it('a word ending in 駅 is a whole station: 中野駅 is not a prefix of 新中野駅 or 中野坂上駅', () => {
    const q = normalizeQuery('中野駅').terms[0]!;
    expect(q.kind).toBe('station');
    expect(q.token).toBe(stationToken('中野'));
    expect(stationToken('新中野').startsWith(q.token)).toBe(false);
    expect(stationToken('中野坂上').startsWith(q.token)).toBe(false);
    expect(normalizeQuery('駅').terms[0]!.kind).toBe('text');
  });

  it('ignores what cannot be searched', () => {
    expect(normalizeQuery('　・、 ').pagefind).toBe('');
  });
});

describe('romaji (wanakana)', () => {
  it.each([
    ['naika', 'ないか'],
    ['jibika', 'じびか'],
    ['zibika', 'じびか'],
    ['hashimoto', 'はしもと'],
    ['shounika', 'しょうにか'],
  ])('%s reads as %s', (w, kana) => expect(romajiKana(w)).toBe(kana));

  it.each(['clinic', 'ivf', 'x', '内科', 'naika内科'])('%s is not romaji', (w) => expect(romajiKana(w)).toBeUndefined());

  it('a romaji word is searched as its letters when they match (karada), and as kana otherwise (naika)', async () => {
    const indexed = new Set([encode('karada'), encode('ないか')]);
    const asked: string[] = [];
    const pf = {
      search: async (q: string | null) => {
        asked.push(q ?? '');
        const hit = (q ?? '').split(' ').every((w) => indexed.has(w));
        return { results: hit ? [{ id: 'x' }] : [], filters: {}, totalFilters: {}, unfilteredResultCount: 0 } as unknown as PagefindResponse;
      },
    };
    expect((await searchAll(pf, 'naika')).query.terms.map((t) => decode(t.token))).toEqual(['ないか']);
    expect((await searchAll(pf, 'karada')).query.terms.map((t) => decode(t.token))).toEqual(['karada']);
    expect((await searchAll(pf, 'karada naika')).response?.results).toHaveLength(1);
    expect(asked).toContain(encode('naika'));
  });
});

describe('words searched alone', () => {
  /** Like Pagefind: a word the index lacks is dropped, and the rest searched. */
  const fakeIndex = (words: string[]) => {
    const indexed = new Set(words.map(encode));
    const asked: string[] = [];
    const pf = {
      search: async (q: string | null) => {
        asked.push((q ?? '').split(' ').map(decode).join(' '));
        const known = (q ?? '').split(' ').filter((w) => indexed.has(w));
        return { results: known.length ? [{ id: 'x' }] : [], filters: {}, totalFilters: {}, unfilteredResultCount: 0 } as unknown as PagefindResponse;
      },
    };
    return { pf, asked };
  };

  it('a word missing from the index is named, though Pagefind would drop it and search the rest', async () => {
    const { pf } = fakeIndex(['沼袋', '内科']);
    const out = await searchAll(pf, '沼袋 歯科');
    expect(out.response).toBeUndefined();
    expect(out.missing.map((t) => t.word)).toEqual(['歯科']);
  });

  it('each word is searched alone once per loaded index, and a one-word search counts as that search', async () => {
    const { pf, asked } = fakeIndex(['沼袋', '内科']);
    await searchAll(pf, '沼袋');
    await searchAll(pf, '沼袋 内科');
    await searchAll(pf, '沼袋 内科');
    expect(asked).toEqual(['沼袋', '内科', '沼袋 内科', '沼袋 内科']);
    const other = fakeIndex(['沼袋', '内科']);
    await searchAll(other.pf, '沼袋 内科');
    expect(other.asked).toEqual(['沼袋', '内科', '沼袋 内科']);
  });
});
