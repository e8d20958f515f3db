/**
 * What visitors send: the contact form, correction reports and APPI data requests (開示・訂正・削除…).
 * One schema per form, shared by the page's script (inline errors) and the Pages Function (the real check).
 *
 * Error messages are reason codes (`required`, `tooLong`, …) so one refusal can be shown in Japanese or
 * English: `messages(lang).formErrors[reason]` (src/i18n). `formIssues()` turns a zod error into `{ field, reason }` pairs.
 */
import { z } from 'zod';

/** Size limits. The body limit is checked before parsing; the field limits are in the schemas below. */
export const FORM_LIMITS = {
  /** Whole request body, bytes. */
  bodyBytes: 32 * 1024,
  name: 100,
  email: 254,
  /** Free text: messages, request details. */
  message: 4000,
  /** Proposed value and evidence of a correction report. */
  correction: 2000,
  turnstileToken: 2048,
  /** The no-JavaScript form token (`issued.nonce.signature`, about 80 characters). */
  formToken: 200,
} as const;

/** The rights a person can exercise under APPI, as the privacy policy lists them. */
export const DATA_REQUEST_TYPES = [
  'disclosure',
  'correction',
  'addition',
  'deletion',
  'suspension',
  'third-party-stop',
  'purpose-notice',
  'third-party-record',
] as const;
export type DataRequestType = (typeof DATA_REQUEST_TYPES)[number];

/** Data request types where the operator cannot act without knowing exactly what to change. */
export const DATA_REQUEST_TYPES_NEEDING_DETAILS: readonly DataRequestType[] = ['correction', 'addition'];

/** Facility fields a correction report can be about. */
export const CORRECTION_FIELDS = ['name', 'address', 'phone', 'hours', 'departments', 'website', 'other'] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];

/** Cloudflare's documented always-pass Turnstile test keys and the token their widget yields (local runs and tests). */
export const TURNSTILE_TEST_SITE_KEY = '1x00000000000000000000AA';
export const TURNSTILE_TEST_SECRET = '1x0000000000000000000000000000000AA';
export const TURNSTILE_DUMMY_TOKEN = 'XXXX.DUMMY.TOKEN.XXXX';

/** Ledger statuses: received → verified → in_progress → answered | refused (with a reason). */
export const REQUEST_STATUSES = ['received', 'verified', 'in_progress', 'answered', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_KINDS = ['contact', 'correction', 'data-request', 'facility-update', 'person-registration', 'person-withdrawal'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Every reason a field can be refused for; the words are src/i18n's `formErrors`. */
export const FORM_ERROR_REASONS = [
  'required',
  'type',
  'tooLong',
  'controlChars',
  'markup',
  'invalidEmail',
  'invalidChoice',
  'invalidFacility',
  'mustAgree',
  'agentNameRequired',
  'detailsRequired',
  'unknownField',
  'honeypot',
  'bodyTooLarge',
  'contentType',
  'malformed',
  'origin',
  'turnstileMissing',
  'turnstileInvalid',
  'formTokenMissing',
  'formTokenInvalid',
  'formTokenTooFast',
  'formTokenExpired',
  'formTokenUsed',
  'rateLimited',
  'tokenInvalid',
  'tokenExpired',
  'tokenUsed',
  'method',
  'noChanges',
  'invalid',
] as const;
export type FormErrorReason = (typeof FORM_ERROR_REASONS)[number];

/** C0/C1 control characters other than tab, line feed and carriage return, plus bidi overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Line breaks, for one-line fields. */
const LINE_BREAKS = /[\r\n\t]/;
/** Something a browser or a Markdown renderer would treat as markup or a script: tags, `javascript:` URLs. */
const MARKUP = /<\s*\/?\s*[a-z!?]|javascript\s*:|on[a-z]+\s*=/i;

const stringError = (iss: { input?: unknown }) => (iss.input === undefined || iss.input === null ? 'required' : 'type');

/** Free text of at most `max` characters: trimmed, NFC, no control characters, no markup. */
export const text = (max: number, opts: { multiline?: boolean } = {}) =>
  z
    .string({ error: stringError })
    .normalize('NFC')
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: 'tooLong' })
    .refine((s) => !CONTROL_CHARS.test(s) && (opts.multiline || !LINE_BREAKS.test(s)), { error: 'controlChars', abort: true })
    .refine((s) => !MARKUP.test(s), { error: 'markup' });

/** Optional free text: an empty string counts as not given. */
export const optionalText = (max: number, opts: { multiline?: boolean } = {}) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(max, opts).optional());

/** An email address, trimmed. Lookups use `normalizeEmail`. */
export const FormEmail = z
  .string({ error: stringError })
  .trim()
  .min(1, { error: 'required' })
  .max(FORM_LIMITS.email, { error: 'tooLong' })
  .pipe(z.email({ error: 'invalidEmail' }));

