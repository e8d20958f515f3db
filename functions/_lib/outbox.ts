/**
 * Delivery of what leaves the site (mails, GitHub issues) from the D1 outbox. An item is sent only by the
 * one sender holding its lock: a request holds its own items from the moment they are stored
 * (ledger.ts), the drain claims others with a conditional UPDATE, so concurrent runs never send one twice.
 * A failure puts the item back with a doubling backoff; after `outboxMaxAttempts` failures it is `failed`
 * and waits for the operator (`npm run outbox -- --failed`, then `--retry`). Nothing is removed: a sent item
 * stays as the record of what was sent.
 *
 * Without SENDGRID_API_KEY / GITHUB_TOKEN (local runs only, see config.ts) items are "delivered" to the
 * local outbox itself: marked sent with result `local`, and `npm run outbox` shows them.
 */
import type { FormsConfig } from './config.ts';
import { decryptJson } from './crypto.ts';
import { proposeFacilityUpdate, type FacilityUpdateJob } from './facility-update.ts';
import { openIssue } from './github-issues.ts';
import { proposePersonRegistration, proposePersonWithdrawal, type PersonRegistrationJob, type PersonWithdrawalJob } from './person-registration.ts';
import { log } from './http.ts';
import { auditInsert, OUTBOX_LOCK_MS, setStatus, TransitionError, type ClaimedItem, type OutboxChannel } from './ledger.ts';
import { sendMail, type Mail } from './mail.ts';

export interface OutboxRow {
  id: string;
  request_id: string;
  channel: OutboxChannel;
  purpose: string;
  payload_enc: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: string;
  next_attempt_at: string;
  locked_until: string | null;
  sent_at: string | null;
  result: string | null;
}

/** base, 2 × base, 4 × base … (1, 2, 4 … minutes by default), at most 6 hours between attempts. */
export const backoffMs = (attempts: number, baseMs: number): number => Math.min(2 ** Math.max(0, attempts - 1) * baseMs, 6 * 3_600_000);

export interface DeliveryReport {
  sent: number;
  /** Failed this time and will be tried again. */
  failed: number;
  /** Failed for the last time: now `failed`, for the operator. */
  gaveUp: number;
}

type Outcome = { ok: true; result: string } | { ok: false; error: string };

async function send(cfg: FormsConfig, item: ClaimedItem): Promise<Outcome> {
  try {
    if (item.channel === 'mail') {
      if (!cfg.sendgrid.apiKey) return { ok: true, result: 'local' };
      const r = await sendMail({ apiKey: cfg.sendgrid.apiKey, base: cfg.sendgrid.base }, cfg.mailFrom, item.payload as Mail);
      return r.ok ? { ok: true, result: 'sendgrid' } : r;
    }
    if (!cfg.github.token) return { ok: true, result: 'local' };
    if (item.channel === 'github-pr') {
      const repo = { ...cfg.github, token: cfg.github.token, api: cfg.github.base, base: cfg.github.branch };
      const job = item.payload as FacilityUpdateJob | PersonRegistrationJob | PersonWithdrawalJob;
      if (job.kind === 'person-registration') return await proposePersonRegistration(repo, job);
      if (job.kind === 'person-withdrawal') return await proposePersonWithdrawal(repo, job);
      return await proposeFacilityUpdate(repo, job);
    }
    const r = await openIssue({ ...cfg.github, token: cfg.github.token }, item.payload as { title: string; body: string; labels: string[] });
    return r.ok ? { ok: true, result: r.url } : r;
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.name : 'error' };
  }
}

/**
 * Sends items this process holds the lock on, then records every outcome in one D1 batch (the item's new
 * state and its audit entry together).
 */
export async function deliverClaimed(db: D1Database, cfg: FormsConfig, items: readonly ClaimedItem[]): Promise<DeliveryReport> {
  const outcomes = await Promise.all(items.map((i) => send(cfg, i)));
  const at = new Date().toISOString();
  const report: DeliveryReport = { sent: 0, failed: 0, gaveUp: 0 };
  const stmts: D1PreparedStatement[] = [];
  // Logged once the outcomes are stored, so a log line never announces a state D1 does not hold yet.
  const lines: Parameters<typeof log>[] = [];
  items.forEach((item, k) => {
    const o = outcomes[k]!;
    if (o.ok) {
      report.sent++;
      stmts.push(db.prepare(`UPDATE outbox SET status = 'sent', locked_until = NULL, sent_at = ?, result = ? WHERE id = ?`).bind(at, o.result, item.id));
      const action = item.channel === 'mail' ? `mail-sent:${item.purpose}` : item.channel === 'github-pr' ? 'pr-opened' : 'issue-opened';
      const note = item.channel !== 'mail' ? o.result : o.result === 'local' ? 'local outbox' : null;
      stmts.push(auditInsert(db, { request_id: item.request_id, at, actor: 'system', action, from_status: null, to_status: null, note }));
    } else if (item.attempts >= cfg.outboxMaxAttempts) {
      report.gaveUp++;
      stmts.push(db.prepare(`UPDATE outbox SET status = 'failed', locked_until = NULL, last_error = ? WHERE id = ?`).bind(o.error, item.id));
      stmts.push(
        auditInsert(db, {
          request_id: item.request_id,
          at,
          actor: 'system',
          action: 'delivery-failed',
          from_status: null,
          to_status: null,
          note: `${item.channel}:${item.purpose} after ${item.attempts} attempts (${o.error})`,
        }),
      );
      lines.push(['warn', 'outbox-gave-up', { outboxId: item.id, channel: item.channel, attempts: item.attempts, error: o.error }]);
    } else {
      report.failed++;
      const next = new Date(Date.now() + backoffMs(item.attempts, cfg.outboxRetryBaseMs)).toISOString();
      stmts.push(
        db.prepare(`UPDATE outbox SET status = 'pending', locked_until = NULL, last_error = ?, next_attempt_at = ? WHERE id = ?`).bind(o.error, next, item.id),
      );
      lines.push(['warn', 'outbox-failed', { outboxId: item.id, channel: item.channel, attempts: item.attempts, error: o.error }]);
    }
  });
  if (stmts.length > 0) await db.batch(stmts);
  // Failures only, one line per item. What was sent is in the outbox and the audit log (`npm run outbox`), and the
  // drain's one line per run counts it: a success line per submission cost 6–24 % of POST /api/contact's
  // throughput at 50 clients locally (docs/operations/forms.md).
  for (const l of lines) log(...l);
  // An opened issue or pull request moves its request on, unless an operator already did; a request knows its PR.
  for (const [k, item] of items.entries()) {
    const o = outcomes[k]!;
    if (item.channel === 'mail' || !o.ok) continue;
    const pr = item.channel === 'github-pr' ? /\/pull\/(\d+)$/.exec(o.result) : null;
    if (pr) await db.prepare('UPDATE requests SET pr_number = ? WHERE id = ?').bind(Number(pr[1]), item.request_id).run();
    try {
      await setStatus(db, item.request_id, 'in_progress', 'system', { note: item.channel === 'github-pr' ? 'pull request opened' : 'GitHub issue opened' });
    } catch (e) {
      if (!(e instanceof TransitionError)) throw e;
    }
  }
  return report;
}

