/**
 * Text helpers (Japanese, and the romanised names beside it) shared by the seed, the importer, the content check and search.
 * Pure functions; no dependency beyond the standard library.
 */

/** NFKC (full-width digits and Latin to half-width, half-width kana to full-width) and trimmed spaces. */
export const nfkc = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/gu, ' ')
    .trim();

/** An English name as the English search page compares it: no case, accents, spaces or punctuation (OB/GYN → obgyn). */
export const foldLatin = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const KANJI_DIGITS: Readonly<Record<string, number>> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A number written in kanji (一 … 九十九, with 十) or Arabic digits, as in 丁目 and 番地.
 * Returns undefined for anything else.
 */
export function parseJapaneseNumber(s: string): number | undefined {
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (!/^[〇一二三四五六七八九十]+$/u.test(s)) return undefined;
  const ten = s.indexOf('十');
  if (ten < 0) return [...s].reduce((n, c) => n * 10 + (KANJI_DIGITS[c] ?? 0), 0);
  const tens = ten === 0 ? 1 : (KANJI_DIGITS[s[ten - 1] ?? ''] ?? 0);
  const ones = ten === s.length - 1 ? 0 : (KANJI_DIGITS[s[ten + 1] ?? ''] ?? 0);
  return tens * 10 + ones;
}

/** 1 → 一, 5 → 五, 12 → 十二: how 丁目 is written in official town names. */
export function toKanjiNumber(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n] ?? '';
  return `${n >= 20 ? (d[Math.floor(n / 10)] ?? '') : ''}十${d[n % 10] ?? ''}`;
}

/** Dashes that stand between numbers in addresses (hyphen, minus, long dashes, katakana ー after a digit). */
export const ADDRESS_DASHES = /[-‐‑‒–—―−ｰ─━]/gu;

/** Old or variant kanji residents rarely type, mapped to the form they do (NFKC leaves these alone). */
const KANJI_VARIANTS: Readonly<Record<string, string>> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  德: '徳',
  邊: '辺',
  邉: '辺',
  濱: '浜',
  澤: '沢',
  齋: '斎',
  齊: '斉',
  櫻: '桜',
  廣: '広',
  國: '国',
  眞: '真',
  嶋: '島',
  嶌: '島',
  槇: '槙',
  冨: '富',
  壽: '寿',
  藝: '芸',
  圓: '円',
  會: '会',
  醫: '医',
  學: '学',
  榮: '栄',
  惠: '恵',
  瀨: '瀬',
  檜: '桧',
  顯: '顕',
};
const VARIANT_RE = new RegExp(`[${Object.keys(KANJI_VARIANTS).join('')}]`, 'gu');

/**
 * One canonical spelling: NFKC (full/half width, ｸﾘﾆｯｸ → クリニック), lower case, katakana → hiragana,
 * variant kanji → common kanji, 四丁目 → 4丁目, and no punctuation or symbols (165-0026 → 1650026,
 * 〒 dropped). The long-vowel mark ー goes too: names spell it both ways (レディース・レディス). The search
 * builds its tokens on it (src/lib/search/normalize.ts); the content check keeps symptom words unique with it.
 */
export function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(VARIANT_RE, (c) => KANJI_VARIANTS[c] ?? c)
    .replace(/([〇一二三四五六七八九十]+)丁目/gu, (m, n: string) => {
      const v = parseJapaneseNumber(n);
      return v === undefined ? m : `${v}丁目`;
    })
    .replace(/[\p{P}\p{S}\sー〜～]/gu, '');
}
