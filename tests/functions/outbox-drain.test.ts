/**
 * The outbox drains itself: with no further request to the site, the outbox drain Worker's scheduled run
 * (wrangler dev --test-scheduled, standing in for Cloudflare's Cron Trigger) retries a refused mail on its
 * backoff, and after OUTBOX_MAX_ATTEMPTS gives it up for the operator, whose retry sends it.
 * Both workers run with TEST_OUTBOX_SETTINGS (first backoff 1 s, 3 attempts).
 *
 * Other files share this D1 and force the operator's retry (POST /api/ops/retry sends every waiting mail),
 * which may attempt these items too. So every assertion holds whoever made an attempt, and "the drain did
 * not touch it" is read from the drain's own log (drain.log), not from counts others can change.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { scheduledTick } from '../../scripts/lib/dev-server.ts';
import { TEST_OUTBOX_SETTINGS } from '../setup/global.ts';
import { control, d1, eventually, mailsTo, post, query, retryOutbox, validContact, workerLog } from './forms-helpers.ts';

interface OutboxItem {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
}
interface LogLine {
  event: string;
  outboxId?: string;
  attempts?: number;
  error?: string;
}

const MAX_ATTEMPTS = Number(TEST_OUTBOX_SETTINGS.OUTBOX_MAX_ATTEMPTS);
const ackOf = (requestId: string) => query<OutboxItem>(`SELECT * FROM outbox WHERE request_id = ? AND purpose = 'ack'`, requestId)[0];
const audit = (requestId: string) =>
  query<{ action: string; note: string | null }>('SELECT action, note FROM request_audit WHERE request_id = ? ORDER BY seq', requestId);
const drainLog = (): string => {
  const f = path.join(inject('stateDir'), 'drain.log');
  return existsSync(f) ? readFileSync(f, 'utf8') : '';
};
/** The structured lines (functions/_lib/http.ts `log`) about one outbox item. */
const linesAbout = (log: string, outboxId: string): LogLine[] =>
  (log.match(/\{"level":[^{}]*\}/g) ?? []).map((l) => JSON.parse(l) as LogLine).filter((l) => l.outboxId === outboxId);
const tick = () => scheduledTick(inject('drainUrl'));

/** Posts a contact form whose acknowledgement the fake refuses; waits for the request's own first attempt to be refused. */
async function contactWithRefusedAck(refusal: { times?: number }) {
  const v = validContact();
  await control('sendgrid', '/_control/fail', { to: v.email, status: 500, ...refusal });
  const res = await post('/api/contact', v);
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const outboxId = (await eventually(() => ackOf(id)))!.id;
  const first = await eventually(async () => linesAbout(await workerLog(), outboxId).find((l) => l.event === 'outbox-failed'));
  expect(first).toMatchObject({ attempts: 1, error: 'http-500' });
  return { email: v.email, id, outboxId };
}

/**
 * From here on no request reaches the site: only the drain's scheduled runs. Runs the drain each time the
 * item is due, until `done` holds or 30 s have passed; returns the item as it was last seen.
 */
async function drainUntil(requestId: string, done: (o: OutboxItem) => boolean): Promise<OutboxItem | undefined> {
  const end = Date.now() + 30_000;
  for (;;) {
    const o = ackOf(requestId);
    if (!o || done(o) || Date.now() > end) return o;
    if (o.status === 'pending' && Date.parse(o.next_attempt_at) <= Date.now()) await tick();
    else await new Promise((r) => setTimeout(r, 100));
  }
}

describe('outbox drain (scheduled Worker on the same D1)', () => {
  it('delivers a mail the provider refused once, with no further request to the site', async () => {
    const { email, id } = await contactWithRefusedAck({ times: 1 });
    expect(ackOf(id)).toMatchObject({ last_error: 'http-500' });

    const after = await drainUntil(id, (o) => o.status === 'sent');
    expect(after).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await mailsTo(email)).toHaveLength(1);
    expect(audit(id).map((a) => a.action)).toContain('mail-sent:ack');
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts, leaves it to the operator, and the operator's retry sends it`, async () => {
    const { email, id, outboxId } = await contactWithRefusedAck({});
    const given = await drainUntil(id, (o) => o.status === 'failed');
    expect(given).toMatchObject({ status: 'failed', last_error: 'http-500' });
    // Given up at the MAX_ATTEMPTS-th attempt (later ones, if any, are other files' forced retries).
    // The row is written before the log line reaches wrangler's output: read the logs until the line is there.
    const gaveUpLines = async () => linesAbout((await workerLog()) + drainLog(), outboxId).filter((l) => l.event === 'outbox-gave-up');
    const gaveUpAt = (await eventually(async () => ((await gaveUpLines()).length ? gaveUpLines() : undefined))) ?? [];
    expect(Math.min(...gaveUpAt.map((l) => l.attempts ?? 0))).toBe(MAX_ATTEMPTS);
    const failedAudit = audit(id).filter((a) => a.action === 'delivery-failed');
    expect(failedAudit.length).toBeGreaterThanOrEqual(1);
    expect(failedAudit[0]!.note).not.toContain(email);

    // A scheduled run leaves a given-up item alone: the drain makes no attempt at it.
    const before = drainLog().length;
    await tick();
    expect(linesAbout(drainLog().slice(before), outboxId)).toEqual([]);

    // npm run outbox -- --retry, once the provider works again
    await control('sendgrid', '/_control/recover', { to: email });
    expect((await retryOutbox('mail')).status).toBe(200);
    const sent = await eventually(() => (ackOf(id)?.status === 'sent' ? ackOf(id) : undefined));
    expect(sent?.attempts).toBeGreaterThan(MAX_ATTEMPTS);
    expect(await mailsTo(email)).toHaveLength(1);
    expect(audit(id).map((a) => a.action)).toContain('mail-sent:ack');
    expect(drainLog()).not.toContain(email);
  });

  it('gives up at once on a payload that no longer decrypts, and the other mails still go out', async () => {
    const damaged = await contactWithRefusedAck({ times: 1 });
    const healthy = await contactWithRefusedAck({ times: 1 });
    // A damaged row (a rotated key would look the same): the ciphertext's last characters changed.
    const db = d1({ write: true });
    try {
      db.prepare(`UPDATE outbox SET payload_enc = substr(payload_enc, 1, length(payload_enc) - 8) || 'AAAAAAAA' WHERE id = ?`).run(damaged.outboxId);
    } finally {
      db.close();
    }
    // Before the fix, the damaged row made every run throw before anything was sent, so neither got out.
    const bad = await drainUntil(damaged.id, (o) => o.status === 'failed');
    expect(bad).toMatchObject({ status: 'failed', last_error: 'payload-unreadable' });
    expect(audit(damaged.id).find((a) => a.action === 'delivery-failed')?.note).toBe('mail:ack payload does not decrypt');
    expect(await drainUntil(healthy.id, (o) => o.status === 'sent')).toMatchObject({ status: 'sent' });
    expect(await mailsTo(healthy.email)).toHaveLength(1);
    expect(await mailsTo(damaged.email)).toHaveLength(0);
  });
});