/** Claims the given items (one batch), decrypts them and delivers those this run got. */
async function claimAndDeliver(db: D1Database, cfg: FormsConfig, ids: readonly string[]): Promise<DeliveryReport> {
  if (ids.length === 0) return { sent: 0, failed: 0, gaveUp: 0 };
  const now = Date.now();
  const claims = await db.batch<OutboxRow>(
    ids.map((id) =>
      db
        .prepare(
          `UPDATE outbox SET status = 'sending', locked_until = ?, attempts = attempts + 1
           WHERE id = ? AND (status = 'pending' OR (status = 'sending' AND locked_until < ?)) RETURNING *`,
        )
        .bind(new Date(now + OUTBOX_LOCK_MS).toISOString(), id, new Date(now).toISOString()),
    ),
  );
  const rows = claims.flatMap((c) => c.results);
  const items: ClaimedItem[] = [];
  const unreadable: OutboxRow[] = [];
  for (const r of rows) {
    try {
      items.push({
        id: r.id,
        request_id: r.request_id,
        channel: r.channel,
        purpose: r.purpose,
        attempts: r.attempts,
        payload: await decryptJson(cfg.encKey, r.payload_enc, r.id),
      });
    } catch {
      unreadable.push(r);
    }
  }
  // A payload that does not decrypt (a rotated key, a damaged row) will never send: it goes to the operator
  // at once, and the rest of the run goes on.
  if (unreadable.length > 0) {
    const at = new Date().toISOString();
    await db.batch(
      unreadable.flatMap((r) => [
        db.prepare(`UPDATE outbox SET status = 'failed', locked_until = NULL, last_error = 'payload-unreadable' WHERE id = ?`).bind(r.id),
        auditInsert(db, {
          request_id: r.request_id,
          at,
          actor: 'system',
          action: 'delivery-failed',
          from_status: null,
          to_status: null,
          note: `${r.channel}:${r.purpose} payload does not decrypt`,
        }),
      ]),
    );
    for (const r of unreadable) log('warn', 'outbox-gave-up', { outboxId: r.id, channel: r.channel, attempts: r.attempts, error: 'payload-unreadable' });
  }
  const report = await deliverClaimed(db, cfg, items);
  return { ...report, gaveUp: report.gaveUp + unreadable.length };
}

/**
 * Retries what is due: pending items whose backoff has passed, and items whose sender died mid-way.
 * `force` (the operator's "retry now") ignores the backoff and also puts `failed` items back in the queue.
 */
export async function sweep(
  db: D1Database,
  cfg: FormsConfig,
  opts: { channel?: OutboxChannel; limit?: number; force?: boolean } = {},
): Promise<DeliveryReport> {
  const now = new Date().toISOString();
  const channel = opts.channel ?? null;
  if (opts.force) await db.prepare(`UPDATE outbox SET status = 'pending' WHERE status = 'failed' AND (? IS NULL OR channel = ?)`).bind(channel, channel).run();
  const { results } = await db
    .prepare(
      `SELECT id FROM outbox
       WHERE ((status = 'pending' AND (? OR next_attempt_at <= ?)) OR (status = 'sending' AND locked_until < ?))
         AND (? IS NULL OR channel = ?)
       ORDER BY created_at LIMIT ?`,
    )
    .bind(opts.force ? 1 : 0, now, now, channel, channel, opts.limit ?? 50)
    .all<{ id: string }>();
  return claimAndDeliver(
    db,
    cfg,
    results.map((r) => r.id),
  );
}

/** Items not yet sent, by state: `waiting` will be retried by the drain, `failed` needs the operator. */
export async function outboxCounts(db: D1Database): Promise<{ waiting: number; failed: number }> {
  const r = await db
    .prepare(`SELECT SUM(status IN ('pending', 'sending')) AS waiting, SUM(status = 'failed') AS failed FROM outbox`)
    .first<{ waiting: number | null; failed: number | null }>();
  return { waiting: r?.waiting ?? 0, failed: r?.failed ?? 0 };
}
