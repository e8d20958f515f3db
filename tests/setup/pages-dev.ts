/**
 * Starts `wrangler pages dev` on dist/ with local D1/KV/R2 in a given state folder, applying the D1
 * migrations first. Used by the test global setup, `npm start` and the benchmarks.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const offlineEnv = {
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  ASTRO_TELEMETRY_DISABLED: '1',
  WRANGLER_LOG: 'warn',
} as const;

const root = path.resolve(import.meta.dirname, '../..');
const wranglerBin = path.join(root, 'node_modules/.bin/wrangler');

export interface PagesDev {
  url: string;
  proc: ChildProcess;
  /** Everything the worker printed, for log assertions (no personal data may appear in it). */
  logs: () => string;
  stop: () => Promise<void>;
}

export function applyMigrations(persistTo: string): void {
  const dir = path.join(root, 'migrations');
  if (!existsSync(dir) || readdirSync(dir).filter((f) => f.endsWith('.sql')).length === 0) return;
  const r = spawnSync(wranglerBin, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
    cwd: root,
    env: { ...process.env, ...offlineEnv, CI: 'true' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`D1 migrations failed:\n${r.stdout}\n${r.stderr}`);
}

export async function startPagesDev(opts: {
  port: number;
  persistTo: string;
  bindings?: Record<string, string>;
  dir?: string;
  /** Append everything the worker prints to this file (tests read it to prove logs carry no personal data). */
  logFile?: string;
}): Promise<PagesDev> {
  applyMigrations(opts.persistTo);
  const args = ['pages', 'dev', opts.dir ?? 'dist', '--port', String(opts.port), '--ip', '127.0.0.1', '--persist-to', opts.persistTo];
  for (const [k, v] of Object.entries(opts.bindings ?? {})) args.push('--binding', `${k}=${v}`);
  const proc = spawn(wranglerBin, args, { cwd: root, env: { ...process.env, ...offlineEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const collect = (d: Buffer) => {
    out += d.toString();
    // The state folder is removed at teardown while the worker may still be printing.
    if (opts.logFile && existsSync(path.dirname(opts.logFile))) appendFileSync(opts.logFile, d);
  };
  proc.stdout?.on('data', collect);
  proc.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`wrangler pages dev exited (${proc.exitCode}):\n${out}`);
    try {
      const r = await fetch(`${url}/`, { redirect: 'manual' });
      if (r.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`wrangler pages dev did not answer within 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    proc,
    logs: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
