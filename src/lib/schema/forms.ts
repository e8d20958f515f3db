/**
 * What visitors send: the contact form, correction reports and APPI data requests (開示・訂正・削除…).
 * One schema per form, shared by the page's script (inline errors) and the Pages Function (the real check).
 *
 * Error messages are reason codes (`required`, `tooLong`, …) so one refusal can be shown in Japanese or
 * English: `FORM_ERRORS[reason][lang]`. `formIssues()` turns a zod error into `{ field, reason }` pairs.
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

/**
 * The rights' names in the mails and the operator CLI, which cannot read src/i18n. The site shows src/i18n's
 * `labels.requestType`; tests/unit/i18n.test.ts keeps the two equal.
 */
export const DATA_REQUEST_TYPE_LABELS: Readonly<Record<DataRequestType, { ja: string; en: string }>> = {
  disclosure: { ja: '開示', en: 'Disclosure' },
  correction: { ja: '訂正', en: 'Correction' },
  addition: { ja: '追加', en: 'Addition' },
  deletion: { ja: '削除', en: 'Deletion' },
  suspension: { ja: '利用停止', en: 'Suspension of use' },
  'third-party-stop': { ja: '第三者提供の停止', en: 'Stop provision to third parties' },
  'purpose-notice': { ja: '利用目的の通知', en: 'Notice of the purposes of use' },
  'third-party-record': { ja: '第三者提供記録の開示', en: 'Disclosure of third-party provision records' },
};

/** Data request types where the operator cannot act without knowing exactly what to change. */
export const DATA_REQUEST_TYPES_NEEDING_DETAILS: readonly DataRequestType[] = ['correction', 'addition'];

/** Facility fields a correction report can be about. */
export const CORRECTION_FIELDS = ['name', 'address', 'phone', 'hours', 'departments', 'website', 'other'] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];
export const CORRECTION_FIELD_LABELS: Readonly<Record<CorrectionField, { ja: string; en: string }>> = {
  name: { ja: '名称', en: 'Name' },
  address: { ja: '住所', en: 'Address' },
  phone: { ja: '電話番号', en: 'Phone' },
  hours: { ja: '診療時間', en: 'Hours' },
  departments: { ja: '診療科', en: 'Departments' },
  website: { ja: 'ウェブサイト', en: 'Website' },
  other: { ja: 'その他', en: 'Other' },
};

/** Cloudflare's documented always-pass Turnstile test keys and the token their widget yields (local runs and tests). */
export const TURNSTILE_TEST_SITE_KEY = '1x00000000000000000000AA';
export const TURNSTILE_TEST_SECRET = '1x0000000000000000000000000000000AA';
export const TURNSTILE_DUMMY_TOKEN = 'XXXX.DUMMY.TOKEN.XXXX';

