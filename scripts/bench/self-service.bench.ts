#!/usr/bin/env node
/**
 * Self-service benchmark (issue 13): a clinic's update from submission to pull request, against `wrangler pages
 * dev` (workerd, local D1), the outbox drain Worker and the local GitHub, SendGrid and Turnstile fakes. Each of
 * `--updates` facilities (default 30) sends one update in turn; the sender confirms as soon as the mail is there.
 * Printed: p50/p95 of submission → PR visible on the fake, and of its parts (submission answered, mail on the
 * fake, confirmation → PR). Sequential on purpose: latency, not load. Uses DIST_DIR (default dist/) when built.
 * `node scripts/bench/self-service.bench.ts [--updates 30]`
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { functionsBenchDist } from './site.ts';
import { freePort, startDrainWorker, startPagesDev } from '../lib/dev-server.ts';
import { start as startGitHub } from '../lib/fakes/github-issues.fake.ts';
import { start as startSendGrid } from '../lib/fakes/sendgrid.fake.ts';
import { start as startTurnstile } from '../lib/fakes/turnstile.fake.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { updates: { type: 'string', default: '30' } } });
const updates = Number(values.updates);

const dist = functionsBenchDist();

const [sendgrid, turnstile, github] = await Promise.all([startSendGrid(), startTurnstile(), startGitHub()]);
const state = mkdtempSync(path.join(tmpdir(), 'nakano-bench-self-service-'));
const bindings = { ...sendgrid.bindings, ...turnstile.bindings, ...github.bindings, SELF_SERVICE_PER_DAY: '100000' };
const server = await startPagesDev({ port: 8500 + Math.floor(Math.random() * 100), persistTo: state, dir: dist, bindings });
const drainWorker = await startDrainWorker({ port: await freePort(), persistTo: state, bindings });

const control = async (fake: string, p: string, body?: unknown) =>
  (
    await fetch(`${fake}${p}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } })
  ).json();
const until = async <T>(fn: () => Promise<T | undefined>): Promise<T> => {
  for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 5))) {
    const v = await fn();
    if (v !== undefined) return v;
  }
  throw new Error('timed out');
};
const post = (p: string, body: unknown, n: number) =>
  fetch(`${server.url}${p}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Origin: server.url, 'CF-Connecting-IP': `10.9.${n >> 8}.${n & 255}` },
    body: JSON.stringify(body),
  });
const pctOf = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

try {
  const list = (await (await fetch(`${server.url}/corrections/facilities.json`)).json()) as { id: string }[];
  const rows: { answered: number; mail: number; pr: number; total: number }[] = [];
  for (let n = 0; n < Math.min(updates, list.length); n++) {
    const id = list[n]!.id;
    const file = `content/facilities/${id}.yaml`;
    await control(github.url, '/_control/repo/files', { files: { [file]: readFileSync(path.join(root, file), 'utf8') } });
    const email = `bench-update-${n}@example.test`;
    const t0 = performance.now();
    const res = await post(
      '/api/facility-updates',
      {
        facility: id,
        edits: ['contact'],
        publicPhone: `03-5555-${String(1000 + n).slice(-4)}`,
        name: '架空 ベンチ',
        role: '事務（架空）',
        email,
        callbackPhone: '090-0000-0000',
        agree: true,
        'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
      },
      n,
    );
    if (res.status !== 201) throw new Error(`submission ${n}: ${res.status} ${await res.text()}`);
    const t1 = performance.now();
    const token = await until(async () => {
      const mails = (await control(sendgrid.url, `/_control/messages?to=${encodeURIComponent(email)}`)) as { text: string }[];
      const m = mails.map((x) => /verify\/\?token=(\S+)/.exec(x.text)?.[1]).find(Boolean);
      return m ? decodeURIComponent(m) : undefined;
    });
    const t2 = performance.now();
    const v = await post('/api/facility-updates/verify', { token }, n);
    if (v.status !== 200) throw new Error(`verify ${n}: ${v.status}`);
    await until(async () => {
      const r = (await control(github.url, '/_control/repo')) as { pulls: { head: string }[] };
      return r.pulls.some((p) => p.head.startsWith(`self-service/facility-update/${id}/`)) ? true : undefined;
    });
    const t3 = performance.now();
    rows.push({ answered: t1 - t0, mail: t2 - t1, pr: t3 - t2, total: t3 - t0 });
  }
  const line = (label: string, xs: number[]) =>
    console.log(`  ${label.padEnd(38)} p50 ${pctOf(xs, 50).toFixed(0).padStart(5)} ms   p95 ${pctOf(xs, 95).toFixed(0).padStart(5)} ms`);
  console.log(`Facility update → pull request, ${rows.length} updates in turn (wrangler pages dev, local D1, GitHub/SendGrid/Turnstile fakes)`);
  line(
    'submission answered (201)',
    rows.map((r) => r.answered),
  );
  line(
    'acknowledgement on the mail fake',
    rows.map((r) => r.mail),
  );
  line(
    'confirmation → PR on the GitHub fake',
    rows.map((r) => r.pr),
  );
  line(
    'submission → PR (all of it)',
    rows.map((r) => r.total),
  );
} finally {
  await drainWorker.stop();
  await server.stop();
  await Promise.all([sendgrid, turnstile, github].map((f) => f.stop()));
  rmSync(state, { recursive: true, force: true });
}
