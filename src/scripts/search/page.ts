/**
 * What the search page's HTML hands its script in the data-* attributes of #search-app
 * (src/pages/[...lang]/search.astro): the language, the vocabulary for suggestions and English queries,
 * the English labels of filter values, and the holidays for today's status.
 */
import type { FilterKey } from '../../lib/search/record.ts';
import type { SymptomTerm } from '../../lib/search/symptoms.ts';
import { calendarFromList, type HolidayCalendar } from '../../lib/util/hours.ts';
import { englishNames, type EnglishNames } from './english.ts';
import { langPrefix, searchWords, type Lang, type SearchWords } from './words.ts';

/** Departments (most common first), towns and stations with facilities. `en`: the English name, on the English page only. */
export interface Vocab {
  departments: { code: string; name: string; kana: string; synonyms: string[]; n: number; en?: string; enSynonyms?: string[] }[];
  towns: { slug: string; name: string; kana: string; n: number; en?: string }[];
  stations: { id: string; name: string; kana: string; n: number; en?: string }[];
  /** Symptoms with their folded words and departments (vocabulary names). */
  symptoms?: (SymptomTerm & { en?: string; enSynonyms?: string[] })[];
}

export interface SearchPage {
  lang: Lang;
  ui: SearchWords;
  /** Where the page's own links start: '' or '/en'. */
  prefix: string;
  vocab: Vocab;
  /** A filter value as the index holds it → as the page shows it (English labels on the English page). */
  label: (key: FilterKey, value: string) => string;
  /** English names → the Japanese ones the index holds; empty on the Japanese page. */
  english: EnglishNames;
  calendar: HolidayCalendar;
  /** The 「保存」 button's words (マイリスト, src/scripts/save-button.ts). */
  save: { save: string; saved: string; savedNote: string; removedNote: string };
}

export function readPage(data: Readonly<Record<string, string | undefined>>): SearchPage {
  const lang: Lang = data['lang'] === 'en' ? 'en' : 'ja';
  const vocab = JSON.parse(data['vocab'] ?? '{}') as Vocab;
  const labels = JSON.parse(data['labels'] ?? '{}') as Partial<Record<FilterKey, Record<string, string>>>;
  return {
    lang,
    ui: searchWords[lang],
    prefix: langPrefix(lang),
    vocab,
    label: (key, value) => labels[key]?.[value] ?? value,
    english: lang === 'en' ? englishNames(vocab, labels.kind ?? {}) : new Map(),
    save: { save: '', saved: '', savedNote: '', removedNote: '', ...(JSON.parse(data['save'] ?? '{}') as Partial<SearchPage['save']>) },
    calendar: calendarFromList((data['holidays'] ?? '').split(' '), data['holidaysFrom'] ?? '', data['holidaysTo'] ?? ''),
  };
}

/** A vocabulary entry's name as the page shows it. */
export const nameOf = (x: { name: string; en?: string | undefined }): string => x.en ?? x.name;
