/**
 * Reads departments out of a facility name: 「西山耳鼻咽喉科医院」 → 耳鼻いんこう科 (05002).
 * Names and synonyms come from the department vocabulary; the longest match wins, so 心療内科 is not
 * also read as 内科, and 整形外科 not as 外科.
 */
import { nfkc } from './japanese.ts';

export interface DepartmentTerms {
  code: string;
  name: string;
  synonyms: readonly string[];
}

export function departmentsInName(name: string, vocabulary: readonly DepartmentTerms[]): string[] {
  const terms = vocabulary
    .flatMap((d) => [d.name, ...d.synonyms].map((term) => ({ term: nfkc(term), code: d.code })))
    .filter((t) => [...t.term].length >= 2)
    .sort((a, b) => b.term.length - a.term.length);
  let rest = nfkc(name);
  const found: string[] = [];
  for (const { term, code } of terms) {
    if (!rest.includes(term)) continue;
    rest = rest.split(term).join('\u0000');
    if (!found.includes(code)) found.push(code);
  }
  return found.sort();
}
