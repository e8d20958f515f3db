/**
 * What happens when an editor presses 保存 in /admin (Decap's `preSave` event, src/admin/main.ts):
 * 1. the form data is cleaned of what Decap leaves behind for untouched optional fields ('' and empty objects);
 * 2. for a facility, every field group the editor changed gets `provenance.<group> = {source: facility, date: today}`
 *    and `lastVerified` becomes today (the editor has just checked the page);
 * 3. the result is checked against the same zod schema the build uses, so what Decap cannot check by itself
 *    (an end time before the start, 「移転」 without a destination) is refused with the field and a Japanese message.
 * Pure functions: the unit tests run them in Node, the admin bundle in the browser.
 */
import { z } from 'zod';
import { collections, FacilitySchema } from '../schema/index.ts';
import { cleanEntry, stampProvenance, todayInTokyo } from '../util/facility-edit.ts';
import { FIELD_TEXT } from './labels.ts';
import { REVIEWER_COLLECTION } from './config.ts';

type Data = Record<string, unknown>;

export interface SaveProblem {
  /** Dotted field path, e.g. `hours.schedules.0.slots.1.close`. */
  path: string;
  /** Where to look, in the form's own words: 「診療時間 › 診療時間の表 1 › 時間帯 2 › 終了」. */
  where: string;
  message: string;
}

/** The form labels along a field path; list positions are counted from 1, as an editor counts. */
export function fieldLabels(collection: string, path: readonly PropertyKey[]): string {
  const key = collection === REVIEWER_COLLECTION ? 'facilities' : collection;
  const parts: string[] = [];
  let schemaPath = '';
  for (const p of path) {
    if (typeof p === 'number') {
      parts[parts.length - 1] = `${parts.at(-1) ?? ''} ${p + 1}`;
      schemaPath += '[]';
      continue;
    }
    schemaPath = schemaPath ? `${schemaPath}.${String(p)}` : String(p);
    parts.push(FIELD_TEXT[`${key}:${schemaPath}`]?.label ?? String(p));
  }
  return parts.join(' › ');
}

const schemaFor = (collection: string): z.ZodType | undefined =>
  collection === REVIEWER_COLLECTION ? FacilitySchema : (collections as Record<string, { schema: z.ZodType }>)[collection]?.schema;

/** The problems the build would report for this entry; empty when it may be saved. */
export function validateEntry(collection: string, data: Data): SaveProblem[] {
  const schema = schemaFor(collection);
  if (!schema) return [];
  const input = collection === 'pages' ? Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'body')) : data;
  const result = schema.safeParse(input, { error: (iss) => z.locales.ja().localeError(iss) });
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), where: fieldLabels(collection, i.path), message: i.message }));
}

/** One message for the editor's notification. */
export const formatSaveProblems = (problems: SaveProblem[]): string =>
  `保存できません。次の項目を直してください: ${problems.map((p) => `「${p.where}」${p.message}`).join(' / ')}`;

/** A refused save. Its text is the message alone, because Decap shows `String(error)` to the editor. */
export class SaveRefused extends Error {
  override name = 'SaveRefused';
  override toString(): string {
    return this.message;
  }
}

/**
 * The whole save step. Throws an Error with a Japanese message when the entry is invalid; Decap shows it
 * in a notification and keeps the form as it is.
 */
export function prepareSave(collection: string, data: Data, previous: Data | undefined, now = Date.now()): Data {
  let next = cleanEntry(data);
  if (collection === 'facilities') next = stampProvenance(next, previous && cleanEntry(previous), todayInTokyo(now), 'cms');
  const problems = validateEntry(collection, next);
  if (problems.length > 0) throw new SaveRefused(formatSaveProblems(problems));
  return next;
}
