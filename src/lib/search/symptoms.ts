/**
 * Search by symptom: a query word that names a symptom (頭痛, のどが痛い, せき) is searched as the
 * departments to consider for it (content/symptoms), any of them, and the page says so with
 * 「受診先の目安です。急な症状は #7119 へ」. The other words are searched as typed. The browser and the
 * content check share this module, so the words the check keeps unique are the words the page matches.
 */
import type { SearchFilters } from './record.ts';
import { fold } from './normalize.ts';

/** A symptom as the search page holds it: folded words, and the departments by their vocabulary names. */
export interface SymptomTerm {
  id: string;
  name: string;
  words: string[];
  departments: string[];
}

const HAN = /\p{Script=Han}/u;

/** A symptom's words, folded: name, reading, other names. A one-kana word (じ) would match half-typed words; one kanji (咳) is a word. */
export const symptomWords = (s: { name: string; kana: string; synonyms: readonly string[] }): string[] =>
  [...new Set([s.name, s.kana, ...s.synonyms].map(fold))].filter((w) => [...w].length >= 2 || HAN.test(w));

const lookups = new WeakMap<readonly SymptomTerm[], Map<string, SymptomTerm>>();
function lookup(symptoms: readonly SymptomTerm[]): Map<string, SymptomTerm> {
  let m = lookups.get(symptoms);
  if (!m) {
    m = new Map();
    for (const s of symptoms) for (const w of s.words) if (!m.has(w)) m.set(w, s);
    lookups.set(symptoms, m);
  }
  return m;
}

export interface SymptomSearch {
  /** The words still searched as text. */
  q: string;
  filters: SearchFilters;
  /** The symptoms named, in the order typed. */
  symptoms: SymptomTerm[];
}

/**
 * The query with its symptom words taken out and their departments as a filter. Several symptoms: the
 * departments they share, or all of theirs when they share none. Departments the resident checked win:
 * the symptom is then only explained.
 */
export function withSymptoms(q: string, filters: SearchFilters, symptoms: readonly SymptomTerm[]): SymptomSearch {
  if (!symptoms.length) return { q, filters, symptoms: [] };
  const m = lookup(symptoms);
  const whole = m.get(fold(q));
  const typed = q
    .trim()
    .split(/[\s\u3000]+/u)
    .filter(Boolean);
  const found: SymptomTerm[] = [];
  const rest: string[] = [];
  if (whole) found.push(whole);
  else
    for (const w of typed) {
      const s = m.get(fold(w));
      if (s && !found.includes(s)) found.push(s);
      else if (!s) rest.push(w);
    }
  if (!found.length) return { q, filters, symptoms: [] };
  let departments = found.map((s) => s.departments).reduce((a, b) => a.filter((d) => b.includes(d)));
  if (!departments.length) departments = [...new Set(found.flatMap((s) => s.departments))];
  return { q: rest.join(' '), filters: filters.dept?.length ? filters : { ...filters, dept: departments }, symptoms: found };
}
