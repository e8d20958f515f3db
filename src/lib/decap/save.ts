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
import { collections, PROVENANCE_FIELDS, FacilitySchema } from '../schema/index.ts';
import { toJst } from '../util/jst.ts';
import { FIELD_TEXT } from './labels.ts';
import { REVIEWER_COLLECTION } from './config.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Data = Record<string, unknown>;

/** Drop '' / null / undefined values and objects left empty, at any depth. Lists are kept, even empty. */
export function cleanEntry<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cleanEntry(v)).filter((v) => v !== undefined) as T;
  if (value && typeof value === 'object') {
    const out: Data = {};
    for (const [k, v] of Object.entries(value)) {
      const c = cleanEntry(v);
      if (c === undefined || c === null || c === '') continue;
      if (typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length === 0) continue;
      out[k] = c;
    }
    return out as T;
  }
  return value;
}

/** JSON with sorted keys, so two values compare equal whatever order Decap wrote their keys in. */
const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x: Json) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );

/** A group's value as the build reads it (defaults applied), so 「no access」 and 「access with no stations」 compare equal. */
function normalisedGroup(group: string, value: unknown): string {
  const schema = (FacilitySchema.shape as Record<string, z.ZodType>)[group];
  const parsed = schema?.safeParse(cleanEntry(value));
  return stable(parsed?.success ? parsed.data : cleanEntry(value));
}

/** Tokyo's date today, `YYYY-MM-DD`. */
export const todayInTokyo = (now = Date.now()): string => toJst(now).date;

/**
 * Record what the editor changed. `previous` is the file as it was loaded (undefined for a new facility):
 * every group that differs is now the facility's own statement, dated today.
 */
export function stampProvenance(next: Data, previous: Data | undefined, today: string): Data {
  const provenance = { ...((next['provenance'] as Data | undefined) ?? {}) };
  for (const group of PROVENANCE_FIELDS) {
    if (next[group] === undefined && previous?.[group] === undefined) continue;
    if (!previous || normalisedGroup(group, next[group]) !== normalisedGroup(group, previous[group])) {
      provenance[group] = { source: 'facility', date: today };
    }
  }
  return { ...next, provenance, lastVerified: today };
}

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
  if (collection === 'facilities') next = stampProvenance(next, previous && cleanEntry(previous), todayInTokyo(now));
  const problems = validateEntry(collection, next);
  if (problems.length > 0) throw new SaveRefused(formatSaveProblems(problems));
  return next;
}
