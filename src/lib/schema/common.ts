/**
 * Small shared field types. Every message is plain Japanese, because the people who read
 * them are clinic staff and reviewers, not programmers.
 */
import { z } from 'zod';

declare module 'zod' {
  interface GlobalMeta {
    /** The CMS picker for a string field (src/lib/decap reads it): the browser's date or time input. */
    widget?: 'date' | 'time';
  }
}

/**
 * A calendar date `YYYY-MM-DD` (Asia/Tokyo; no time part). YAML loaders may hand an unquoted date over
 * as a Date at UTC midnight; it is turned back into the same string.
 */
export const IsoDate = z
  .preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
    z
      .string({ error: '日付は YYYY-MM-DD の形で書いてください（例: 2026-04-01）' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日付は YYYY-MM-DD の形で書いてください（例: 2026-04-01）' })
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
        error: '存在しない日付です',
      }),
  )
  .meta({ widget: 'date' });

/** A time of day `HH:MM`, 00:00–24:00 (24:00 is allowed as the end of a slot that runs to midnight). */
export const TimeOfDay = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: '時刻は 00:00〜24:00 の HH:MM で書いてください（例: 09:00）' })
  .meta({ widget: 'time' });

/** A stable ASCII identifier: lowercase letters, digits and hyphens. */
export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'ID は半角英小文字・数字・ハイフンだけで書いてください' });

/** A Japanese phone or fax number as dialled: digits with hyphens, e.g. 03-1234-5678. */
export const PhoneNumber = z.string().regex(/^0\d{1,4}-\d{1,4}-\d{3,4}$|^0120-\d{2,3}-\d{3}$/, {
  error: '電話番号は半角数字とハイフンで書いてください（例: 03-1234-5678）',
});

/** A public web address (https or http). */
export const WebUrl = z.url({ protocol: /^https?$/, error: 'URL は http:// または https:// で始まる形で書いてください' });

/** A Japanese postal code, stored as `NNN-NNNN`; `NNNNNNN` is accepted and normalised. */
export const PostalCode = z
  .string()
  .regex(/^\d{3}-?\d{4}$/, { error: '郵便番号は 7 桁の数字で書いてください（例: 164-0001）' })
  .transform((s) => (s.includes('-') ? s : `${s.slice(0, 3)}-${s.slice(3)}`));

/** A point in WGS84 decimal degrees. */
export const LatLon = z.object({
  /** Latitude, decimal degrees (Japan: 20–46). */
  lat: z.number({ error: '緯度は数値で書いてください' }).min(20).max(46),
  /** Longitude, decimal degrees (Japan: 122–154). */
  lon: z.number({ error: '経度は数値で書いてください' }).min(122).max(154),
});

/** A GitHub user name (what an editor signs in with). */
export const GithubLogin = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, { error: 'GitHub のユーザー名として正しくありません' });
