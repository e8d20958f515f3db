/** The site's languages: Japanese (the default, no path prefix) and English (under /en/). */
export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];
