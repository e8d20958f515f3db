/**
 * What happens once the sender of a self-service change has confirmed their email (verify-email.ts): its pull
 * request and the "with a reviewer" mail are queued in the outbox and sent at once; if GitHub is down they wait
 * there, and the outbox drain retries them. The pull request's payload holds public values only.
 */
import type { RequestKind } from '../../src/lib/schema/forms.ts';
import type { FormsConfig } from './config.ts';
import type { FacilityUpdateJob } from './facility-update.ts';
import { decryptPersonal, queueOutbox, type ClaimedItem, type RequestRow } from './ledger.ts';
import { inReviewMail, withdrawalMail, type Mail } from './mail.ts';
import { getPersonPrivate, putPersonPrivate } from './people.ts';
import { todayInTokyo } from '../../src/lib/util/facility-edit.ts';
import type { PersonRegistrationJob, PersonRegistrationPersonal, PersonWithdrawalJob } from './person-registration.ts';

/** The confirmation page (a button, never a GET that confirms) and the result page of each verified kind. */
export const VERIFY_PAGES: Partial<Record<RequestKind, { verify: string; verified: string }>> = {
  'data-request': { verify: '/data-request/verify/', verified: '/data-request/verified/' },
  'facility-update': { verify: '/update/verify/', verified: '/update/verified/' },
  'person-registration': { verify: '/update/person-verify/', verified: '/update/person-verified/' },
  'person-withdrawal': { verify: '/update/withdraw-verify/', verified: '/update/withdraw-verified/' },
};

interface FacilityUpdatePersonal {
  submitter: { name: string; role: string; email: string; callbackPhone: string };
  facilityName: string;
  job: FacilityUpdateJob;
}

/** Queues what a newly verified request sends; returns the items to deliver now (none for data requests). */
export async function onVerified(db: D1Database, cfg: FormsConfig, row: RequestRow): Promise<ClaimedItem[]> {
  // A request the operator already refused (or moved on) queues nothing.
  if (row.status !== 'received') return [];
  if (row.kind === 'person-registration') return onRegistrationVerified(db, cfg, row);
  if (row.kind === 'person-withdrawal') return onWithdrawalVerified(db, cfg, row);
  if (row.kind !== 'facility-update') return [];
  const p = await decryptPersonal<FacilityUpdatePersonal>(cfg.encKey, row);
  return queueProposal(db, cfg, row, p.job, inReviewMail({ lang: row.lang, requestId: row.id, to: p.submitter.email, facilityName: p.facilityName }));
}

/** The pull request (its public job, now with the request id) and the 「審査に回しました」 mail, queued in one batch. */
function queueProposal(
  db: D1Database,
  cfg: FormsConfig,
  row: RequestRow,
  job: FacilityUpdateJob | PersonRegistrationJob | PersonWithdrawalJob,
  mail: Mail,
): Promise<ClaimedItem[]> {
  return queueOutbox(
    db,
    cfg.encKey,
    row.id,
    [
      { channel: 'github-pr', purpose: 'pr', payload: { ...job, requestId: row.id } },
      { channel: 'mail', purpose: 'review', payload: mail },
    ],
    'pr-queued',
  );
}

/**
 * A confirmed registration: what is not public goes to D1 (people_private: email, phone, licence number, the
 * sections not published), then the public file's pull request and the mail are queued.
 */
async function onRegistrationVerified(db: D1Database, cfg: FormsConfig, row: RequestRow): Promise<ClaimedItem[]> {
  const p = await decryptPersonal<PersonRegistrationPersonal>(cfg.encKey, row);
  // An edit-link request is kind person-registration too; its token is spent by the registration form, not here.
  if (!p.job) return [];
  await putPersonPrivate(
    db,
    cfg,
    {
      id: p.job.personId,
      email: p.contact.email,
      ...(p.contact.phone ? { phone: p.contact.phone } : {}),
      ...(p.licenceNumber ? { licence: { kind: '免許の登録番号（本人の申告）', number: p.licenceNumber } } : {}),
      unpublished: p.unpublished,
      form: p.form,
    },
    new Date(),
  );
  return queueProposal(db, cfg, row, p.job, inReviewMail({ lang: row.lang, requestId: row.id, to: p.contact.email }));
}

/**
 * A confirmed 「公開をやめる」: the D1 record is marked withdrawn (the person asked to stop publication; deleting
 * it is a separate APPI 削除, `npm run requests -- purge-person`), and the PR removing the file is queued.
 */
async function onWithdrawalVerified(db: D1Database, cfg: FormsConfig, row: RequestRow): Promise<ClaimedItem[]> {
  const p = await decryptPersonal<{ personId: string }>(cfg.encKey, row);
  const stored = await getPersonPrivate(db, cfg.encKey, p.personId);
  if (!stored?.record.email) return [];
  const now = new Date();
  await putPersonPrivate(db, cfg, { ...stored.record, withdrawn: todayInTokyo(now.getTime()) }, now);
  const job: PersonWithdrawalJob = { kind: 'person-withdrawal', requestId: row.id, personId: p.personId };
  return queueProposal(db, cfg, row, job, withdrawalMail({ lang: row.lang, requestId: row.id, to: stored.record.email }));
}
