/**
 * The forms: what each stores, and what each sends. The pipeline around them is submit.ts.
 */
import { parse } from 'yaml';
import { messages } from '../../src/i18n/index.ts';
import { FacilityUpdateFormSchema } from '../../src/lib/schema/facility-update-form.ts';
import { ContactFormSchema, CorrectionFormSchema, DataRequestFormSchema, normalizeEmail, type DataRequestType } from '../../src/lib/schema/forms.ts';
import { PersonByEmailFormSchema, PersonRegistrationFormSchema } from '../../src/lib/schema/person-registration-form.ts';
import { todayInTokyo } from '../../src/lib/util/facility-edit.ts';
import type { FormsConfig } from './config.ts';
import { hmac, randomCode } from './crypto.ts';
import { facilityFile, facilityName, staffVocabulary, updateVocabulary } from './facilities.ts';
import { applyFacilityUpdate, formToUpdate, problemIssues, referencesOf, type FacilityUpdateJob } from './facility-update.ts';
import { issueFor } from './github-issues.ts';
import { Refusal, type Lang } from './http.ts';
import { decryptPersonal, getRequest, setStatus, TransitionError } from './ledger.ts';
import { ackMail, editLinkMail, operatorMail } from './mail.ts';
import { getPersonPrivate } from './people.ts';
import { checkRegistration, type PersonRegistrationPersonal } from './person-registration.ts';
import { consume } from './rate-limit.ts';
import type { FormDef, Prepared } from './submit.ts';
import { checkToken, consumeToken } from './verification.ts';

export const contactForm: FormDef<typeof ContactFormSchema> = {
  kind: 'contact',
  schema: ContactFormSchema,
  page: '/contact/',
  thanks: '/contact/thanks/',
  prepare: async (f, { cfg, lang }) => ({
    type: null,
    email: f.email,
    facilityId: null,
    personal: { name: f.name, email: f.email, message: f.message },
    verify: false,
    outbox: ({ id, dueAt }) => [
      { channel: 'mail', purpose: 'ack', payload: ackMail({ kind: 'contact', lang, requestId: id, to: f.email }) },
      {
        channel: 'mail',
        purpose: 'operator',
        payload: operatorMail({
          kind: 'contact',
          requestId: id,
          to: cfg.operatorEmail,
          due: dueAt,
          contact: { name: f.name, email: f.email, message: f.message },
        }),
      },
    ],
  }),
};

export const correctionForm: FormDef<typeof CorrectionFormSchema> = {
  kind: 'correction',
  schema: CorrectionFormSchema,
  page: '/corrections/',
  thanks: '/corrections/thanks/',
  prepare: async (f, { env, url, cfg, lang }) => {
    const name = await facilityName(env, url, f.facility);
    if (!name) throw new Refusal(422, [{ field: 'facility', reason: 'invalidFacility' }]);
    const report = { facilityId: f.facility, facilityName: name, field: f.field, proposed: f.proposed, evidence: f.evidence };
    return {
      type: f.field,
      email: f.email ?? null,
      facilityId: f.facility,
      personal: { ...report, email: f.email ?? null },
      verify: false,
      outbox: ({ id, dueAt }) => [
        { channel: 'github-issue', purpose: 'issue', payload: issueFor({ requestId: id, ...report }, cfg.siteOrigin) },
        {
          channel: 'mail',
          purpose: 'operator',
          payload: operatorMail({
            kind: 'correction',
            requestId: id,
            to: cfg.operatorEmail,
            due: dueAt,
            correction: { ...report, reporterGaveEmail: !!f.email },
          }),
        },
        ...(f.email
          ? [
              {
                channel: 'mail' as const,
                purpose: 'ack' as const,
                payload: ackMail({ kind: 'correction', lang, requestId: id, to: f.email, facilityName: name }),
              },
            ]
          : []),
      ],
    };
  },
};

