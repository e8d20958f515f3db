import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/lib/check/check-content.ts';

const root = path.resolve(import.meta.dirname, '../..');
const content = path.join(root, 'content');
const node = process.execPath;

/** A copy of the vocabularies plus one fictional (架空) facility to break in different ways. */
function fixtureSet(mutate: (f: Record<string, any>) => void, fileId = 'kaku-clinic'): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'nakano-content-')), 'content');
  for (const folder of ['departments', 'areas', 'stations', 'pages', 'people']) cpSync(path.join(content, folder), path.join(dir, folder), { recursive: true });
  mkdirSync(path.join(dir, 'facilities'));
  const f = parse(readFileSync(path.join(root, 'tests/fixtures/content/kaku-clinic.yaml'), 'utf8'));
  mutate(f);
  writeFileSync(path.join(dir, 'facilities', `${fileId}.yaml`), stringify(f));
  return dir;
}

describe('the real content', () => {
  it('has all 312 institutions and every file validates with every reference resolved', async () => {
    const { problems, content: c } = await checkContent(content);
    expect(formatProblems(problems)).toBe('');
    expect(c.counts.facilities).toBe(312);
    expect(c.counts.departments).toBeGreaterThan(100);
    expect(c.counts.areas).toBe(85);
  });
  it('marks every derived value with how it was derived', async () => {
    const { content: c } = await checkContent(content);
    for (const f of c.facilities.values()) {
      for (const [group, src] of Object.entries(f.provenance)) {
        if (src?.source === 'derived') expect(src.method, `${f.id} ${group}`).toBeDefined();
      }
      expect(f.provenance.position?.source).toBe('derived');
    }
  });
  it('holds no fictional facility', async () => {
    const { content: c } = await checkContent(content);
    expect([...c.facilities.values()].filter((f) => f.name.official.includes('架空'))).toEqual([]);
  });
});

describe('a bad content file fails with the file, the field and a Japanese message', () => {
  const cases: [string, (f: Record<string, any>) => void, string, RegExp][] = [
    ['a phone of letters', (f) => (f.contact = { phone: 'abc-defg' }), 'contact.phone', /電話番号は半角数字とハイフン/],
    ['an end time before the start', (f) => (f.hours.schedules[0].slots[0].close = '08:00'), 'hours.schedules.0.slots.0.close', /終了時刻（08:00）が開始時刻（09:00）より前/],
    ['an unknown department code', (f) => (f.departments = [{ code: '99999' }]), 'departments.0.code', /診療科コード 99999 は診療科の一覧/],
    ['an unknown station', (f) => (f.access.stations = [{ station: 'no-such-station' }]), 'access.stations.0.station', /駅 no-such-station は駅の一覧/],
    ['an area that does not match the address', (f) => (f.address.area = 'nakano-1'), 'address.area', /一致しません/],
    ['a missing official name', (f) => delete f.name.official, 'name.official', /[\p{Script=Han}\p{Script=Hiragana}]/u],
    ['an impossible date', (f) => (f.lastVerified = '2026-02-30'), 'lastVerified', /存在しない日付/],
    ['a derived value without its method', (f) => (f.provenance.kind = { source: 'derived', date: '2026-01-01' }), 'provenance.kind.method', /推定方法/],
    ['an unknown kind', (f) => (f.kind = 'pharmacy'), 'kind', /clinic（診療所）または hospital（病院）/],
  ];
  it.each(cases)('%s', async (_, mutate, field, message) => {
    const dir = fixtureSet(mutate);
    const { problems } = await checkContent(dir);
    const p = problems.find((x) => x.file === 'content/facilities/kaku-clinic.yaml' && x.field === field);
    expect(p, formatProblems(problems)).toBeDefined();
    expect(p?.message).toMatch(message);
  });

  it('an everyday English name that is already another department’s (Dentist on 眼科, General Medicine on 内科)', async () => {
    const dir = fixtureSet(() => {});
    const file = path.join(dir, 'departments', '05001.yaml');
    const eye = parse(readFileSync(file, 'utf8'));
    eye.enSynonyms = ['Eye Doctor', 'dentist', 'OPHTHALMOLOGY'];
    writeFileSync(file, stringify(eye));
    const internal = path.join(dir, 'departments', '01001.yaml');
    writeFileSync(internal, stringify({ ...parse(readFileSync(internal, 'utf8')), enSynonyms: ['General Medicine'] }));
    const { problems } = await checkContent(dir);
    const mine = problems.filter((p) => /\/departments\/(01001|05001|08001)\.yaml$/.test(p.file));
    // Departments are read in code order, so the second holder of "dentist" (歯科, 08001) is the one named.
    expect(mine.map((p) => `${p.file.split('/').pop()} › ${p.field}`).sort(), formatProblems(problems)).toEqual(['01001.yaml › enSynonyms.0', '05001.yaml › enSynonyms.2', '08001.yaml › enSynonyms.0']);
    expect(formatProblems(mine)).toMatch(/「General Medicine」は診療科 09991（総合診療科）の英語名か別名と重なります/);
    expect(formatProblems(mine)).toMatch(/「Dentist」は診療科 05001（眼科）の英語名か別名と重なります/);
    expect(formatProblems(mine)).toMatch(/「OPHTHALMOLOGY」はこの診療科の英語名か別名と同じです/);
  });

  it('an id that differs from the file name', async () => {
    const { problems } = await checkContent(fixtureSet(() => {}, 'other-name'));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'content/facilities/other-name.yaml', field: 'id' }));
  });

  it('a file that is not YAML names the line', async () => {
    const dir = fixtureSet(() => {});
    writeFileSync(path.join(dir, 'facilities', 'kaku-clinic.yaml'), 'id: kaku-clinic\nname:\n  official: [unclosed\n');
    const { problems } = await checkContent(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'content/facilities/kaku-clinic.yaml', field: '', message: expect.stringMatching(/YAML として読めません（\d+ 行目）/) }));
  });

  it('npm run check:content exits non-zero and prints file › field: message', () => {
    const dir = fixtureSet((f) => (f.contact = { phone: 'abc-defg' }));
    const r = spawnSync(node, [path.join(root, 'scripts/check-content.ts'), '--dir', dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/facilities/kaku-clinic.yaml › contact.phone: 電話番号は');
  });

  it('the fixture itself is valid, so each case above fails for its own reason', async () => {
    const { problems } = await checkContent(fixtureSet(() => {}));
    expect(formatProblems(problems)).toBe('');
  });
});
