import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, unlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const seed = (out: string, ...args: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts/seed.ts'), '--out', out, ...args], { encoding: 'utf8' });

describe('npm run seed', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'nakano-seed-')), 'content');
  const first = seed(out);

  it('writes all 312 institutions and the vocabularies', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/新規 883, 変更 0, 変更なし 0（施設 312, 診療科 127, 町丁目 85, 駅 23, 学会 199, 資格 137）/);
  });

  it('produces exactly the committed content/ (reproducible)', () => {
    for (const f of [
      'facilities/f-131410901.yaml',
      'facilities/f-131432913.yaml',
      'areas/chuo-4.yaml',
      'departments/05002.yaml',
      'stations/shin-nakano.yaml',
      'qualifications/q003.yaml',
      'societies/soc001.yaml',
    ]) {
      const committed = path.join(root, 'content', f);
      expect(existsSync(committed), `content/${f} がありません: npm run seed で content/ を作ってコミットしてください`).toBe(true);
      expect(readFileSync(path.join(out, f), 'utf8'), f).toBe(readFileSync(committed, 'utf8'));
    }
  });

  it('changes nothing on a second run', () => {
    expect(seed(out).stdout).toMatch(/新規 0, 変更 0, 変更なし 883/);
  });

  it('keeps what an editor confirmed, and restores derived values nobody confirmed', () => {
    const file = path.join(out, 'facilities/f-131410901.yaml');
    const f = parse(readFileSync(file, 'utf8'));
    f.departments = [{ code: '01001' }, { code: '02001' }];
    f.provenance.departments = { source: 'facility', date: '2026-11-01' };
    f.contact = { phone: '03-3382-1231' };
    f.access.stations = [];
    writeFileSync(file, stringify(f));
    const r = seed(out);
    expect(r.stdout).toMatch(/変更 1,/);
    const after = parse(readFileSync(file, 'utf8'));
    expect(after.departments).toEqual([{ code: '01001' }, { code: '02001' }]);
    expect(after.provenance.departments.source).toBe('facility');
    expect(after.contact).toEqual({ phone: '03-3382-1231' });
    expect(after.access.stations.length).toBeGreaterThan(0);
  });

  it('reports a facility missing from the source and does not delete it', () => {
    const file = path.join(out, 'facilities/f-999999999.yaml');
    writeFileSync(file, readFileSync(path.join(out, 'facilities/f-131410901.yaml'), 'utf8').replace('f-131410901', 'f-999999999'));
    const r = seed(out);
    expect(r.stdout).toContain('元データにない施設（削除せず残しています）: f-999999999.yaml');
    expect(existsSync(file)).toBe(true);
    unlinkSync(file);
  });

  it('--dry-run writes nothing', () => {
    const dry = path.join(mkdtempSync(path.join(tmpdir(), 'nakano-seed-dry-')), 'content');
    const r = seed(dry, '--dry-run');
    expect(r.stdout).toMatch(/^\[dry-run\] シード: 新規 883/m);
    expect(existsSync(dry)).toBe(false);
  });
});