/** The two mails of a request that waits for its sender's confirmation: the link to the sender, a notice to the operator. */
function verifiedRequestMails(m: {
  kind: 'data-request' | 'facility-update' | 'person-registration' | 'person-withdrawal';
  lang: Lang;
  to: string;
  operator: string;
  type?: DataRequestType;
  facilityName?: string;
}): Prepared['outbox'] {
  const extra = { ...(m.type ? { type: m.type } : {}), ...(m.facilityName ? { facilityName: m.facilityName } : {}) };
  return ({ id, dueAt, verifyUrl }) => [
    {
      channel: 'mail',
      purpose: 'ack',
      payload: ackMail({ kind: m.kind, lang: m.lang, requestId: id, to: m.to, ...extra, ...(verifyUrl ? { verifyUrl } : {}) }),
    },
    { channel: 'mail', purpose: 'operator', payload: operatorMail({ kind: m.kind, requestId: id, to: m.operator, due: dueAt, type: m.type ?? null }) },
  ];
}

export const dataRequestForm: FormDef<typeof DataRequestFormSchema> = {
  kind: 'data-request',
  schema: DataRequestFormSchema,
  page: '/data-request/',
  thanks: '/data-request/thanks/',
  prepare: async (f, { cfg, lang }) => ({
    type: f.type,
    email: f.email,
    facilityId: null,
    personal: { type: f.type, name: f.name, email: f.email, relation: f.relation, principalName: f.principalName ?? null, details: f.details ?? null },
    verify: true,
    outbox: verifiedRequestMails({ kind: 'data-request', lang, to: f.email, operator: cfg.operatorEmail, type: f.type }),
  }),
};

/** At most `SELF_SERVICE_PER_DAY` accepted changes of `kind` a day for the whole site; beyond that 429 with Retry-After. */
async function siteWideCap(db: D1Database, cfg: FormsConfig, kind: 'facility-update' | 'person-registration'): Promise<void> {
  const hit = await consume(db, [{ limit: { name: `${kind}:site`, max: cfg.selfServicePerDay, windowSeconds: 86_400 }, subject: 'all' }]);
  if (hit) throw new Refusal(429, [{ field: 'form', reason: 'rateLimited' }], { 'Retry-After': String(hit.retryAfter) });
}

/** Verified self-service changes waiting for review, per facility (issue 13); the site-wide daily cap is config. */
const OPEN_PER_FACILITY = 3;

/**
 * 掲載情報の更新（医療機関の方）. The form's values become whole groups of the facility's file and are checked
 * by the content schema against the file the site was built from; the sender is verified by mail, and only then
 * does the change become a pull request (verify-email.ts queues it, outbox.ts sends it). The sender's name, role,
 * email and call-back phone stay in the ledger.
 */
export const facilityUpdateForm: FormDef<typeof FacilityUpdateFormSchema> = {
  kind: 'facility-update',
  schema: FacilityUpdateFormSchema,
  page: '/update/',
  thanks: '/update/thanks/',
  verifyPage: '/update/verify/',
  limitsBeforePrepare: true,
  prepare: async (f, { env, url, cfg, lang }) => {
    const file = await facilityFile(env, url, f.facility);
    if (!file) throw new Refusal(422, [{ field: 'facility', reason: 'invalidFacility' }]);
    const current = (parse(file.text) ?? {}) as Record<string, unknown>;
    const formed = formToUpdate(f, current);
    if (!formed.ok) throw new Refusal(422, [formed.issue]);
    const today = todayInTokyo();
    const applied = applyFacilityUpdate(file.text, formed.update, today, await updateVocabulary(env, url));
    const w = messages(lang).update;
    const label = (field: string) => w.fieldLabel[field] ?? (/^station\d$/.test(field) ? w.station(Number(field.slice(7))) : field);
    if (!applied.ok) throw new Refusal(422, problemIssues(applied.problems, label));
    if (applied.changes.length === 0) throw new Refusal(422, [{ field: 'form', reason: 'noChanges' }]);
    // Verified changes still waiting for review count against the facility; unverified ones do not (anyone can
    // send those, and they expire with their link).
    const open = await env.DB.prepare(
      `SELECT count(*) AS n FROM requests WHERE kind = 'facility-update' AND facility_id = ? AND status IN ('verified', 'in_progress')`,
    )
      .bind(f.facility)
      .first<{ n: number }>();
    if ((open?.n ?? 0) >= OPEN_PER_FACILITY) throw new Refusal(429, [{ field: 'facility', reason: 'rateLimited' }], { 'Retry-After': String(24 * 3600) });
    await siteWideCap(env.DB, cfg, 'facility-update');
    const job: FacilityUpdateJob = {
      kind: 'facility-update',
      requestId: '',
      facilityId: f.facility,
      update: formed.update,
      date: today,
      references: referencesOf(applied.text),
    };
    return {
      type: f.facility,
      email: f.email,
      facilityId: f.facility,
      personal: { submitter: { name: f.name, role: f.role, email: f.email, callbackPhone: f.callbackPhone }, facilityName: file.name, job },
      verify: true,
      outbox: verifiedRequestMails({ kind: 'facility-update', lang, to: f.email, operator: cfg.operatorEmail, facilityName: file.name }),
    };
  },
};

