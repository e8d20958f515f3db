/**
 * Delivery of what leaves the site (mails, GitHub issues) from the D1 outbox. Each item is claimed with a
 * conditional UPDATE, so concurrent runs never send one twice; a failure puts it back with a backoff.
 * Nothing is removed: a sent item stays as the record of what was sent.
 *
 * Without SENDGRID_API_KEY / GITHUB_TOKEN (local runs only, see config.ts) items are "delivered" to the
 * local outbox itself: marked sent with result `local`, and `npm run outbox` shows them.
 */
import type { FormsConfig } from './config.ts';
import { decryptJson } from './crypto.ts';
import { openIssue } from './github-issues.ts';
import { log } from './http.ts';
import { addAudit, setStatus, TransitionError } from './ledger.ts';
import { sendMail, type Mail } from './mail.ts';

export interface OutboxRow {
  id: string;
  request_id: string;
  channel: 'mail' | 'github-issue';
  purpose: string;
  payload_enc: string;
  status: 'pending' | 'sending' | 'sent';
  attempts: number;
  last_error: string | null;
  created_at: string;
  next_attempt_at: string;
  locked_until: string | null;
  sent_at: string | null;
  result: string | null;
}

const LOCK_MS = 60_000;
/** base, 2 × base, 4 × base … (1, 2, 4 … minutes by default), at most 6 hours between attempts. */
const backoffMs = (attempts: number, baseMs: number): number => Math.min(2 ** Math.max(0, attempts - 1) * baseMs, 6 * 3_600_000);

export interface DeliveryReport {
  sent: number;
  failed: number;
}

async function claim(db: D1Database, id: string, now: number): Promise<OutboxRow | null> {
  const nowIso = new Date(now).toISOString();
  return db
    .prepare(
      `UPDATE outbox SET status = 'sending', locked_until = ?, attempts = attempts + 1
       WHERE id = ? AND (status = 'pending' OR (status = 'sending' AND locked_until < ?)) RETURNING *`,
    )
    .bind(new Date(now + LOCK_MS).toISOString(), id, nowIso)
    .first<OutboxRow>();
}

async function send(cfg: FormsConfig, row: OutboxRow): Promise<{ ok: true; result: string } | { ok: false; error: string }> {
  if (row.channel === 'mail') {
    const mail = await decryptJson<Mail>(cfg.encKey, row.payload_enc, row.id);
    if (!cfg.sendgrid.apiKey) return { ok: true, result: 'local' };
    const r = await sendMail({ apiKey: cfg.sendgrid.apiKey, base: cfg.sendgrid.base }, cfg.mailFrom, mail);
    return r.ok ? { ok: true, result: 'sendgrid' } : r;
  }
  const issue = await decryptJson<{ title: string; body: string; labels: string[] }>(cfg.encKey, row.payload_enc, row.id);
  if (!cfg.github.token) return { ok: true, result: 'local' };
  const r = await openIssue({ ...cfg.github, token: cfg.github.token }, issue);
  return r.ok ? { ok: true, result: r.url } : r;
}

async function deliverOne(db: D1Database, cfg: FormsConfig, id: string, now: number): Promise<'sent' | 'failed' | 'skipped'> {
  const row = await claim(db, id, now);
  if (!row) return 'skipped';
  let outcome: Awaited<ReturnType<typeof send>>;
  try {
    outcome = await send(cfg, row);
  } catch (e) {
    outcome = { ok: false, error: e instanceof Error ? e.name : 'error' };
  }
  const at = new Date().toISOString();
  if (!outcome.ok) {
    await db
      .prepare(`UPDATE outbox SET status = 'pending', locked_until = NULL, last_error = ?, next_attempt_at = ? WHERE id = ?`)
      .bind(outcome.error, new Date(Date.now() + backoffMs(row.attempts, cfg.outboxRetryBaseMs)).toISOString(), id)
      .run();
    log('warn', 'outbox-failed', { outboxId: id, channel: row.channel, attempts: row.attempts, error: outcome.error });
    return 'failed';
  }
  await db.prepare(`UPDATE outbox SET status = 'sent', locked_until = NULL, sent_at = ?, result = ? WHERE id = ?`).bind(at, outcome.result, id).run();
  const action = row.channel === 'mail' ? `mail-sent:${row.purpose}` : 'issue-opened';
  await addAudit(db, row.request_id, 'system', action, row.channel === 'github-issue' ? outcome.result : outcome.result === 'local' ? 'local outbox' : null, at);
  if (row.channel === 'github-issue') {
    try {
      await setStatus(db, row.request_id, 'in_progress', 'system', { note: 'GitHub issue opened' });
    } catch (e) {
      if (!(e instanceof TransitionError)) throw e; // an operator already moved it on
    }
  }
  log('info', 'outbox-sent', { outboxId: id, channel: row.channel });
  return 'sent';
}

/** Delivers the given items (a request's own, right after it is stored). */
export async function deliver(db: D1Database, cfg: FormsConfig, ids: readonly string[]): Promise<DeliveryReport> {
  const now = Date.now();
  const results = await Promise.all(ids.map((id) => deliverOne(db, cfg, id, now)));
  return { sent: results.filter((r) => r === 'sent').length, failed: results.filter((r) => r === 'failed').length };
}

/**
 * Retries what is due: pending items whose backoff has passed, and items whose sender died mid-way.
 * `force` ignores the backoff (the operator asked for a retry now).
 */
export async function sweep(db: D1Database, cfg: FormsConfig, opts: { channel?: 'mail' | 'github-issue'; limit?: number; force?: boolean } = {}): Promise<DeliveryReport> {
  const now = new Date().toISOString();
  const { results } = await db
    .prepare(
      `SELECT id FROM outbox
       WHERE ((status = 'pending' AND (? OR next_attempt_at <= ?)) OR (status = 'sending' AND locked_until < ?))
         AND (? IS NULL OR channel = ?)
       ORDER BY created_at LIMIT ?`,
    )
    .bind(opts.force ? 1 : 0, now, now, opts.channel ?? null, opts.channel ?? null, opts.limit ?? 50)
    .all<{ id: string }>();
  return deliver(db, cfg, results.map((r) => r.id));
}

export async function pendingCount(db: D1Database): Promise<number> {
  return (await db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status <> 'sent'`).first<{ n: number }>())?.n ?? 0;
}
