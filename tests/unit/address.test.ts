import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { addressKey, AddressError, normalizeAddress } from '../../src/lib/util/address.ts';
import { parseJapaneseNumber, toKanjiNumber } from '../../src/lib/util/japanese.ts';

const shared = new URL('../../../shared/data/', import.meta.url);
const chome = parse(readFileSync(new URL('geo/nakano_chome_geolonia.csv', shared)), { columns: true }) as Record<string, string>[];
const towns = [...new Set(chome.map((r) => r['町名'] ?? ''))];
const facilities = parse(readFileSync(new URL('nakano_facilities/kouseikyoku_hokeniryokikan_nakano_202508.csv', shared)), { columns: true }) as Record<
  string,
  string
>[];

describe('parseJapaneseNumber / toKanjiNumber', () => {
  it.each([
    ['一', 1],
    ['五', 5],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['7', 7],
    ['12', 12],
  ] as const)('%s → %d', (s, n) => {
    expect(parseJapaneseNumber(s)).toBe(n);
  });
  it('rejects what is not a number', () => expect(parseJapaneseNumber('丁')).toBeUndefined());
  it.each([1, 5, 10, 12, 20, 23])('round-trips %d', (n) => expect(parseJapaneseNumber(toKanjiNumber(n))).toBe(n));
});

describe('normalizeAddress on the real variants', () => {
  it.each([
    ['中野区中央四丁目５９番１６号', { town: '中央', chome: 4, block: '59-16' }],
    ['中野区中野５丁目６７－５ ＳＫＧＴ長谷部４階', { town: '中野', chome: 5, block: '67-5', building: 'SKGT長谷部4階' }],
    ['中野区中野五丁目６７番５号 ＳＫＧＴ長谷部２階', { town: '中野', chome: 5, block: '67-5', building: 'SKGT長谷部2階' }],
    ['中野区中央２丁目５９番地１８号 ジャロックビル２階', { town: '中央', chome: 2, block: '59-18', building: 'ジャロックビル2階' }],
    ['中野区本町一丁目３１番６－２０３', { town: '本町', chome: 1, block: '31-6-203' }],
    [
      '中野区中野２丁目２４－１１ ナカノサウステラ・オフィス棟５階Ｃ区画',
      { town: '中野', chome: 2, block: '24-11', building: 'ナカノサウステラ・オフィス棟5階C区画' },
    ],
    ['中野区江古田２丁目１番１号 １階、２階', { town: '江古田', chome: 2, block: '1-1', building: '1階、2階' }],
    ['中野区上鷺宮四丁目１７番１４号', { town: '上鷺宮', chome: 4, block: '17-14' }],
    ['中野区東中野五丁目８番７号', { town: '東中野', chome: 5, block: '8-7' }],
    ['東京都中野区中野五丁目', { town: '中野', chome: 5 }],
    ['中野5-67-5', { town: '中野', chome: 5, block: '67-5' }],
  ])('%s', (published, expected) => {
    expect(normalizeAddress(published, towns)).toEqual(expected);
  });

  it('gives the same key to the kanji, full-width and hyphen spellings of one address', () => {
    const keys = ['中野区中野五丁目６７番５号', '中野区中野５丁目６７－５ ＳＫＧＴ長谷部４階', '中野5-67-5'].map((a) => addressKey(normalizeAddress(a, towns)));
    expect(new Set(keys).size).toBe(1);
  });

  it('refuses an address outside the ward with a clear error', () => {
    expect(() => normalizeAddress('杉並区高円寺南四丁目１番', towns)).toThrow(AddressError);
  });

  it('places every one of the 312 real addresses in a 町丁目 that exists', () => {
    expect(facilities).toHaveLength(312);
    const known = new Set(chome.map((r) => `${r['町名']}|${r['丁目']}`));
    const misses = facilities
      .map((f) => ({ a: f['住所'] ?? '', n: normalizeAddress(f['住所'] ?? '', towns) }))
      .filter(({ n }) => !known.has(`${n.town}|${n.chome}`) || !n.block);
    expect(misses).toEqual([]);
  });
});
