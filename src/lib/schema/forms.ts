/**
 * What visitors send: the contact form, correction reports and APPI data requests (開示・訂正・削除…), as the
 * Pages Functions check it. The three forms' schemas are built from their fields in ./form-spec.ts, which the
 * browser checks with `checkForm` (no zod there); the update and staff forms (./facility-update-form.ts,
 * ./person-registration-form.ts) build on the helpers here, and their pages ship zod.
 *
 * Error messages are reason codes (`required`, `tooLong`, …) so one refusal can be shown in Japanese or
 * English: `messages(lang).formErrors[reason]` (src/i18n). `formIssues()` turns a zod error into `{ field, reason }` pairs.
 *
 * Written with `zod/mini`, the tree-shakable form of zod (same engine, functions instead of methods), so
 * the forms script that ships these schemas to the browser stays small (issue 14: at most 8 KB gzip).
 */
import * as z from 'zod/mini';
import type { $ZodError } from 'zod/v4/core';
import {
  CONTACT_FIELDS,
  CONTROL_CHARS,
  CORRECTION_FORM_FIELDS,
  DATA_REQUEST_FIELDS,
  DATA_REQUEST_RULES,
  EMAIL,
  FACILITY_ID,
  FORM_ERROR_REASONS,
  FORM_LIMITS,
  LINE_BREAKS,
  MARKUP,
  type FieldSpec,
  type FormErrorReason,
  type FormIssue,
  type FormRule,
} from './form-spec.ts';

export * from './form-spec.ts';

const stringError = (iss: { input?: unknown }) => (iss.input === undefined || iss.input === null ? 'required' : 'type');

/** An empty or blank string counts as not given. */
const blankIsNone = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * Free text of at most `max` characters: trimmed, NFC, no control characters, no markup. `pattern`: the
 * shape it must have besides (a phone number), else `invalid`.
 */
export const text = (max: number, opts: { multiline?: boolean; pattern?: RegExp } = {}) =>
  z.string({ error: stringError }).check(
    z.normalize('NFC'),
    z.trim(),
    z.minLength(1, { error: 'required' }),
    z.maxLength(max, { error: 'tooLong' }),
    z.refine((s) => !CONTROL_CHARS.test(s) && (opts.multiline || !LINE_BREAKS.test(s)), { error: 'controlChars', abort: true }),
    z.refine((s) => !MARKUP.test(s), { error: 'markup', abort: true }),
    z.refine((s) => !opts.pattern || opts.pattern.test(s), { error: 'invalid' }),
  );

/** Optional free text: an empty string counts as not given. */
export const optionalText = (max: number, opts: { multiline?: boolean; pattern?: RegExp } = {}) =>
  z.pipe(z.transform(blankIsNone), z.optional(text(max, opts)));

/** An email address, trimmed. Lookups use `normalizeEmail`. */
export const FormEmail = z.pipe(
  z.string({ error: stringError }).check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(FORM_LIMITS.email, { error: 'tooLong' })),
  z.string().check(z.regex(EMAIL, { error: 'invalidEmail' })),
);

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => (iss.input === undefined || iss.input === '' ? 'required' : 'invalidChoice') });

/** A consent checkbox: `on` from an HTML form, `true` from the script. */
export const Consent = z.pipe(
  z.transform((v) => v === true || v === 'on' || v === 'true'),
  z.literal(true, { error: 'mustAgree' }),
);

/** Fields every form carries besides its own. */
export const CommonShape = {
  /** Language of the page the form was sent from; mails and errors use it. Default `ja`. */
  lang: z._default(z.enum(['ja', 'en'], { error: 'invalidChoice' }), 'ja'),
  /** Honeypot: hidden from people, filled by naive bots. Must stay empty. */
  homepage: z.optional(z.string({ error: 'type' }).check(z.maxLength(0, { error: 'honeypot' }))),
  /** Cloudflare Turnstile token (the widget's default field name). */
  'cf-turnstile-response': z.optional(z.string({ error: 'type' }).check(z.maxLength(FORM_LIMITS.turnstileToken, { error: 'tooLong' }))),
  /** Signed form token the form page carries for submissions without JavaScript (functions/_lib/form-token.ts). */
  'form-token': z.optional(z.string({ error: 'type' }).check(z.maxLength(FORM_LIMITS.formToken, { error: 'tooLong' }))),
};

