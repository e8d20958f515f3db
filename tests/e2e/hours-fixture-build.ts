/**
 * Builds the site with a fixture content set (the real vocabularies plus the fictional facility of
 * tests/fixtures/hours) into dist-hours/, for the hours Chromium test. Fictional data never enters content/.
 * Run alone: node tests/e2e/hours-fixture-build.ts
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
export const HOURS_DIST = 'dist-hours';

export function buildHoursFixtureSite(): void {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'hours-content-')), 'content');
  try {
    for (const d of ['areas', 'departments', 'stations', 'pages', 'people']) {
      cpSync(path.join(root, 'content', d), path.join(content, d), { recursive: true });
    }
    cpSync(path.join(root, 'tests/fixtures/hours/facilities'), path.join(content, 'facilities'), { recursive: true });
    const r = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        CONTENT_DIR: content,
        DIST_DIR: HOURS_DIST,
        ASTRO_CACHE_DIR: 'node_modules/.astro-hours',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    });
    if (r.status !== 0) throw new Error(`fixture build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(path.dirname(content), { recursive: true, force: true });
  }
}

if (import.meta.main) buildHoursFixtureSite();
