#!/usr/bin/env node
/**
 * `npm start`: build the site, apply D1 migrations to the local state, then serve dist/ and functions/
 * with `wrangler pages dev` (workerd; local D1/R2 in .wrangler/state), run the outbox drain Worker on the
 * same state and tick it every 60 s (the local stand-in for its Cron Trigger), and run decap-server for
 * /admin. PORT overrides 8788, DRAIN_PORT the drain's 8789. Ctrl-C stops everything.
 * `npm run demo` (--demo) does the same with the fictional demo site (npm run build:demo → dist-demo/).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { offlineEnv, startDrainWorker, startPagesDev } from './lib/dev-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, ...offlineEnv };
const port = Number(process.env['PORT'] ?? 8788);
const drainPort = Number(process.env['DRAIN_PORT'] ?? port + 1);
const persistTo = path.join(root, '.wrangler/state');
const TICK_MS = 60_000;

const demo = process.argv.includes('--demo');
const build = spawnSync('npm', ['run', demo ? 'build:demo' : 'build'], { cwd: root, env, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const children: ChildProcess[] = [];
// decap-server: the CMS's local backend, bound to loopback only, in git mode so /admin keeps the editorial
// workflow (drafts are cms/* branches, publishing merges them) (docs/decisions/0201-local-backend-mode.md).
children.push(
  spawn(path.join(root, 'node_modules/.bin/decap-server'), [], {
    cwd: root,
    env: { ...env, MODE: 'git', GIT_REPO_DIRECTORY: root, BIND_HOST: '127.0.0.1', PORT: String(Number(process.env['DECAP_PORT'] ?? 8081)) },
    stdio: 'inherit',
  }),
);
const server = await startPagesDev({ port, persistTo, ...(demo ? { dir: 'dist-demo' } : {}) });
const drainWorker = await startDrainWorker({ port: drainPort, persistTo });
for (const p of [server.proc, drainWorker.proc]) {
  p.stdout?.pipe(process.stdout);
  p.stderr?.pipe(process.stderr);
}
// Cloudflare runs the drain every minute by its Cron Trigger; locally nothing does, so this process ticks it.
const tick = () => drainWorker.tick().catch((e: unknown) => console.error(`outbox drain: ${e instanceof Error ? e.message : String(e)}`));
void tick();
const ticker = setInterval(tick, TICK_MS);
console.log(
  `\n中野区診療所データベース${demo ? '（架空のデータによるデモ）' : ''}: ${server.url.replace('127.0.0.1', 'localhost')}/  （CMS: /admin/、終了は Ctrl-C）`,
);
console.log(
  `送信待ちメール・Issue の再送: outbox drain Worker を 60 秒ごとに実行します（本番の Cron Trigger の代わり。今すぐ: ${drainWorker.url}/__scheduled）\n`,
);

const stop = async () => {
  clearInterval(ticker);
  children.forEach((c) => c.kill('SIGTERM'));
  await Promise.all([server.stop(), drainWorker.stop()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
