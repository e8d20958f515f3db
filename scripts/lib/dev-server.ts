/**
 * The local servers: `wrangler pages dev` on dist/ (site + functions) and `wrangler dev` of the outbox drain
 * Worker (workers/outbox-drain), both on the same local D1 state folder, so the drain sees what the site
 * wrote. Migrations are applied first. Used by `npm start`, the test global setup and the benchmarks.
 *
 * Locally no Cron Trigger fires: `wrangler dev --test-scheduled` exposes GET /__scheduled, and `tick()`
 * calls it (npm start every 60 s; tests when they choose).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const offlineEnv = {
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  ASTRO_TELEMETRY_DISABLED: '1',
  WRANGLER_LOG: 'warn',
} as const;

const root = path.resolve(import.meta.dirname, '../..');
const wranglerBin = path.join(root, 'node_modules/.bin/wrangler');
const DRAIN_CONFIG = 'workers/outbox-drain/wrangler.toml';

export interface DevProcess {
  url: string;
  proc: ChildProcess;
  /** Everything the worker printed, for log assertions (no personal data may appear in it). */
  logs: () => string;
  stop: () => Promise<void>;
}
export type PagesDev = DevProcess;

export interface DrainWorker extends DevProcess {
  /** Runs the scheduled handler once, as Cloudflare's cron would; resolves when the drain has finished. */
  tick: () => Promise<void>;
}

interface ServerOpts {
  port: number;
  persistTo: string;
  /** Vars and secrets for the worker (tests point the providers at the local fakes). */
  bindings?: Record<string, string>;
  /** Append everything the worker prints to this file (tests read it to prove logs carry no personal data). */
  logFile?: string;
}

/** A port nothing listens on right now. */
export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

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

/** Starts wrangler with `args` and waits until `ready` (a URL under the server) answers below 500. */
async function startWrangler(what: string, args: string[], opts: ServerOpts, ready: string): Promise<DevProcess> {
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
    if (proc.exitCode !== null) throw new Error(`${what} exited (${proc.exitCode}):\n${out}`);
    try {
      const r = await fetch(`${url}${ready}`, { redirect: 'manual' });
      if (r.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${what} did not answer within 60 s:\n${out}`);
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

export async function startPagesDev(opts: ServerOpts & { dir?: string; inspectorPort?: number }): Promise<PagesDev> {
  applyMigrations(opts.persistTo);
  const args = ['pages', 'dev', opts.dir ?? 'dist', '--port', String(opts.port), '--ip', '127.0.0.1', '--persist-to', opts.persistTo];
  if (opts.inspectorPort) args.push('--inspector-port', String(opts.inspectorPort));
  for (const [k, v] of Object.entries(opts.bindings ?? {})) args.push('--binding', `${k}=${v}`);
  return startWrangler('wrangler pages dev', args, opts, '/');
}

/** Asks a drain Worker started with --test-scheduled to run its scheduled handler once; wrangler answers after it returns. */
export async function scheduledTick(drainUrl: string): Promise<void> {
  const res = await fetch(`${drainUrl}/__scheduled?cron=*+*+*+*+*`);
  const body = await res.text();
  if (!res.ok) throw new Error(`outbox drain: /__scheduled answered ${res.status}: ${body.slice(0, 200)}`);
}

/**
 * Starts the outbox drain Worker on the D1 state of a pages dev started with the same `persistTo` (call
 * startPagesDev first: it applies the migrations). `bindings` are passed as `--var`, like pages dev's.
 */
export async function startDrainWorker(opts: ServerOpts): Promise<DrainWorker> {
  // --log-level log: the Worker's own log lines, as pages dev prints them (WRANGLER_LOG=warn would hide them).
  const args = [
    'dev',
    '-c',
    DRAIN_CONFIG,
    '--test-scheduled',
    '--port',
    String(opts.port),
    '--ip',
    '127.0.0.1',
    '--persist-to',
    opts.persistTo,
    '--log-level',
    'log',
  ];
  for (const [k, v] of Object.entries(opts.bindings ?? {})) args.push('--var', `${k}:${v}`);
  // Its fetch handler answers 404 without running the drain: that is the sign it is up.
  const server = await startWrangler('wrangler dev (outbox drain)', args, opts, '/');
  return { ...server, tick: () => scheduledTick(server.url) };
}
