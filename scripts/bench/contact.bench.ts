#!/usr/bin/env node
/**
 * Contact form benchmark: p50/p95 latency and throughput of POST /api/contact with 50 concurrent clients
 * against `wrangler pages dev` (workerd, local D1/KV) and the local SendGrid/Turnstile/GitHub fakes.
 * Uses DIST_DIR (default dist/) when built, otherwise builds into .bench/forms-dist first.
 * `node scripts/bench/contact.bench.ts [--clients 50] [--requests 1000]`
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { offlineEnv, startPagesDev } from '../../tests/setup/pages-dev.ts';
import { start as startSendGrid } from '../../tests/fakes/sendgrid.fake.ts';
import { start as startTurnstile } from '../../tests/fakes/turnstile.fake.ts';
import { start as startGitHub } from '../../tests/fakes/github-issues.fake.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { clients: { type: 'string', default: '50' }, requests: { type: 'string', default: '1000' } } });
const clients = Number(values.clients);
const total = Number(values.requests);

let dist = process.env['DIST_DIR'] ?? 'dist';
if (!existsSync(path.join(root, dist, 'index.html'))) {
  dist = '.bench/forms-dist';
  console.log(`building the site into ${dist} …`);
  const b = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build', '--silent'], { cwd: root, env: { ...process.env, ...offlineEnv, DIST_DIR: dist, ASTRO_CACHE_DIR: 'node_modules/.astro-bench-forms' }, stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}

const fakes = await Promise.all([startSendGrid(), startTurnstile(), startGitHub()]);
const state = mkdtempSync(path.join(tmpdir(), 'nakano-bench-forms-'));
const server = await startPagesDev({ port: 8600 + Math.floor(Math.random() * 100), persistTo: state, dir: dist, bindings: Object.assign({}, ...fakes.map((f) => f.bindings)) });

let seq = 0;
async function once(): Promise<{ ms: number; status: number }> {
  const n = seq++;
  const t0 = performance.now();
  const res = await fetch(`${server.url}/api/contact`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Origin: server.url, 'CF-Connecting-IP': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
    body: JSON.stringify({ name: '架空 ベンチ', email: `bench-${n}@example.test`, message: 'ベンチマーク用の架空の問い合わせです。', agree: true, 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX' }),
  });
  await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status };
}

try {
  for (let i = 0; i < 20; i++) await once(); // warm-up: isolate start, D1 open, first bundle run
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let issued = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (issued < total) {
        issued++;
        const r = await once();
        latencies.push(r.ms);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  console.log(`POST /api/contact, ${clients} concurrent clients, ${latencies.length} requests (wrangler pages dev, local D1/KV, fakes)`);
  console.log(`  p50 ${pct(50).toFixed(1)} ms   p95 ${pct(95).toFixed(1)} ms   max ${latencies.at(-1)!.toFixed(1)} ms`);
  console.log(`  throughput ${(latencies.length / seconds).toFixed(1)} requests/s over ${seconds.toFixed(1)} s`);
  console.log(`  statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`);
  if ([...statuses.keys()].some((s) => s !== 201)) process.exitCode = 1;
} finally {
  await server.stop();
  await Promise.all(fakes.map((f) => f.stop()));
  rmSync(state, { recursive: true, force: true });
}
