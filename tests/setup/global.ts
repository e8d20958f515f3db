/**
 * Test global setup: start every local fake in tests/fakes/ (GitHub, SendGrid, Turnstile), then
 * `wrangler pages dev dist` with bindings that point the functions at those fakes.
 * Tests read the addresses with `inject('baseUrl')` and `inject('fakes')`.
 */
import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPagesDev, type PagesDev } from './pages-dev.ts';
import type { Fake } from '../fakes/fake-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running site (wrangler pages dev on DIST_DIR, default dist/); '' when nothing is built. */
    baseUrl: string;
    fakes: Record<string, string>;
    /** Folder of the local D1/KV/R2 state; `worker.log` in it has everything the worker printed. */
    stateDir: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject) {
  const fakesDir = path.join(root, 'tests/fakes');
  const fakes: Fake[] = [];
  for (const f of readdirSync(fakesDir).filter((f) => f.endsWith('.fake.ts')).sort()) {
    const mod = (await import(path.join(fakesDir, f))) as { start: () => Promise<Fake> };
    fakes.push(await mod.start());
  }
  const stateDir = mkdtempSync(path.join(tmpdir(), 'nakano-test-state-'));
  const bindings = Object.assign({}, ...fakes.map((f) => f.bindings));
  let server: PagesDev | undefined;
  const dist = process.env['DIST_DIR'] ?? 'dist';
  if (existsSync(path.join(root, dist, 'index.html'))) {
    server = await startPagesDev({ port: 8790 + Math.floor(Math.random() * 200), persistTo: stateDir, bindings, dir: dist, logFile: path.join(stateDir, 'worker.log') });
  }
  project.provide('baseUrl', server?.url ?? '');
  project.provide('fakes', Object.fromEntries(fakes.map((f) => [f.name, f.url])));
  project.provide('stateDir', stateDir);
  return async () => {
    await server?.stop();
    await Promise.all(fakes.map((f) => f.stop()));
    rmSync(stateDir, { recursive: true, force: true });
  };
}