/**
 * スタッフ紹介の登録. The person's profile is checked whole by the profile schema and the content check's rules;
 * once they confirm their email, the private part goes to D1 and the public file becomes a pull request
 * (self-service.ts). The public id is made here: `p-` and 8 random characters.
 */
export const personRegistrationForm: FormDef<typeof PersonRegistrationFormSchema> = {
  kind: 'person-registration',
  schema: PersonRegistrationFormSchema,
  page: '/people/register/',
  thanks: '/update/person-thanks/',
  verifyPage: '/update/person-verify/',
  limitsBeforePrepare: true,
  prepare: async (f, { env, url, cfg, lang }) => {
    const vocab = await staffVocabulary(env, url);
    // From 「登録内容を更新する」's link: the same profile again; otherwise a new public id.
    const link = f.edit ? await editLink(env.DB, cfg, f.edit) : undefined;
    const id = link?.personId ?? `p-${randomCode(8).toLowerCase()}`;
    const w = messages(lang).register;
    const checked = checkRegistration(f, { id, today: todayInTokyo(), vocab, label: (field) => w.fieldLabel[field] ?? field });
    if (!checked.ok) throw new Refusal(422, checked.issues);
    await siteWideCap(env.DB, cfg, 'person-registration');
    // The link works once: spent only now that the profile is known to be valid.
    if (link) await spendEditLink(env.DB, link);
    const { 'cf-turnstile-response': _t, 'form-token': _ft, homepage: _h, edit: _e, agree: _a, consent: _c, ...form } = f;
    const personal: PersonRegistrationPersonal = {
      form,
      contact: { email: f.email, phone: f.phone ?? null },
      licenceNumber: f.licenceNumber ?? null,
      unpublished: checked.unpublished,
      job: { kind: 'person-registration', requestId: '', personId: id, text: checked.text, published: checked.published },
    };
    return {
      type: id,
      email: f.email,
      facilityId: f.facility ?? null,
      personal,
      verify: true,
      outbox: verifiedRequestMails({ kind: 'person-registration', lang, to: f.email, operator: cfg.operatorEmail }),
    };
  },
};

/**
 * The two forms where a person names their profile and the address they registered with. Only that address (in
 * people_private, D1) gets anything; for any other address or id the answer is the same (the form does not tell
 * who is registered) and the request is kept for the operator with `matchedRegistration: false`.
 */
function byRegisteredEmail(o: {
  kind: 'person-withdrawal' | 'person-registration';
  type: (f: { person: string }) => string;
  page: string;
  thanks: string;
  verifyPage: string;
  mails: (m: { lang: Lang; to: string; cfg: FormsConfig }) => Prepared['outbox'];
  unmatched: (cfg: FormsConfig) => Prepared['outbox'];
}): FormDef<typeof PersonByEmailFormSchema> {
  return {
    kind: o.kind,
    schema: PersonByEmailFormSchema,
    page: o.page,
    thanks: o.thanks,
    verifyPage: o.verifyPage,
    prepare: async (f, { env, cfg, lang }) => {
      const registered = await registeredEmail(env.DB, cfg, f.person, f.email);
      return {
        type: o.type(f),
        email: f.email,
        facilityId: null,
        personal: { personId: f.person, email: f.email, matchedRegistration: registered !== undefined },
        verify: registered !== undefined,
        outbox: registered ? o.mails({ lang, to: registered, cfg }) : o.unmatched(cfg),
      };
    },
  };
}

