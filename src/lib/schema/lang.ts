/** The site's languages: Japanese (the default, no path prefix) and English (under /en/). */
export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Path prefix of a language: '' for Japanese, '/en' for English. */
export const langPrefix = (lang: Lang): string => (lang === 'ja' ? '' : '/en');
