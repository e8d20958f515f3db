/**
 * Load: 500 concurrent valid contact submissions through wrangler pages dev give 500 ledger rows with
 * unique ids and 500 acknowledgements (plus 500 operator notices) at the fake SendGrid — nothing lost.
 */
import { expect, it } from 'vitest';
import { control, freshIp, post, query, validContact, workerLog } from './forms-helpers.ts';

const N = 500;

it(`${N} concurrent submissions: ${N} ledger rows, ${N} mails, 0 lost`, { timeout: 240_000 }, async () => {
  const run = `load${Date.now().toString(36)}`;
  const started = Date.now();
  const responses = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const res = await post('/api/contact', validContact({ email: `${run}-${i}@example.test` }), { ip: freshIp() });
      return { status: res.status, body: (await res.json()) as { id?: string } };
    }),
  );
  const elapsed = Date.now() - started;
  const statuses = responses.reduce<Record<number, number>>((a, r) => ((a[r.status] = (a[r.status] ?? 0) + 1), a), {});
  if (statuses[201] !== N) {
    // Say why (the worker logs outcome codes, never personal data).
    const reasons = (await workerLog()).match(/"event":"turnstile-unavailable"[^}]*/g) ?? [];
    console.log('non-201 answers', statuses, [...new Set(reasons)].slice(0, 5));
  }
  expect(statuses).toEqual({ 201: N });
  const ids = new Set(responses.map((r) => r.body.id));
  expect(ids.size).toBe(N);

  const placeholders = [...ids].map(() => '?').join(',');
  const rows = query<{ n: number }>(`SELECT COUNT(*) AS n FROM requests WHERE id IN (${placeholders})`, ...([...ids] as string[]))[0]!.n;
  expect(rows).toBe(N);

  // Mail goes out after each response (waitUntil); wait for all of it.
  const deadline = Date.now() + 180_000;
  let acks = 0;
  while (Date.now() < deadline) {
    acks = ((await control('sendgrid', `/_control/messages?count&to_prefix=${run}-`)) as { count: number }).count;
    if (acks >= N) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(acks).toBe(N);
  // The outbox marks an item sent just after the provider accepts it; give the last few a moment.
  const sentRows = () => query<{ purpose: string; n: number }>(`SELECT purpose, COUNT(*) AS n FROM outbox WHERE request_id IN (${placeholders}) AND status = 'sent' GROUP BY purpose ORDER BY purpose`, ...([...ids] as string[]));
  let sent = sentRows();
  while (Date.now() < deadline && sent.reduce((a, r) => a + r.n, 0) < 2 * N) {
    await new Promise((r) => setTimeout(r, 250));
    sent = sentRows();
  }
  expect(sent).toEqual([{ purpose: 'ack', n: N }, { purpose: 'operator', n: N }]);
  console.log(`load: ${N} submissions in ${elapsed} ms (${((N * 1000) / elapsed).toFixed(0)}/s), all mail delivered ${Date.now() - started} ms after start`);
});
