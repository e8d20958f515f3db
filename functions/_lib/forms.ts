/**
 * The three forms: what each stores, and what each sends. The pipeline around them is submit.ts.
 */
import { ContactFormSchema, CorrectionFormSchema, DataRequestFormSchema } from '../../src/lib/schema/forms.ts';
import { facilityName } from './facilities.ts';
import { issueFor } from './github-issues.ts';
import { Refusal } from './http.ts';
import { ackMail, operatorMail } from './mail.ts';
import type { FormDef } from './submit.ts';

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
    outbox: ({ id, dueAt, verifyUrl }) => [
      {
        channel: 'mail',
        purpose: 'ack',
        payload: ackMail({ kind: 'data-request', lang, requestId: id, to: f.email, type: f.type, ...(verifyUrl ? { verifyUrl } : {}) }),
      },
      { channel: 'mail', purpose: 'operator', payload: operatorMail({ kind: 'data-request', requestId: id, to: cfg.operatorEmail, due: dueAt, type: f.type }) },
    ],
  }),
};
