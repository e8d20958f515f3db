/**
 * The request ledger in D1: one row per request, an append-only audit trail of every status change, and the
 * outbox of what must leave the site. A request, its first audit entry, its outbox items and its
 * verification link are written in one batch (one transaction): all or nothing.
 */
import type { RequestKind, RequestStatus } from '../../src/lib/schema/forms.ts';
import { decryptJson, encryptJson, randomCode } from './crypto.ts';

/** Internal target for an answer; APPI asks for 遅滞なく (without delay). */
export const DUE_DAYS = 14;
const DAY_MS = 86_400_000;

export const KIND_PREFIX: Readonly<Record<RequestKind, string>> = {
  contact: 'C',
  correction: 'R',
  'data-request': 'D',
  'facility-update': 'U',
  'person-registration': 'P',
  'person-withdrawal': 'W',
};
/** `D-20261117-7K3M9QXA`: kind, date received (JST), 8 random Crockford base32 characters. */
export const REQUEST_ID = /^[CRDUPW]-\d{8}-[0-9A-HJKMNP-TV-Z]{8}$/;

export function newRequestId(kind: RequestKind, now: Date): string {
  const jst = new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `${KIND_PREFIX[kind]}-${jst}-${randomCode(8)}`;
}

export const addDays = (iso: string, days: number): string => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

/** Kinds that act only once the sender has confirmed their email: data requests and self-service changes. */
export const VERIFIED_KINDS: ReadonlySet<RequestKind> = new Set(['data-request', 'facility-update', 'person-registration', 'person-withdrawal']);

/** Which status may follow which. Data requests and self-service changes act only after the sender is verified. */
export function allowedNext(kind: RequestKind, from: RequestStatus): readonly RequestStatus[] {
  switch (from) {
    case 'received':
      return VERIFIED_KINDS.has(kind) ? ['verified', 'refused'] : ['in_progress', 'answered', 'refused'];
    case 'verified':
      return ['in_progress', 'answered', 'refused'];
    case 'in_progress':
      return ['answered', 'refused'];
    default:
      return [];
  }
}

export interface RequestRow {
  id: string;
  kind: RequestKind;
  type: string | null;
  status: RequestStatus;
  refusal_reason: string | null;
  lang: 'ja' | 'en';
  email_hmac: string | null;
  personal_enc: string;
  facility_id: string | null;
  bot_check: string;
  received_at: string;
  verified_at: string | null;
  due_at: string;
  closed_at: string | null;
  /** Self-service requests: the pull request they became. */
  pr_number: number | null;
}

export interface AuditRow {
  seq: number;
  request_id: string;
  at: string;
  actor: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
}

/** Where an outbox item goes: a mail (SendGrid), a GitHub issue (correction report), a pull request (self-service). */
export type OutboxChannel = 'mail' | 'github-issue' | 'github-pr';

export interface OutboxItem {
  channel: OutboxChannel;
  purpose: 'ack' | 'operator' | 'issue' | 'pr' | 'review' | 'outcome';
  payload: unknown;
}

export interface NewRequest {
  id: string;
  kind: RequestKind;
  type: string | null;
  lang: 'ja' | 'en';
  emailHmac: string | null;
  /** Everything the visitor sent; stored only encrypted. */
  personal: unknown;
  facilityId: string | null;
  botCheck: 'turnstile' | 'none-no-js';
  receivedAt: string;
}

