/**
 * What happens once the sender of a self-service change has confirmed their email (verify-email.ts): its pull
 * request and the "with a reviewer" mail are queued in the outbox and sent at once; if GitHub is down they wait
 * there, and the outbox drain retries them. The pull request's payload holds public values only.
 */
import type { RequestKind } from '../../src/lib/schema/forms.ts';
import type { FormsConfig } from './config.ts';
import type { FacilityUpdateJob } from './facility-update.ts';
import type { Lang } from './http.ts';
import { decryptPersonal, queueOutbox, type ClaimedItem, type RequestRow } from './ledger.ts';
import { inReviewMail } from './mail.ts';

/** The confirmation page (a button, never a GET that confirms) and the result page of each verified kind. */
export const VERIFY_PAGES: Partial<Record<RequestKind, { verify: string; verified: string }>> = {
  'data-request': { verify: '/data-request/verify/', verified: '/data-request/verified/' },
  'facility-update': { verify: '/update/verify/', verified: '/update/verified/' },
};

interface FacilityUpdatePersonal {
  submitter: { name: string; role: string; email: string; callbackPhone: string };
  facilityName: string;
  job: FacilityUpdateJob;
}

/** Queues what a newly verified request sends; returns the items to deliver now (none for data requests). */
export async function onVerified(db: D1Database, cfg: FormsConfig, row: RequestRow): Promise<ClaimedItem[]> {
  // A request the operator already refused (or moved on) queues nothing.
  if (row.kind !== 'facility-update' || row.status !== 'received') return [];
  const p = await decryptPersonal<FacilityUpdatePersonal>(cfg.encKey, row);
  const lang: Lang = row.lang;
  return queueOutbox(
    db,
    cfg.encKey,
    row.id,
    [
      { channel: 'github-pr', purpose: 'pr', payload: { ...p.job, requestId: row.id } satisfies FacilityUpdateJob },
      { channel: 'mail', purpose: 'review', payload: inReviewMail({ lang, requestId: row.id, to: p.submitter.email, facilityName: p.facilityName }) },
    ],
    'pr-queued',
  );
}
