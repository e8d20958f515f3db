/** English queries on /en/search/: English vocabulary names are searched as the Japanese ones (src/scripts/search/english.ts). */
import { describe, expect, it } from 'vitest';
import { englishNames, queryWords, searchText } from '../../src/scripts/search/english.ts';
import type { Vocab } from '../../src/scripts/search/page.ts';

const dept = (code: string, name: string, en: string, enSynonyms: string[] = [], n = 1) => ({ code, name, kana: '', synonyms: [], n, en, enSynonyms });
/** Most common department first, as the page lists them. */
const vocab: Vocab = {
  departments: [
    dept('01001', '内科', 'Internal Medicine', ['Physician', 'GP'], 120),
    dept('31001', '形成外科', 'Plastic Surgery', ['Dermatology'], 30),
    dept('30001', '皮膚科', 'Dermatology', [], 25),
    dept('29001', '眼科', 'Ophthalmology', ['Eye Doctor'], 20),
    dept('01026', '総合診療科', 'General Medicine', ['GP'], 3),
    dept('01150', 'ペインクリニック内科', 'Pain Clinic (Internal Medicine)', [], 2),
  ],
  towns: [
    { slug: 'numabukuro', name: '沼袋', kana: 'ぬまぶくろ', n: 12, en: 'Numabukuro' },
    { slug: 'higashinakano', name: '東中野', kana: 'ひがしなかの', n: 30, en: 'Higashi-Nakano' },
  ],
  stations: [{ id: 'nakano', name: '中野', kana: 'なかの', n: 80, en: 'Nakano' }],
};
const names = englishNames(vocab, { 病院: 'Hospital', 診療所: 'Clinic' });
const searched = (q: string) => queryWords(q, names).map((w) => [w.typed, w.search]);

describe('English names', () => {
  it('finds each vocabulary name without case, accents, spaces or punctuation', () => {
    for (const q of ['Internal Medicine', 'internal medicine', 'INTERNAL-MEDICINE', 'Internal　Médicine'])
      expect(searched(q), q).toEqual([[q.replace('　', ' '), '内科']]);
    expect(searched('Higashi-Nakano')).toEqual([['Higashi-Nakano', '東中野']]);
    expect(searched('higashi nakano')).toEqual([['higashi nakano', '東中野']]);
  });

  it('takes the longest run of words that is a name, not a shorter name inside it', () => {
    expect(searched('Pain Clinic (Internal Medicine)')).toEqual([['Pain Clinic (Internal Medicine)', 'ペインクリニック内科']]);
    expect(searched('Numabukuro internal medicine')).toEqual([
      ['Numabukuro', '沼袋'],
      ['internal medicine', '内科'],
    ]);
  });

  it('reads a station with or without Sta. / station, and a facility kind', () => {
    expect(searched('Nakano')).toEqual([['Nakano', '中野']]);
    expect(searched('Nakano Sta.')).toEqual([['Nakano Sta.', '中野駅']]);
    expect(searched('nakano station')).toEqual([['nakano station', '中野駅']]);
    expect(searched('hospital')).toEqual([['hospital', '病院']]);
  });

  it('lets official names win over everyday ones, and the most common department a shared name', () => {
    // 形成外科 (more common) lists Dermatology as an everyday name; 皮膚科's official name wins.
    expect(searched('Dermatology')).toEqual([['Dermatology', '皮膚科']]);
    expect(searched('eye doctor')).toEqual([['eye doctor', '眼科']]);
    expect(searched('GP')).toEqual([['GP', '内科']]);
  });

  it('keeps every other word as typed, split at half- and full-width spaces', () => {
    expect(searched(' 東京警察病院　3丁目 ')).toEqual([
      ['東京警察病院', '東京警察病院'],
      ['3丁目', '3丁目'],
    ]);
    expect(searched('pharmacy Numabukuro')).toEqual([
      ['pharmacy', 'pharmacy'],
      ['Numabukuro', '沼袋'],
    ]);
    expect(searchText('Numabukuro  Eye Doctor', names)).toBe('沼袋 眼科');
  });

  it('never joins a Japanese word into an English name beside it', () => {
    expect(searched('東京警察病院 internal medicine')).toEqual([
      ['東京警察病院', '東京警察病院'],
      ['internal medicine', '内科'],
    ]);
    expect(searchText('Numabukuro 内科 Eye Doctor', names)).toBe('沼袋 内科 眼科');
  });

  it('reads nothing as English on the Japanese page (no names)', () => {
    expect(queryWords('internal medicine', new Map()).map((w) => w.search)).toEqual(['internal', 'medicine']);
    expect(searchText('', names)).toBe('');
  });
});
