/**
 * Editing a facility the way the directory records it, shared by the CMS save step (src/lib/decap/save.ts,
 * in the browser) and the update form (functions/_lib/facility-update.ts, in workerd): every field group that
 * changed becomes the facility's own statement, dated today, with the channel it came through.
 */
import { type z } from 'zod';
import { FacilitySchema, PROVENANCE_FIELDS, type Source } from '../schema/index.ts';
import { toJst } from './jst.ts';

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
export function stampProvenance(next: Data, previous: Data | undefined, today: string, via: NonNullable<Source['via']>): Data {
  const provenance = { ...((next['provenance'] as Data | undefined) ?? {}) };
  for (const group of PROVENANCE_FIELDS) {
    if (next[group] === undefined && previous?.[group] === undefined) continue;
    if (!previous || normalisedGroup(group, next[group]) !== normalisedGroup(group, previous[group])) {
      provenance[group] = { source: 'facility', via, date: today };
    }
  }
  return { ...next, provenance, lastVerified: today };
}