/** A facility id as a form sends it (the file name under content/facilities). */
export const FacilityIdField = z
  .string({ error: stringError })
  .check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(100, { error: 'tooLong' }), z.regex(FACILITY_ID, { error: 'invalidFacility' }));

const OptionalEmail = z.pipe(z.transform(blankIsNone), z.optional(FormEmail));

/** The zod schema of one field of ./form-spec.ts. */
type FieldSchema<F extends FieldSpec> = F extends { kind: 'text'; optional: true }
  ? ReturnType<typeof optionalText>
  : F extends { kind: 'text' }
    ? ReturnType<typeof text>
    : F extends { kind: 'email'; optional: true }
      ? typeof OptionalEmail
      : F extends { kind: 'email' }
        ? typeof FormEmail
        : F extends { kind: 'choice'; values: infer V extends readonly [string, ...string[]] }
          ? ReturnType<typeof choice<V>>
          : F extends { kind: 'facility' }
            ? typeof FacilityIdField
            : typeof Consent;

function fieldSchema(f: FieldSpec) {
  switch (f.kind) {
    case 'text':
      return f.optional ? optionalText(f.max, f) : text(f.max, f);
    case 'email':
      return f.optional ? OptionalEmail : FormEmail;
    case 'choice':
      return choice(f.values);
    case 'facility':
      return FacilityIdField;
    case 'consent':
      return Consent;
  }
}

/** A form's strict schema: the common fields, its own (in form order) and its rules across fields. */
function formSchema<S extends Record<string, FieldSpec>>(fields: S, rules: readonly FormRule[] = []) {
  const own = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, fieldSchema(f)])) as { [K in keyof S]: FieldSchema<S[K]> };
  return z.strictObject({ ...CommonShape, ...own }).check(
    z.superRefine((v, ctx) => {
      for (const r of rules) if (r.fails(v)) ctx.addIssue({ code: 'custom', path: [r.field], message: r.reason });
    }),
  );
}

export const ContactFormSchema = formSchema(CONTACT_FIELDS);
/** A contact form as validated (each form exports its type, like the collections). @public */
export type ContactForm = z.output<typeof ContactFormSchema>;

export const CorrectionFormSchema = formSchema(CORRECTION_FORM_FIELDS);
/** A correction report as validated. @public */
export type CorrectionForm = z.output<typeof CorrectionFormSchema>;

export const DataRequestFormSchema = formSchema(DATA_REQUEST_FIELDS, DATA_REQUEST_RULES);
export type DataRequestForm = z.output<typeof DataRequestFormSchema>;

const isReason = (s: unknown): s is FormErrorReason => typeof s === 'string' && (FORM_ERROR_REASONS as readonly string[]).includes(s);

/** One `{ field, reason }` per failing field (the first reason for each), in form order. */
export function formIssues(error: $ZodError): FormIssue[] {
  const out = new Map<string, FormErrorReason>();
  for (const iss of error.issues) {
    if (iss.code === 'unrecognized_keys') {
      for (const k of iss.keys) if (!out.has(k)) out.set(k, 'unknownField');
      continue;
    }
    const field = iss.path.length > 0 ? String(iss.path[0]) : 'form';
    if (out.has(field)) continue;
    out.set(field, isReason(iss.message) ? iss.message : iss.code === 'too_big' ? 'tooLong' : iss.code === 'invalid_type' ? 'type' : 'invalid');
  }
  return [...out].map(([field, reason]) => ({ field, reason }));
}
