/**
 * 50 concurrent valid contact submissions through wrangler pages dev give 50 ledger rows with unique ids
 * and, once delivered, 50 acknowledgements and 50 operator notices: nothing lost. What a request could not
 * deliver itself is left to the outbox drain, as in production, so the test ticks the drain while it waits.
 * (The 500-submission load figures are in `npm run bench`.)
 */
import { expect, inject, it } from 'vitest';
import { scheduledTick } from '../../scripts/lib/dev-server.ts';
import { control, freshIp, post, query, validContact } from './forms-helpers.ts';

const N = 50;

it(`${N} concurrent submissions: ${N} ledger rows, ${2 * N} mails sent, 0 lost`, { timeout: 180_000 }, async () => {
  const run = `conc${process.pid}${Date.now().toString(36)}`;
  const responses = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const res = await post('/api/contact', validContact({ email: `${run}-${i}@example.test` }), { ip: freshIp() });
      return { status: res.status, body: (await res.json()) as { id?: string } };
    }),
  );
  expect(responses.map((r) => r.status)).toEqual(Array<number>(N).fill(201));
  const ids = [...new Set(responses.map((r) => r.body.id!))];
  expect(ids).toHaveLength(N);
  const marks = ids.map(() => '?').join(',');
  expect(query<{ n: number }>(`SELECT COUNT(*) AS n FROM requests WHERE id IN (${marks})`, ...ids)[0]!.n).toBe(N);

  const sent = () => query<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE request_id IN (${marks}) AND status = 'sent'`, ...ids)[0]!.n;
  const deadline = Date.now() + 150_000;
  while (sent() < 2 * N && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    if (sent() < 2 * N) await scheduledTick(inject('drainUrl'));
  }
  expect(sent()).toBe(2 * N);
  expect(((await control('sendgrid', `/_control/messages?count&to_prefix=${run}-`)) as { count: number }).count).toBe(N);
});
