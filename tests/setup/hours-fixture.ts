/**
 * Builds the site with a fixture content set (the real vocabularies plus the fictional facilities of
 * tests/fixtures/hours) into `<DIST_DIR>-hours/`, for the tests that need a facility with hours (the Chromium
 * hours test and the CMS preview comparison). Fictional data never enters content/.
 * The first test file that asks builds it; the others wait for that build (a lock folder), so one `npm test`
 * builds it once. The global setup removes a previous run's build; HOURS_E2E_PREBUILT=1 keeps it.
 * Run alone: node tests/setup/hours-fixture.ts
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = path.resolve(import.meta.dirname, '../..');
/** Beside the main build, so two checkouts' or two DIST_DIRs' runs never share it. */
export const HOURS_DIST = `${process.env['DIST_DIR'] ?? 'dist'}-hours`;
const LOCK = path.join(root, `${HOURS_DIST}.lock`);
const BUILT = path.join(root, HOURS_DIST, 'index.html');

export function buildHoursFixtureSite(): void {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'hours-content-')), 'content');
  try {
    // Every collection but facilities is the real one (vocabularies, pages, people).
    for (const d of readdirSync(path.join(root, 'content'), { withFileTypes: true })) {
      if (d.isDirectory() && d.name !== 'facilities') cpSync(path.join(root, 'content', d.name), path.join(content, d.name), { recursive: true });
    }
    cpSync(path.join(root, 'tests/fixtures/hours/facilities'), path.join(content, 'facilities'), { recursive: true });
    const r = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        CONTENT_DIR: content,
        DIST_DIR: HOURS_DIST,
        ASTRO_CACHE_DIR: `node_modules/.astro-${path.basename(HOURS_DIST)}`,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    });
    if (r.status !== 0) throw new Error(`fixture build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(path.dirname(content), { recursive: true, force: true });
  }
}

/** The fixture site's folder (relative to the repository), built once per run whichever test file asks first. */
export async function hoursFixtureSite(): Promise<string> {
  for (;;) {
    try {
      mkdirSync(LOCK);
    } catch {
      await sleep(500); // another test file is building it
      continue;
    }
    try {
      if (!existsSync(BUILT)) buildHoursFixtureSite();
      return HOURS_DIST;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

/** For the global setup: forget the previous run's fixture build (and a lock left by a killed run). */
export function forgetHoursFixtureSite(): void {
  rmSync(LOCK, { recursive: true, force: true });
  if (process.env['HOURS_E2E_PREBUILT'] !== '1') rmSync(path.join(root, HOURS_DIST), { recursive: true, force: true });
}

if (import.meta.main) buildHoursFixtureSite();
