/**
 * The one way pages, components and layouts say something: `messages(lang).key`. Browser scripts read the
 * same objects through src/i18n/client/<namespace>.ts, one module per namespace, so a bundle carries
 * only the words its script uses.
 */
import { langPrefix, LANGS, type Lang } from '../lib/schema/lang.ts';
import { en } from './en.ts';
import { ja, type Messages } from './ja.ts';

const MESSAGES: Readonly<Record<Lang, Messages>> = { ja, en };

/** Every UI string of a language. */
export const messages = (lang: Lang): Messages => MESSAGES[lang];

/** The language a page links to as its alternative. */
export const otherLang = (lang: Lang): Lang => LANGS.find((l) => l !== lang)!;

export { langPrefix, LANGS, type Lang, type Messages };

/** A page's language from its props (src/lib/content/paths.ts perLang), with its words and its URL prefix. */
export function pageLang(props: Record<string, unknown>): { lang: Lang; m: Messages; p: string } {
  const lang = LANGS.find((l) => l === props['lang']);
  if (!lang) throw new Error(`page props have no language: ${JSON.stringify(props['lang'])}`);
  return { lang, m: messages(lang), p: langPrefix(lang) };
}