/** Ledger statuses: received → verified → in_progress → answered | refused (with a reason). */
export const REQUEST_STATUSES = ['received', 'verified', 'in_progress', 'answered', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_KINDS = ['contact', 'correction', 'data-request'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Every reason a field can be refused for, in both languages. */
export const FORM_ERRORS = {
  required: { ja: '入力してください。', en: 'Please fill in this field.' },
  type: { ja: '値の形式が正しくありません。', en: 'This value has the wrong type.' },
  tooLong: { ja: '文字数が多すぎます。短くしてください。', en: 'This is too long. Please shorten it.' },
  controlChars: { ja: '使えない制御文字が含まれています。', en: 'This contains control characters that are not allowed.' },
  markup: { ja: 'HTML タグやスクリプトは入力できません。', en: 'HTML tags and scripts are not allowed.' },
  invalidEmail: { ja: 'メールアドレスの形が正しくありません（例: hanako@example.jp）。', en: 'Please enter a valid email address (e.g. hanako@example.jp).' },
  invalidChoice: { ja: '選択肢の中から選んでください。', en: 'Please choose one of the options.' },
  invalidFacility: { ja: '医療機関が見つかりません。一覧から選んでください。', en: 'Facility not found. Please choose one from the list.' },
  mustAgree: { ja: 'プライバシーポリシーへの同意が必要です。', en: 'Please agree to the privacy policy.' },
  agentNameRequired: {
    ja: '代理人として申請する場合は、ご本人のお名前を入力してください。',
    en: 'When applying as an agent, please enter the name of the person concerned.',
  },
  detailsRequired: {
    ja: 'この種類の請求では、対象となる情報と内容を書いてください。',
    en: 'For this kind of request, please describe the data concerned and the change.',
  },
  unknownField: { ja: '想定していない項目が送信されました。', en: 'An unexpected field was sent.' },
  honeypot: { ja: 'この欄は空のままにしてください。', en: 'Please leave this field empty.' },
  // Refusals that are not about one schema field; the functions report them with these codes.
  bodyTooLarge: { ja: '送信内容が大きすぎます（32 KB まで）。', en: 'The request is too large (32 KB at most).' },
  contentType: { ja: 'フォームの送信形式が正しくありません。', en: 'Unsupported content type.' },
  malformed: { ja: '送信内容を読み取れませんでした。', en: 'The request body could not be read.' },
  origin: { ja: 'このサイト以外からの送信は受け付けていません。', en: 'Submissions from other sites are not accepted.' },
  turnstileMissing: {
    ja: 'ボット対策の確認が済んでいません。ページを再読み込みしてもう一度お試しください。',
    en: 'The bot check was not completed. Please reload the page and try again.',
  },
  turnstileInvalid: {
    ja: 'ボット対策の確認に失敗しました。ページを再読み込みしてもう一度お試しください。',
    en: 'The bot check failed. Please reload the page and try again.',
  },
  formTokenMissing: { ja: 'このサイトのフォームのページから送信してください。', en: 'Please send this from the form page on this site.' },
  formTokenInvalid: {
    ja: 'フォームの確認情報が正しくありません。ページを再読み込みしてから送信してください。',
    en: 'The form check is not valid. Please reload the page and send again.',
  },
  formTokenTooFast: {
    ja: '送信が早すぎたため、受け付けませんでした。内容を確かめて、もう一度「送信する」を押してください。',
    en: 'This was sent too quickly to accept. Please check your entries and press the button again.',
  },
  formTokenExpired: {
    ja: 'ページを開いてから時間がたったため、受け付けませんでした。入力内容は残っています。もう一度「送信する」を押してください。',
    en: 'Too much time passed since the page was opened. Your entries are kept; please press the button again.',
  },
  formTokenUsed: {
    ja: 'このページからはすでに送信されています。もう一度送る場合は、内容を確かめて「送信する」を押してください。',
    en: 'This page has already been sent. To send again, check your entries and press the button.',
  },
  rateLimited: {
    ja: '短時間に多くの送信がありました。しばらく待ってからもう一度お試しください。',
    en: 'Too many submissions. Please wait a while and try again.',
  },
  tokenInvalid: {
    ja: '確認用リンクが正しくありません。メールのリンクをそのまま開いてください。',
    en: 'This confirmation link is not valid. Please open the link from the email as it is.',
  },
  tokenExpired: {
    ja: '確認用リンクの有効期限が切れています。お手数ですが、もう一度請求してください。',
    en: 'This confirmation link has expired. Please submit the request again.',
  },
  tokenUsed: { ja: 'この確認用リンクはすでに使われています。', en: 'This confirmation link has already been used.' },
  method: { ja: 'この方法では送信できません。', en: 'This method is not allowed.' },
  invalid: { ja: '入力内容を確認してください。', en: 'Please check this field.' },
} as const satisfies Record<string, { ja: string; en: string }>;
export type FormErrorReason = keyof typeof FORM_ERRORS;

/** C0/C1 control characters other than tab, line feed and carriage return, plus bidi overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Line breaks, for one-line fields. */
const LINE_BREAKS = /[\r\n\t]/;
/** Something a browser or a Markdown renderer would treat as markup or a script: tags, `javascript:` URLs. */
const MARKUP = /<\s*\/?\s*[a-z!?]|javascript\s*:|on[a-z]+\s*=/i;

const stringError = (iss: { input?: unknown }) => (iss.input === undefined || iss.input === null ? 'required' : 'type');

/** Free text of at most `max` characters: trimmed, NFC, no control characters, no markup. */
const text = (max: number, opts: { multiline?: boolean } = {}) =>
  z
    .string({ error: stringError })
    .normalize('NFC')
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: 'tooLong' })
    .refine((s) => !CONTROL_CHARS.test(s) && (opts.multiline || !LINE_BREAKS.test(s)), { error: 'controlChars', abort: true })
    .refine((s) => !MARKUP.test(s), { error: 'markup' });

/** Optional free text: an empty string counts as not given. */
const optionalText = (max: number, opts: { multiline?: boolean } = {}) =>
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
const Consent = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.literal(true, { error: 'mustAgree' }));

/** Fields every form carries besides its own. */
const CommonShape = {
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

/** 掲載情報の修正依頼. The reporter's email is optional and never leaves the ledger. */
export const CorrectionFormSchema = z.strictObject({
  ...CommonShape,
  /** Facility id (the file name under content/facilities). */
  facility: z
    .string({ error: stringError })
    .trim()
    .min(1, { error: 'required' })
    .max(100, { error: 'tooLong' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'invalidFacility' }),
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
}

const isReason = (s: unknown): s is FormErrorReason => typeof s === 'string' && Object.hasOwn(FORM_ERRORS, s);

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
