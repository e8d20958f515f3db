/**
 * Search normalisation, shared by the build (keywords written into each facility page) and the browser
 * (the query the resident types). Both sides go through `fold` and `encode`, so they cannot drift.
 *
 * Why encode: Pagefind segments Japanese with a dictionary at build time but with Intl.Segmenter in the
 * browser, and the two disagree (科 misses 眼科, 中野駅 hits 新中野駅). We index our own tokens instead,
 * written as ASCII words that neither segmenter splits: each folded character becomes 3 base-36 letters.
 * Pagefind matches query words as prefixes, so indexing every suffix of a name turns that into
 * substring matching on whole characters (警察病院 inside 東京警察病院). See
 * docs/decisions/0400-search-normalisation.md.
 *
 * Pure, with lib/util and wanakana (romaji → kana, 4.7 KB gzip) only: it ships to the browser.
 */
import { toHiragana } from 'wanakana';
import { fold } from '../util/japanese.ts';

export { fold };

/** Characters that separate words in what residents type and in names: spaces, 、・／ and the like. */
const WORD_SEPARATORS = /[\s\u3000、，,。．.・･/／|｜]+/u;

/** Words of a text, folded; empty words dropped. 「沼袋　内科」 → [沼袋, 内科]. */
export const words = (s: string): string[] =>
  s
    .normalize('NFKC')
    .split(WORD_SEPARATORS)
    .map(fold)
    .filter((w) => w.length > 0);

/** A folded code point → a number below 36³, keeping kana and the CJK block collision-free. */
function codeOf(cp: number): number {
  if (cp < 0x800) return cp;
  if (cp >= 0x3000 && cp < 0x3100) return 0x800 + (cp - 0x3000);
  if (cp >= 0x4e00 && cp <= 0x9fff) return 0x1000 + (cp - 0x4e00);
  // Rare scripts and CJK extensions share a bucket: a collision there costs a false hit, never a miss.
  return 0x6200 + (cp & 0xfff);
}

/** Folded text → one ASCII word, 3 base-36 characters per character (all start with 0–m). */
export const encode = (folded: string): string =>
  [...folded]
    .map((c) =>
      codeOf(c.codePointAt(0) ?? 0)
        .toString(36)
        .padStart(3, '0'),
    )
    .join('');

/**
 * An index word: the encoded text and a closing `y`. Pagefind, when no index word extends a query word,
 * falls back to the longest index word that is a *prefix* of it (meant for stemming): 沼袋内科 would
 * quietly match 沼袋. No index word can be a prefix of a query word once every index word ends in `y`,
 * since `y` never starts a 3-letter code. Query words are plain `encode` and still match as prefixes.
 */
export const indexToken = (folded: string): string => `${encode(folded)}y`;

/** ASCII word → folded text (for debugging and the evaluation report). */
export const decode = (token: string): string => {
  const out: string[] = [];
  for (let i = token.startsWith('z') ? 1 : 0; i + 3 <= token.length; i += 3) {
    const v = parseInt(token.slice(i, i + 3), 36);
    const cp = v < 0x800 ? v : v < 0x900 ? v - 0x800 + 0x3000 : v < 0x6200 ? v - 0x1000 + 0x4e00 : 0xfffd;
    out.push(String.fromCodePoint(cp));
  }
  return out.join('');
};

/**
 * Station tokens stand apart from every other token: `z` + the station + `z`. A plain word never starts
 * with z, and the closing z stops prefix matching, so 中野駅 finds 中野 and never 新中野 or 中野坂上.
 */
export const stationToken = (name: string): string => `z${encode(fold(name))}z`;

/** Every suffix of a folded word, longest first: 東京警察病院 → 東京警察病院, 京警察病院, 警察病院 … 院. */
export const suffixes = (folded: string): string[] => {
  const chars = [...folded];
  return chars.map((_, i) => chars.slice(i).join(''));
};

/** A word the resident typed, and what it becomes in the index's vocabulary. */
export interface QueryTerm {
  /** The folded word (for messages: 「中野駅」). */
  word: string;
  /** What the word means: a station (ends in 駅) or any text. */
  kind: 'station' | 'text';
  /** The Pagefind word. */
  token: string;
  /**
   * A word of Latin letters that reads as romaji (naika, jibika): the Pagefind word of its kana (ないか).
   * The search tries the letters first (KARADA内科 is indexed as karada) and the kana when they match nothing.
   */
  romaji?: string;
}

const ROMAJI = /^[a-z]{2,}$/u;
const HIRAGANA = /^[\u3041-\u3096]+$/u;

/** A folded word as romaji read with wanakana (jibika → じびか), or undefined when it is not romaji (clinic). */
export function romajiKana(w: string): string | undefined {
  if (!ROMAJI.test(w)) return undefined;
  const kana = fold(toHiragana(w));
  return HIRAGANA.test(kana) ? kana : undefined;
}

/** A query as the browser sends it to Pagefind: one ASCII word per typed word, ANDed by Pagefind. */
export interface NormalizedQuery {
  terms: QueryTerm[];
  /** What to pass to pagefind.search(); '' when nothing searchable was typed. */
  pagefind: string;
}

/**
 * The query normaliser. 「沼袋　ナイカ」 → two terms; 「中野駅」 → a whole-station term; 「〒165-0026」 →
 * 1650026. Repeated words collapse. Words are ANDed: every one must match.
 */
export function normalizeQuery(q: string): NormalizedQuery {
  const terms: QueryTerm[] = [];
  for (const w of words(q)) {
    const station = w.length > 1 && w.endsWith('駅') ? w.slice(0, -1) : undefined;
    const kana = romajiKana(w);
    const term: QueryTerm = station
      ? { word: w, kind: 'station', token: stationToken(station) }
      : { word: w, kind: 'text', token: encode(w), ...(kana ? { romaji: encode(kana) } : {}) };
    if (!terms.some((t) => t.token === term.token)) terms.push(term);
  }
  return { terms, pagefind: terms.map((t) => t.token).join(' ') };
}
