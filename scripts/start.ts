#!/usr/bin/env node
/**
 * `npm start`: build the site, apply D1 migrations to the local state, then serve dist/ and functions/
 * with `wrangler pages dev` (workerd; local D1/KV/R2 in .wrangler/state) and run decap-server for /admin.
 * PORT overrides 8788. Ctrl-C stops everything.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { offlineEnv, startPagesDev } from '../tests/setup/pages-dev.ts';

const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, ...offlineEnv };
const port = Number(process.env['PORT'] ?? 8788);

const build = spawnSync('npm', ['run', 'build'], { cwd: root, env, stdio: 'inherit' });
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
const server = await startPagesDev({ port, persistTo: path.join(root, '.wrangler/state') });
server.proc.stdout?.pipe(process.stdout);
server.proc.stderr?.pipe(process.stderr);
console.log(`\n中野区診療所データベース: ${server.url.replace('127.0.0.1', 'localhost')}/  （CMS: /admin/、終了は Ctrl-C）\n`);

const stop = async () => {
  children.forEach((c) => c.kill('SIGTERM'));
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
