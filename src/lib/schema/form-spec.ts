/**
 * The visitor forms as data: limits, reasons, constants, and the fields of the contact, correction and
 * data-request forms. Both checks read these fields: the server's zod schemas (./forms.ts builds them from
 * here) and the browser's `checkForm` below, which ships without zod (the forms script stays under 8 KB gzip,
 * issue 14). tests/unit/form-check.test.ts holds the two to the same answers. No zod in this module.
 */
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
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Line breaks, for one-line fields. */
export const LINE_BREAKS = /[\r\n\t]/;
/** Something a browser or a Markdown renderer would treat as markup or a script: tags, `javascript:` URLs. */
export const MARKUP = /<\s*\/?\s*[a-z!?]|javascript\s*:|on[a-z]+\s*=/i;

/** A phone number a reviewer can dial: digits, hyphens, spaces, an optional leading +. */
export const PHONE = /^\+?[0-9][0-9 -]{8,28}$/;
/** zod's email pattern (z.regexes.email), which the server's schema uses too. */
export const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** A facility id: the file name under content/facilities. */
export const FACILITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The form of an email address used for lookups (HMAC): trimmed and lower-cased. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export interface FormIssue {
  /** The form field (top-level key), or `form` / `body` / `origin` / … for whole-request refusals. */
  field: string;
  reason: FormErrorReason;
  /** When the reason's general words are not enough: the content schema's own message, with the field's name. */
  message?: string;
  /** The content field, e.g. `hours.schedules.0.slots.1.close` (the update form's problems). */
  path?: string;
}

/** One field of a visitor form. `optional`: a blank value counts as not given. */
export type FieldSpec =
  | { kind: 'text'; max: number; multiline?: boolean; optional?: boolean }
  | { kind: 'email'; optional?: boolean }
  | { kind: 'choice'; values: readonly [string, ...string[]] }
  | { kind: 'facility' }
  | { kind: 'consent' };

/** A rule across fields: `fails` reads the checked values; the problem is reported on `field`. */
export interface FormRule {
  field: string;
  reason: FormErrorReason;
  fails: (v: Readonly<Record<string, unknown>>) => boolean;
}

/** お問い合わせ. */
export const CONTACT_FIELDS = {
  /** Name to address the reply to. */
  name: { kind: 'text', max: FORM_LIMITS.name },
  /** Where the reply goes. */
  email: { kind: 'email' },
  /** The message. */
  message: { kind: 'text', max: FORM_LIMITS.message, multiline: true },
  /** Agreement to the privacy policy. */
  agree: { kind: 'consent' },
} as const satisfies Record<string, FieldSpec>;

/** 掲載情報の修正依頼. The reporter's email is optional and never leaves the ledger. */
export const CORRECTION_FORM_FIELDS = {
  /** Facility id (the file name under content/facilities). */
  facility: { kind: 'facility' },
  /** Which part of the listing is wrong. */
  field: { kind: 'choice', values: CORRECTION_FIELDS },
  /** What it should say. */
  proposed: { kind: 'text', max: FORM_LIMITS.correction, multiline: true },
  /** How the reporter knows: a URL, a notice at the clinic, a phone call. */
  evidence: { kind: 'text', max: FORM_LIMITS.correction, multiline: true },
  /** Optional: to ask the reporter a question. Never published. */
  email: { kind: 'email', optional: true },
  agree: { kind: 'consent' },
} as const satisfies Record<string, FieldSpec>;

/** 保有個人データに関する請求（開示・訂正・追加・削除・利用停止・第三者提供の停止・利用目的の通知・第三者提供記録の開示）. */
export const DATA_REQUEST_FIELDS = {
  /** Which right. */
  type: { kind: 'choice', values: DATA_REQUEST_TYPES },
  /** The requester's name. */
  name: { kind: 'text', max: FORM_LIMITS.name },
  /** Where the verification link and the answer go. */
  email: { kind: 'email' },
  /** `self`, or `agent` (法定代理人・任意代理人). */
  relation: { kind: 'choice', values: ['self', 'agent'] },
  /** When `relation` is `agent`: the name of the person the data is about. */
  principalName: { kind: 'text', max: FORM_LIMITS.name, optional: true },
  /** Which data and what change; required for 訂正 and 追加. */
  details: { kind: 'text', max: FORM_LIMITS.message, multiline: true, optional: true },
  agree: { kind: 'consent' },
} as const satisfies Record<string, FieldSpec>;

