/**
 * 掲載情報の更新（医療機関の方）: the form at /update/?facility=<id>, as the browser sends it (plain HTML form or
 * the page's script). Its fields are flat so every simple field works without JavaScript; the weekly hours come
 * as one JSON field that only the page's hours editor writes. The values themselves are checked by the content
 * schema (FacilitySchema) once the form is turned into an update (functions/_lib/facility-update.ts), so a
 * change the content check would refuse is refused here, naming the field.
 *
 * Who sends it (name, role, email, call-back phone) goes only to the ledger in D1, encrypted.
 */
import { z } from 'zod';
import { LANGUAGES, SERVICES } from './facility.ts';
import { CommonShape, Consent, FacilityIdField, FORM_LIMITS, FormEmail, optionalText, PHONE, text } from './forms.ts';

/** The groups the form edits; each fieldset names its group in a hidden `edits` field. */
export const FORM_GROUPS = ['contact', 'departments', 'access', 'services', 'languages', 'profile', 'hours'] as const;
export type FormGroup = (typeof FORM_GROUPS)[number];

/** Station rows on the form (nearest first). */
export const STATION_ROWS = 3;

/** A value a form may send as one field or as a repeated one (checkboxes). */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item, { error: 'type' }).max(max, { error: 'tooLong' }));

/** A short optional value: an empty field counts as not given (the group then has no such value). */
const optionalShort = (max: number) => optionalText(max);

const yesNo = z.preprocess((v) => (v === '' ? undefined : v), z.enum(['yes', 'no'], { error: 'invalidChoice' }).optional());

/** A call-back number the reviewer can dial: digits, hyphens, spaces, an optional leading +. */
const CallbackPhone = text(30, { pattern: PHONE });

const stationShape = Object.fromEntries(
  Array.from({ length: STATION_ROWS }, (_, i) => [
    [`station${i + 1}`, z.preprocess((v) => (v === '' ? undefined : v), z.string({ error: 'type' }).max(60, { error: 'tooLong' }).optional())],
    [
      `walk${i + 1}`,
      z.preprocess(
        (v) => (v === '' ? undefined : v),
        z
          .string({ error: 'type' })
          .regex(/^\d{1,3}$/, { error: 'invalid' })
          .optional(),
      ),
    ],
  ]).flat(),
) as Record<`station${1 | 2 | 3}` | `walk${1 | 2 | 3}`, z.ZodType<string | undefined>>;

export const FacilityUpdateFormSchema = z.strictObject({
  ...CommonShape,
  facility: FacilityIdField,
  /** Which groups this form carried (a checkbox group left empty then means "none", not "not sent"). */
  edits: list(z.enum(FORM_GROUPS, { error: 'invalidChoice' }), FORM_GROUPS.length),

  publicPhone: optionalShort(20),
  fax: optionalShort(20),
  website: optionalShort(500),
  booking: optionalShort(500),
  departments: list(z.string({ error: 'type' }).regex(/^\d{5}$/, { error: 'invalidChoice' }), 60),
  ...stationShape,
  parking: optionalShort(200),
  stepFree: yesNo,
  accessibleToilet: yesNo,
  accessNote: optionalText(500, { multiline: true }),
  services: list(z.enum(SERVICES, { error: 'invalidChoice' }), SERVICES.length),
  languages: list(z.enum(LANGUAGES, { error: 'invalidChoice' }), LANGUAGES.length),
  profile: optionalText(2000, { multiline: true }),
  /** The hours editor's result (JSON of the content's `hours`); absent without JavaScript: hours stay as they are. */
  hours: z.preprocess((v) => (v === '' ? undefined : v), z.string({ error: 'type' }).max(20_000, { error: 'tooLong' }).optional()),

  /** The person sending the change: kept in the ledger only, encrypted, for the reviewer's call-back. */
  name: text(FORM_LIMITS.name),
  role: text(60),
  email: FormEmail,
  callbackPhone: CallbackPhone,
  agree: Consent,
});
export type FacilityUpdateForm = z.output<typeof FacilityUpdateFormSchema>;

/** Which form field shows a problem found at a content path (`contact.phone` → `publicPhone`). */
export function formFieldOf(path: string): string {
  const [group = '', key = '', index = ''] = path.split('.');
  if (group === 'contact') return key === 'phone' ? 'publicPhone' : key || 'publicPhone';
  if (group === 'access') {
    if (key === 'stations') return `station${Number(index || 0) + 1}`;
    if (key === 'note') return 'accessNote';
    return key || 'parking';
  }
  return (FORM_GROUPS as readonly string[]).includes(group) ? group : 'form';
}
