/**
 * The old `describeStatus(status, lang)`: the words are now `hoursWords` in src/i18n/client/hours.ts (or
 * `messages(lang).hours`), the logic src/lib/util/hours-text.ts. Kept only until src/scripts/search/words.ts
 * imports those (it breaks the i18n import rule meanwhile); then delete this file.
 */
import type { Lang } from '../lib/schema/lang.ts';
import type { OpenStatus } from '../lib/util/hours.ts';
import { describeStatus as statusText, type StatusText } from '../lib/util/hours-text.ts';
import { hoursWords } from './client/hours.ts';

/** @deprecated use `describeStatus(s, hoursWords[lang])` from src/lib/util/hours-text.ts. */
export const describeStatus = (s: OpenStatus, lang: Lang): StatusText | undefined => statusText(s, hoursWords[lang]);
