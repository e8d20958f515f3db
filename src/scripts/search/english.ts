/**
 * English queries on the English page: vocabulary names typed in English, compared without case, accents,
 * spaces or punctuation, are searched as the Japanese names the index holds: Internal Medicine → 内科,
 * Eye Doctor → 眼科, Higashi-Nakano → 東中野, Nakano Sta. → 中野駅, hospital → 病院.
 */
import { foldLatin } from '../../lib/util/japanese.ts';
import type { Vocab } from './page.ts';

/** Folded English name → Japanese name. */
export type EnglishNames = ReadonlyMap<string, string>;

/**
 * Every English name of the vocabulary and of the facility kinds (`kinds`: Japanese → English). The most
 * common department wins where two share an English name.
 */
export function englishNames(vocab: Vocab, kinds: Readonly<Record<string, string>>): EnglishNames {
  const names = new Map<string, string>();
  const add = (en: string | undefined, ja: string) => {
    const key = en && foldLatin(en);
    if (key && !names.has(key)) names.set(key, ja);
  };
  for (const d of vocab.departments) add(d.en, d.name);
  for (const t of vocab.towns) add(t.en, t.name);
  // Everyday names (Dentist, ENT, Eye Doctor) after the official ones, which win a tie.
  for (const d of vocab.departments) for (const other of d.enSynonyms ?? []) add(other, d.name);
  for (const s of vocab.stations) for (const suffix of ['', ' station', ' sta']) add(s.en && `${s.en}${suffix}`, suffix ? `${s.name}駅` : s.name);
  for (const [ja, en] of Object.entries(kinds)) add(en, ja);
  // Symptoms (headache → 頭痛), which the page then reads as their departments.
  for (const s of vocab.symptoms ?? []) for (const en of [s.en, ...(s.enSynonyms ?? [])]) add(en, s.name);
  return names;
}

/** A word (or a name of several words) as the resident typed it, and what is searched for it. */
export interface QueryWord {
  typed: string;
  search: string;
}

/** The longest English name a query phrase of at most this many words can be (Pain Clinic (Internal Medicine)). */
const MAX_NAME_WORDS = 6;
const LATIN = /[a-z]/i;

/** The query's words, each run of words that is an English name (the longest from each word on) taken as one. */
export function queryWords(q: string, names: EnglishNames): QueryWord[] {
  const typed = q
    .trim()
    .split(/[\s\u3000]+/u)
    .filter(Boolean);
  const out: QueryWord[] = [];
  for (let i = 0; i < typed.length;) {
    // Only words with Latin letters make an English name: 東京警察病院 beside "internal medicine" stays a word of its own.
    let latin = 0;
    while (latin < MAX_NAME_WORDS && i + latin < typed.length && LATIN.test(typed[i + latin]!)) latin++;
    let n = names.size ? latin : 0;
    let ja: string | undefined;
    for (; n > 0; n--) if ((ja = names.get(foldLatin(typed.slice(i, i + n).join(''))))) break;
    if (ja) out.push({ typed: typed.slice(i, i + n).join(' '), search: ja });
    else out.push({ typed: typed[i]!, search: typed[i]! });
    i += Math.max(n, 1);
  }
  return out;
}

/** What is searched for a query: its English names in Japanese. */
export const searchText = (q: string, names: EnglishNames): string =>
  queryWords(q, names)
    .map((w) => w.search)
    .join(' ');
