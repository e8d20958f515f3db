/**
 * Private fields never reach dist/: a fixture content set (架空) with an editor list and people's private
 * contact data is built, then every file in the output — HTML, JSON, CSV, the search index, scripts,
 * the CMS bundle — is searched for those values.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const secrets = [
  'kaku-private-taro@example.invalid',
  '090-0000-1234',
  '架空メモ-非公開-7f3a',
  'kaku-private-hanako@example.invalid',
  'kaku-editor-architect',
  '架空 花子-非同意-2c9e',
];

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('private fields', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'nakano-private-'));
  const content = path.join(tmp, 'content');
  const dist = path.join(tmp, 'dist');
  let build: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    for (const folder of ['departments', 'areas', 'stations', 'pages'])
      cpSync(path.join(root, 'content', folder), path.join(content, folder), { recursive: true });
    mkdirSync(path.join(content, 'facilities'));
    cpSync(path.join(root, 'tests/fixtures/content/kaku-clinic.yaml'), path.join(content, 'facilities/kaku-clinic.yaml'));
    cpSync(path.join(root, 'tests/fixtures/content/people'), path.join(content, 'people'), { recursive: true });
    build = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build', '--silent'], {
      cwd: root,
      env: { ...process.env, CONTENT_DIR: content, DIST_DIR: dist, ASTRO_CACHE_DIR: path.join(tmp, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
  }, 120_000);

  it('the fixture builds, and the fictional facility is published', () => {
    expect(build.status, String(build.stderr)).toBe(0);
    expect(readFileSync(path.join(dist, 'facilities/kaku-clinic/index.html'), 'utf8')).toContain('架空なかの内科クリニック');
  });

  it('no private value appears in any file of dist/, compressed or not', () => {
    const leaks: string[] = [];
    for (const f of allFiles(dist)) {
      let text = readFileSync(f);
      if (text[0] === 0x1f && text[1] === 0x8b) text = gunzipSync(text);
      const s = text.toString('utf8');
      for (const secret of secrets) if (s.includes(secret)) leaks.push(`${path.relative(dist, f)}: ${secret}`);
    }
    expect(leaks).toEqual([]);
  });
});