export const DATA_REQUEST_RULES: readonly FormRule[] = [
  { field: 'principalName', reason: 'agentNameRequired', fails: (v) => v['relation'] === 'agent' && !v['principalName'] },
  { field: 'details', reason: 'detailsRequired', fails: (v) => DATA_REQUEST_TYPES_NEEDING_DETAILS.includes(v['type'] as DataRequestType) && !v['details'] },
];

/** The check of one text: the same steps, in the same order, as the server's zod schema (./forms.ts `text`). */
function checkText(v: unknown, f: { max: number; multiline?: boolean }): { reason: FormErrorReason } | { value: string } {
  if (v === undefined || v === null) return { reason: 'required' };
  if (typeof v !== 'string') return { reason: 'type' };
  const s = v.normalize('NFC').trim();
  if (s.length < 1) return { reason: 'required' };
  if (s.length > f.max) return { reason: 'tooLong' };
  if (CONTROL_CHARS.test(s) || (!f.multiline && LINE_BREAKS.test(s))) return { reason: 'controlChars' };
  if (MARKUP.test(s)) return { reason: 'markup' };
  return { value: s };
}

/** A string trimmed, given, and at most `max` long (the email and facility fields: no NFC, no text checks). */
function checkTrimmed(v: unknown, max: number): string | { reason: FormErrorReason } {
  if (v === undefined || v === null) return { reason: 'required' };
  if (typeof v !== 'string') return { reason: 'type' };
  const s = v.trim();
  return s.length < 1 ? { reason: 'required' } : s.length > max ? { reason: 'tooLong' } : s;
}

const blank = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() === '');

/** One field: its problem, or its checked value. */
function checkField(f: FieldSpec, v: unknown): { reason: FormErrorReason } | { value: unknown } {
  switch (f.kind) {
    case 'text': {
      if (f.optional && blank(v)) return { value: undefined };
      return checkText(v, f);
    }
    case 'email': {
      if (f.optional && blank(v)) return { value: undefined };
      const r = checkTrimmed(v, FORM_LIMITS.email);
      return typeof r !== 'string' ? r : EMAIL.test(r) ? { value: r } : { reason: 'invalidEmail' };
    }
    case 'choice':
      return typeof v === 'string' && f.values.includes(v) ? { value: v } : { reason: v === undefined || v === '' ? 'required' : 'invalidChoice' };
    case 'facility': {
      const r = checkTrimmed(v, 100);
      return typeof r !== 'string' ? r : FACILITY_ID.test(r) ? { value: r } : { reason: 'invalidFacility' };
    }
    case 'consent':
      return v === true || v === 'on' || v === 'true' ? { value: true } : { reason: 'mustAgree' };
  }
}

/**
 * The browser's check of a form against its fields (and rules): `{ field, reason }` per failing field, in
 * form order, as the server's `formIssues` reports them. The honeypot is checked too; other fields the
 * form does not list are the server's business.
 */
export function checkForm(fields: Readonly<Record<string, FieldSpec>>, data: Readonly<Record<string, unknown>>, rules: readonly FormRule[] = []): FormIssue[] {
  const issues: FormIssue[] = [];
  const values: Record<string, unknown> = {};
  if (typeof data['homepage'] === 'string' && data['homepage'] !== '') issues.push({ field: 'homepage', reason: 'honeypot' });
  for (const [name, f] of Object.entries(fields)) {
    const r = checkField(f, data[name]);
    if ('reason' in r) issues.push({ field: name, reason: r.reason });
    else values[name] = r.value;
  }
  if (issues.length) return issues;
  for (const rule of rules) if (rule.fails(values) && !issues.some((i) => i.field === rule.field)) issues.push({ field: rule.field, reason: rule.reason });
  return issues;
}