/** 公開をやめる: a confirmation link; confirming marks D1 and opens the PR that removes the file (self-service.ts). */
export const personWithdrawalForm = byRegisteredEmail({
  kind: 'person-withdrawal',
  type: (f) => f.person,
  page: '/people/withdraw/',
  thanks: '/update/withdraw-thanks/',
  verifyPage: '/update/withdraw-verify/',
  mails: ({ lang, to, cfg }) => verifiedRequestMails({ kind: 'person-withdrawal', lang, to, operator: cfg.operatorEmail }),
  unmatched:
    (cfg) =>
    ({ id, dueAt }) => [
      { channel: 'mail', purpose: 'operator', payload: operatorMail({ kind: 'person-withdrawal', requestId: id, to: cfg.operatorEmail, due: dueAt }) },
    ],
});

/** A token refusal about the edit link names the form's `edit` field. */
const asEditField = (e: unknown): never => {
  if (e instanceof Refusal)
    throw new Refusal(
      e.status,
      e.issues.map((i) => ({ ...i, field: 'edit' })),
    );
  throw e;
};

/** An edit link's token, checked: signed, not expired, for a matched 「登録内容を更新する」 request, not used yet. */
async function editLink(db: D1Database, cfg: FormsConfig, token: string): Promise<{ personId: string; requestId: string; nonce: string }> {
  const t = await checkToken(cfg.hmacKey, token, new Date()).catch(asEditField);
  const row = await getRequest(db, t.requestId);
  if (!row || row.kind !== 'person-registration' || row.type !== 'edit-link') throw new Refusal(400, [{ field: 'edit', reason: 'tokenInvalid' }]);
  const p = await decryptPersonal<{ personId: string; matchedRegistration: boolean }>(cfg.encKey, row);
  if (!p.matchedRegistration) throw new Refusal(400, [{ field: 'edit', reason: 'tokenInvalid' }]);
  return { personId: p.personId, requestId: row.id, nonce: t.nonce };
}

async function spendEditLink(db: D1Database, link: { requestId: string; nonce: string }): Promise<void> {
  await consumeToken(db, { requestId: link.requestId, nonce: link.nonce }, new Date()).catch(asEditField);
  await setStatus(db, link.requestId, 'verified', 'requester', { note: 'edit link used' }).catch((e: unknown) => {
    if (!(e instanceof TransitionError)) throw e;
  });
}

/**
 * 登録内容を更新する: a signed, single-use link (24 h) to the registration form, filled in on the server with what
 * the person last sent (update-page.ts); the registration spends it (`editLink`).
 */
export const personEditLinkForm = byRegisteredEmail({
  kind: 'person-registration',
  type: () => 'edit-link',
  page: '/people/edit/',
  thanks: '/update/edit-thanks/',
  verifyPage: '/people/register/',
  mails:
    ({ lang, to }) =>
    ({ id, verifyUrl }) =>
      verifyUrl ? [{ channel: 'mail', purpose: 'ack', payload: editLinkMail({ lang, requestId: id, to, url: verifyUrl }) }] : [],
  unmatched: () => () => [],
});

/** The address registered for `person` in D1 when `email` is it (normalised), else undefined. */
async function registeredEmail(db: D1Database, cfg: FormsConfig, person: string, email: string): Promise<string | undefined> {
  const registered = (await getPersonPrivate(db, cfg.encKey, person))?.record.email;
  if (registered === undefined) return undefined;
  const [a, b] = await Promise.all([hmac(cfg.hmacKey, 'email', normalizeEmail(registered)), hmac(cfg.hmacKey, 'email', normalizeEmail(email))]);
  return a === b ? registered : undefined;
}
