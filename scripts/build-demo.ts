#!/usr/bin/env node
/**
 * `npm run build:demo`: the site built from fictional data, for a newcomer to see every page type with staff
 * profiles before any real consent exists: the real vocabularies and pages plus the fictional facilities and
 * people of tests/fixtures/demo (every name 架空), into dist-demo/ (DIST_DIR overrides), with a 架空 banner on
 * every page (SITE_DEMO=1). content/ is never touched. The tests build their fixture sites with the same function.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export interface FixtureSite {
  /** Output folder, relative to the repository. */
  dist: string;
  /** Collections taken from these folders (relative to the repository) instead of content/. */
  fixtures: Partial<Record<'facilities' | 'people', string>>;
  /** Banner every page as fictional. */
  demo?: boolean;
  silent?: boolean;
}

/** The demo's fictional collections (every name 架空). */
export const DEMO_FIXTURES: FixtureSite['fixtures'] = { facilities: 'tests/fixtures/demo/facilities', people: 'tests/fixtures/demo/people' };

export function buildFixtureSite(site: FixtureSite): void {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'fixture-content-')), 'content');
  try {
    for (const d of readdirSync(path.join(root, 'content'), { withFileTypes: true }))
      if (d.isDirectory() && !(d.name in site.fixtures)) cpSync(path.join(root, 'content', d.name), path.join(content, d.name), { recursive: true });
    for (const [name, dir] of Object.entries(site.fixtures)) cpSync(path.join(root, dir), path.join(content, name), { recursive: true });
    const r = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build', ...(site.silent ? ['--silent'] : [])], {
      cwd: root,
      encoding: 'utf8',
      stdio: site.silent ? 'pipe' : 'inherit',
      env: {
        ...process.env,
        CONTENT_DIR: content,
        DIST_DIR: site.dist,
        SITE_DEMO: site.demo ? '1' : '',
        ASTRO_CACHE_DIR: `node_modules/.astro-${path.basename(site.dist)}`,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    });
    if (r.status !== 0) throw new Error(`${site.dist} のビルドに失敗しました:\n${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  } finally {
    rmSync(path.dirname(content), { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const dist = process.env['DIST_DIR'] ?? 'dist-demo';
  try {
    buildFixtureSite({ dist, fixtures: DEMO_FIXTURES, demo: true });
    console.log(`デモ（架空のデータ）を ${dist}/ に作りました。npm run demo で表示できます`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
