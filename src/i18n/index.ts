import { en } from './en.ts';
import { ja, type UiKey } from './ja.ts';

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];
const strings: Record<Lang, Record<UiKey, string>> = { ja, en };

/** The UI string for a key in a language. */
export const t = (lang: Lang, key: UiKey): string => strings[lang][key];

/** Path prefix of a language: '' for Japanese, '/en' for English. */
export const langPrefix = (lang: Lang): string => (lang === 'ja' ? '' : '/en');

export type { UiKey };