/** The form of an email address used for lookups (HMAC): trimmed and lower-cased. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => (iss.input === undefined || iss.input === '' ? 'required' : 'invalidChoice') });

/** A consent checkbox: `on` from an HTML form, `true` from the script. */
export const Consent = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.literal(true, { error: 'mustAgree' }));

/** Fields every form carries besides its own. */
export const CommonShape = {
  /** Language of the page the form was sent from; mails and errors use it. Default `ja`. */
  lang: z.enum(['ja', 'en'], { error: 'invalidChoice' }).default('ja'),
  /** Honeypot: hidden from people, filled by naive bots. Must stay empty. */
  homepage: z.string({ error: 'type' }).max(0, { error: 'honeypot' }).optional(),
  /** Cloudflare Turnstile token (the widget's default field name). */
  'cf-turnstile-response': z.string({ error: 'type' }).max(FORM_LIMITS.turnstileToken, { error: 'tooLong' }).optional(),
  /** Signed form token the form page carries for submissions without JavaScript (functions/_lib/form-token.ts). */
  'form-token': z.string({ error: 'type' }).max(FORM_LIMITS.formToken, { error: 'tooLong' }).optional(),
};

/** お問い合わせ. */
export const ContactFormSchema = z.strictObject({
  ...CommonShape,
  /** Name to address the reply to. */
  name: text(FORM_LIMITS.name),
  /** Where the reply goes. */
  email: FormEmail,
  /** The message. */
  message: text(FORM_LIMITS.message, { multiline: true }),
  /** Agreement to the privacy policy. */
  agree: Consent,
});
/** A contact form as validated (each form exports its type, like the collections). @public */
export type ContactForm = z.output<typeof ContactFormSchema>;

/** A facility id as a form sends it (the file name under content/facilities). */
export const FacilityIdField = z
  .string({ error: stringError })
  .trim()
  .min(1, { error: 'required' })
  .max(100, { error: 'tooLong' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'invalidFacility' });

/** 掲載情報の修正依頼. The reporter's email is optional and never leaves the ledger. */
export const CorrectionFormSchema = z.strictObject({
  ...CommonShape,
  /** Facility id (the file name under content/facilities). */
  facility: FacilityIdField,
  /** Which part of the listing is wrong. */
  field: choice(CORRECTION_FIELDS),
  /** What it should say. */
  proposed: text(FORM_LIMITS.correction, { multiline: true }),
  /** How the reporter knows: a URL, a notice at the clinic, a phone call. */
  evidence: text(FORM_LIMITS.correction, { multiline: true }),
  /** Optional: to ask the reporter a question. Never published. */
  email: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), FormEmail.optional()),
  /** Agreement to the privacy policy. */
  agree: Consent,
});
/** A correction report as validated. @public */
export type CorrectionForm = z.output<typeof CorrectionFormSchema>;

/** 保有個人データに関する請求（開示・訂正・追加・削除・利用停止・第三者提供の停止・利用目的の通知・第三者提供記録の開示）. */
export const DataRequestFormSchema = z
  .strictObject({
    ...CommonShape,
    /** Which right. */
    type: choice(DATA_REQUEST_TYPES),
    /** The requester's name. */
    name: text(FORM_LIMITS.name),
    /** Where the verification link and the answer go. */
    email: FormEmail,
    /** `self`, or `agent` (法定代理人・任意代理人). */
    relation: choice(['self', 'agent'] as const),
    /** When `relation` is `agent`: the name of the person the data is about. */
    principalName: optionalText(FORM_LIMITS.name),
    /** Which data and what change; required for 訂正 and 追加. */
    details: optionalText(FORM_LIMITS.message, { multiline: true }),
    /** Agreement to the privacy policy. */
    agree: Consent,
  })
  .superRefine((v, ctx) => {
    if (v.relation === 'agent' && !v.principalName) ctx.addIssue({ code: 'custom', path: ['principalName'], message: 'agentNameRequired' });
    if (DATA_REQUEST_TYPES_NEEDING_DETAILS.includes(v.type) && !v.details) ctx.addIssue({ code: 'custom', path: ['details'], message: 'detailsRequired' });
  });
export type DataRequestForm = z.output<typeof DataRequestFormSchema>;

export interface FormIssue {
  /** The form field (top-level key), or `form` / `body` / `origin` / … for whole-request refusals. */
  field: string;
  reason: FormErrorReason;
  /** When the reason's general words are not enough: the content schema's own message, with the field's name. */
  message?: string;
  /** The content field, e.g. `hours.schedules.0.slots.1.close` (the update form's problems). */
  path?: string;
}

const isReason = (s: unknown): s is FormErrorReason => typeof s === 'string' && (FORM_ERROR_REASONS as readonly string[]).includes(s);

/** One `{ field, reason }` per failing field (the first reason for each), in form order. */
export function formIssues(error: z.ZodError): FormIssue[] {
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
