/**
 * Test global setup: start every local fake in scripts/lib/fakes/ (GitHub, SendGrid, Turnstile), then
 * `wrangler pages dev dist` and the outbox drain Worker on the same local D1, with bindings that point both
 * at those fakes. Tests read the addresses with `inject('baseUrl')`, `inject('drainUrl')`, `inject('fakes')`.
 * Nothing ticks the drain by itself here: a test that needs a scheduled run calls it (scheduledTick).
 */
import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startDrainWorker, startPagesDev, type DrainWorker, type PagesDev } from '../../scripts/lib/dev-server.ts';
import type { Fake } from '../../scripts/lib/fakes/fake-server.ts';
import { forgetFixtureSites } from './fixture-sites.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running site (wrangler pages dev on DIST_DIR, default dist/); '' when nothing is built. */
    baseUrl: string;
    fakes: Record<string, string>;
    /** The outbox drain Worker (wrangler dev --test-scheduled) on the same D1; '' when nothing is built. */
    drainUrl: string;
    /** Folder of the local D1/R2 state; `worker.log` in it has everything pages dev printed, `drain.log` the drain. */
    stateDir: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Outbox settings for both workers in tests: a failed item is due again after 1 s (then 2 s, 4 s …) and is
 * given up after 3 attempts, so retries and giving up happen within a test. The site-wide cap on self-service
 * changes (20 a day in production) is raised: every test file's valid updates share one day's counter.
 */
export const TEST_OUTBOX_SETTINGS = { OUTBOX_RETRY_BASE_SECONDS: '1', OUTBOX_MAX_ATTEMPTS: '3', SELF_SERVICE_PER_DAY: '1000' } as const;

export default async function setup(project: TestProject) {
  forgetFixtureSites();
  const fakesDir = path.join(root, 'scripts/lib/fakes');
  const fakes: Fake[] = [];
  for (const f of readdirSync(fakesDir)
    .filter((f) => f.endsWith('.fake.ts'))
    .sort()) {
    const mod = (await import(path.join(fakesDir, f))) as { start: () => Promise<Fake> };
    fakes.push(await mod.start());
  }
  const stateDir = mkdtempSync(path.join(tmpdir(), 'nakano-test-state-'));
  const bindings = Object.assign({}, ...fakes.map((f) => f.bindings), TEST_OUTBOX_SETTINGS);
  let server: PagesDev | undefined;
  let drainWorker: DrainWorker | undefined;
  const dist = process.env['DIST_DIR'] ?? 'dist';
  if (existsSync(path.join(root, dist, 'index.html'))) {
    server = await startPagesDev({
      port: 8790 + Math.floor(Math.random() * 200),
      persistTo: stateDir,
      bindings,
      dir: dist,
      logFile: path.join(stateDir, 'worker.log'),
    });
    drainWorker = await startDrainWorker({ port: await freePort(), persistTo: stateDir, bindings, logFile: path.join(stateDir, 'drain.log') });
  }
  project.provide('baseUrl', server?.url ?? '');
  project.provide('drainUrl', drainWorker?.url ?? '');
  project.provide('fakes', Object.fromEntries(fakes.map((f) => [f.name, f.url])));
  project.provide('stateDir', stateDir);
  return async () => {
    await Promise.all([server?.stop(), drainWorker?.stop()]);
    await Promise.all(fakes.map((f) => f.stop()));
    rmSync(stateDir, { recursive: true, force: true });
  };
}