export const auditInsert = (db: D1Database, a: Omit<AuditRow, 'seq'>) =>
  db
    .prepare('INSERT INTO request_audit (request_id, at, actor, action, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .bind(a.request_id, a.at, a.actor, a.action, a.from_status, a.to_status, a.note);

/** An outbox item this process holds the lock on, with its payload in memory (outbox.ts delivers it). */
export interface ClaimedItem {
  id: string;
  request_id: string;
  channel: OutboxItem['channel'];
  purpose: string;
  attempts: number;
  payload: unknown;
}

/** How long a sender may hold an outbox item before the drain treats it as abandoned. */
export const OUTBOX_LOCK_MS = 60_000;

/**
 * Stores a request with its outbox items and (for data requests) its verification nonce. The items are
 * written already claimed by this request (status `sending`, attempt 1, locked for a minute), so it can
 * deliver them at once without another round trip; if it dies first, the drain takes them when the lock ends.
 */
export async function recordRequest(
  db: D1Database,
  encKey: string,
  r: NewRequest,
  outbox: OutboxItem[],
  verification?: { nonce: string; expiresAt: string },
  /** Run first in the same batch: the submission's rate-limit counters (rate-limit.ts), which fail it when full. */
  first: readonly D1PreparedStatement[] = [],
): Promise<ClaimedItem[]> {
  const personal = await encryptJson(encKey, r.personal, r.id);
  const items = await sealedOutbox(db, encKey, r.id, outbox, r.receivedAt);
  const stmts = [
    ...first,
    db
      .prepare(
        `INSERT INTO requests (id, kind, type, status, lang, email_hmac, personal_enc, facility_id, bot_check, received_at, due_at)
         VALUES (?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(r.id, r.kind, r.type, r.lang, r.emailHmac, personal, r.facilityId, r.botCheck, r.receivedAt, addDays(r.receivedAt, DUE_DAYS)),
    auditInsert(db, {
      request_id: r.id,
      at: r.receivedAt,
      actor: 'requester',
      action: 'received',
      from_status: null,
      to_status: 'received',
      note: r.botCheck === 'none-no-js' ? 'bot check: none (no JavaScript)' : null,
    }),
    ...items.map((o) => o.insert),
  ];
  if (verification) {
    stmts.push(
      db.prepare('INSERT INTO verification_tokens (nonce, request_id, expires_at) VALUES (?, ?, ?)').bind(verification.nonce, r.id, verification.expiresAt),
    );
  }
  await db.batch(stmts);
  return items.map((o) => o.claimed);
}

/**
 * Outbox items of a request, sealed, as INSERTs that store them already claimed by the caller (status
 * `sending`, attempt 1, locked for a minute) or, with `claim: false`, waiting for the drain. An item that
 * exists already (the same request and purpose) is left as it is.
 */
async function sealedOutbox(
  db: D1Database,
  encKey: string,
  requestId: string,
  outbox: readonly OutboxItem[],
  at: string,
  claim = true,
): Promise<{ insert: D1PreparedStatement; claimed: ClaimedItem }[]> {
  const lockedUntil = claim ? new Date(Date.parse(at) + OUTBOX_LOCK_MS).toISOString() : null;
  return Promise.all(
    outbox.map(async (o) => {
      const id = `${requestId}-${o.purpose}`;
      const sealed = await encryptJson(encKey, o.payload, id);
      return {
        insert: db
          .prepare(
            `INSERT INTO outbox (id, request_id, channel, purpose, payload_enc, status, attempts, created_at, next_attempt_at, locked_until)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
          )
          .bind(id, requestId, o.channel, o.purpose, sealed, claim ? 'sending' : 'pending', claim ? 1 : 0, at, lockedUntil ?? at, lockedUntil),
        claimed: { id, request_id: requestId, channel: o.channel, purpose: o.purpose, attempts: 1, payload: o.payload },
      };
    }),
  );
}

/**
 * Queues more outbox items for a stored request (a verified self-service change: its pull request and mail; the
 * outcome mail at the end of its review), with an audit entry, in one batch. Returns the items this call stored,
 * claimed for delivery now; with `claim: false` (the operator's CLI, which sends nothing) the drain sends them.
 */
export async function queueOutbox(
  db: D1Database,
  encKey: string,
  requestId: string,
  outbox: readonly OutboxItem[],
  action: string,
  claim = true,
): Promise<ClaimedItem[]> {
  const at = new Date().toISOString();
  const items = await sealedOutbox(db, encKey, requestId, outbox, at, claim);
  const results = await db.batch([
    ...items.map((o) => o.insert),
    auditInsert(db, { request_id: requestId, at, actor: 'system', action, from_status: null, to_status: null, note: null }),
  ]);
  return items.filter((_, k) => results[k]?.meta.changes === 1).map((o) => o.claimed);
}

export const getRequest = (db: D1Database, id: string): Promise<RequestRow | null> =>
  db.prepare('SELECT * FROM requests WHERE id = ?').bind(id).first<RequestRow>();

