/** getStaticPaths helpers: every browse page exists in Japanese (/…) and English (/en/…). */
import { LANGS, type Lang } from '../schema/lang.ts';

/** The `lang` rest parameter: undefined for Japanese (no prefix), 'en' for English. */
export const langParam = (lang: Lang): string | undefined => (lang === 'ja' ? undefined : lang);

/** One path per language, with extra params and props. */
export const perLang = <P extends Record<string, string>, T extends object>(params: P, props: T = {} as T) =>
  LANGS.map((lang) => ({ params: { ...params, lang: langParam(lang) }, props: { ...props, lang } }));

/** The same path in the other language. */
export const altPath = (lang: Lang, path: string): string => (lang === 'ja' ? `/en${path}` : path);
