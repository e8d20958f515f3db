/**
 * Sites built from fictional content for the tests, beside the main build (`<DIST_DIR>-hours/`, `<DIST_DIR>-demo/`),
 * so two checkouts' or two DIST_DIRs' runs never share one. Fictional data never enters content/.
 * - hours: the real vocabularies plus the facilities of tests/fixtures/hours (the Chromium hours test and the
 *   CMS preview comparison);
 * - demo: `npm run build:demo`'s site, the facilities and people of tests/fixtures/demo (staff profiles, the
 *   leak check, the people e2e test).
 * The first test file that asks builds a site; the others wait for that build (a lock folder), so one `npm test`
 * builds each once. The global setup removes a previous run's builds; HOURS_E2E_PREBUILT=1 keeps them.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import { buildFixtureSite, DEMO_FIXTURES } from '../../scripts/build-demo.ts';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { startPagesDev } from '../../scripts/lib/dev-server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const base = process.env['DIST_DIR'] ?? 'dist';
export const HOURS_DIST = `${base}-hours`;
export const DEMO_DIST = `${base}-demo`;

async function builtOnce(dist: string, build: () => void): Promise<string> {
  const lock = path.join(root, `${dist}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
    } catch {
      await sleep(500); // another test file is building it
      continue;
    }
    try {
      if (!existsSync(path.join(root, dist, 'index.html'))) build();
      return dist;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** The hours fixture site's folder (relative to the repository). */
export const hoursFixtureSite = (): Promise<string> =>
  builtOnce(HOURS_DIST, () => buildFixtureSite({ dist: HOURS_DIST, fixtures: { facilities: 'tests/fixtures/hours/facilities' }, silent: true }));

/** The demo site's folder (relative to the repository). */
export const demoFixtureSite = (): Promise<string> =>
  builtOnce(DEMO_DIST, () => buildFixtureSite({ dist: DEMO_DIST, fixtures: DEMO_FIXTURES, demo: true, silent: true }));

/** For the global setup: forget the previous run's fixture builds (and locks left by a killed run). */
export function forgetFixtureSites(): void {
  for (const dist of [HOURS_DIST, DEMO_DIST]) {
    rmSync(path.join(root, `${dist}.lock`), { recursive: true, force: true });
    if (process.env['HOURS_E2E_PREBUILT'] !== '1') rmSync(path.join(root, dist), { recursive: true, force: true });
  }
}

/** A fixture site served by wrangler pages dev on its own fresh state, with a Chromium to look at it. */
export interface ServedSite {
  url: string;
  browser: Browser;
  close: () => Promise<void>;
}

export async function serveInChromium(dir: string, port: number, env?: NodeJS.ProcessEnv): Promise<ServedSite> {
  const state = mkdtempSync(path.join(tmpdir(), 'fixture-e2e-'));
  const server = await startPagesDev({ port, persistTo: state, dir });
  const browser = await launchChromium(env ? { env } : {});
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(state, { recursive: true, force: true });
    },
  };
}