export async function decryptPersonal<T = Record<string, unknown>>(encKey: string, row: Pick<RequestRow, 'id' | 'personal_enc'>): Promise<T> {
  return decryptJson<T>(encKey, row.personal_enc, row.id);
}

export async function listRequests(db: D1Database, f: { status?: string; kind?: string; open?: boolean; limit?: number } = {}): Promise<RequestRow[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.status) {
    where.push('status = ?');
    args.push(f.status);
  }
  if (f.kind) {
    where.push('kind = ?');
    args.push(f.kind);
  }
  if (f.open) where.push("status NOT IN ('answered', 'refused')");
  const sql = `SELECT * FROM requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC LIMIT ?`;
  const { results } = await db
    .prepare(sql)
    .bind(...args, f.limit ?? 100)
    .all<RequestRow>();
  return results;
}

/** The self-service requests a pull request holds (a second update joins the open PR, so there can be several). */
export const findByPr = async (db: D1Database, pr: number): Promise<RequestRow[]> =>
  (await db.prepare('SELECT * FROM requests WHERE pr_number = ? ORDER BY received_at').bind(pr).all<RequestRow>()).results;

export const findByEmailHmac = async (db: D1Database, emailHmac: string): Promise<RequestRow[]> =>
  (await db.prepare('SELECT * FROM requests WHERE email_hmac = ? ORDER BY received_at').bind(emailHmac).all<RequestRow>()).results;

export const auditTrail = async (db: D1Database, id: string): Promise<AuditRow[]> =>
  (await db.prepare('SELECT * FROM request_audit WHERE request_id = ? ORDER BY seq').bind(id).all<AuditRow>()).results;

export const addAudit = (db: D1Database, requestId: string, actor: string, action: string, note: string | null = null, at = new Date().toISOString()) =>
  auditInsert(db, { request_id: requestId, at, actor, action, from_status: null, to_status: null, note }).run();

export class TransitionError extends Error {
  override name = 'TransitionError';
}

/**
 * Moves a request to a new status, with an audit entry, in one transaction. The UPDATE is conditional on the
 * status read, so two operators acting at once cannot both succeed.
 */
export async function setStatus(
  db: D1Database,
  id: string,
  to: RequestStatus,
  actor: string,
  opts: { reason?: string; note?: string; at?: string } = {},
): Promise<RequestRow> {
  const row = await getRequest(db, id);
  if (!row) throw new TransitionError(`no request ${id}`);
  if (!allowedNext(row.kind, row.status).includes(to)) throw new TransitionError(`${row.status} → ${to} is not allowed for ${row.kind}`);
  if (to === 'refused' && !opts.reason) throw new TransitionError('a refusal needs a reason (APPI: the requester is told why)');
  const at = opts.at ?? new Date().toISOString();
  const closed = to === 'answered' || to === 'refused' ? at : null;
  const verified = to === 'verified' ? at : row.verified_at;
  // The answer is due 14 days after the requester is verified (data requests) or after receipt (others).
  const due = to === 'verified' ? addDays(at, DUE_DAYS) : row.due_at;
  const [upd] = await db.batch([
    db
      .prepare('UPDATE requests SET status = ?, refusal_reason = ?, verified_at = ?, due_at = ?, closed_at = ? WHERE id = ? AND status = ?')
      .bind(to, to === 'refused' ? opts.reason : row.refusal_reason, verified, due, closed, id, row.status),
    db
      .prepare(
        `INSERT INTO request_audit (request_id, at, actor, action, from_status, to_status, note)
         SELECT ?, ?, ?, 'status', ?, ?, ? WHERE changes() = 1`,
      )
      .bind(id, at, actor, row.status, to, opts.reason ?? opts.note ?? null),
  ]);
  if (!upd || upd.meta.changes !== 1) throw new TransitionError(`${id} changed while updating; try again`);
  return {
    ...row,
    status: to,
    verified_at: verified,
    due_at: due,
    closed_at: closed,
    refusal_reason: to === 'refused' ? (opts.reason ?? null) : row.refusal_reason,
  };
}
