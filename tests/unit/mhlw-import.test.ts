/**
 * The importer end to end on fixtures in the real format. The fictional rows (tests/fixtures/mhlw/kakuu)
 * each carry a quirk:
 *   …011 架空中野内科クリニック  corporation prefix + 「5-67-5 架空ビル3F」 vs 「中野五丁目６７番５号 架空ビル３階」 (match
 *                               by name and address), 「http//」, Thursday flag 0 but Thursday times, 第2・第4土曜 0,
 *                               00:00 placeholders, a quoted その他の休診日 with a comma and a newline
 *   …028 架空本町ひふ科          known MHLW id, renamed; editor-confirmed hours (must survive); 0.0 coordinates; no scheme;
 *                               「（改行）」 and full-width digits
 *   …035 架空新井こどもクリニック new; Bing redirect URL; 991 catch-all with free text; 00:45–17:15 and 12:00–09:00
 *                               (dropped); unknown department code; 祝 hours with 祝日に休診 = 1; 8/14-5/16 typo
 *   …042 架空夜間診療所           new; 22:00–翌6:00 every night; full-width URL
 *   …059 架空眼科                two local entries with the same name and address (ambiguous); 「ホームページ準備中」
 *   …066 架空耳鼻科クリニック     same name, other address (ambiguous)
 *   …073 架空不明町診療所         a town that is not in 中野区 (skipped)
 *   …080 架空杉並クリニック       another city (filtered out)
 *   …097 架空中野総合病院 (01-1)  hospital file; 救急科 00:00–23:59
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/lib/check/check-content.ts';
import { FacilitySchema } from '../../src/lib/schema/index.ts';
import { holidayCalendar } from '../../src/lib/util/holidays.ts';
import { openStatus } from '../../src/lib/util/hours.ts';
import { runImport, scan, type ImportResult } from '../../scripts/lib/mhlw/import.ts';
import type { MhlwRecord } from '../../scripts/lib/mhlw/records.ts';
import { buildHours } from '../../scripts/lib/mhlw/records.ts';
import { exitCodeFor, renderReport } from '../../scripts/lib/mhlw/report.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/mhlw');
const kakuu = (f: string) => path.join(fixtures, 'kakuu', f);
const files = {
  facilities: kakuu('02-1_clinic_facility_info_20260601.csv'),
  hours: kakuu('02-2_clinic_speciality_hours_20260601.csv'),
  hospitalFacilities: kakuu('01-1_hospital_facility_info_20260601.csv'),
  hospitalHours: kakuu('01-2_hospital_speciality_hours_20260601.csv'),
};

const freshContent = () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'mhlw-import-')), 'content');
  cpSync(path.join(fixtures, 'content'), dir, { recursive: true });
  return dir;
};
const importInto = (contentDir: string, dryRun = false) => runImport({ ...files, city: '13114', contentDir, dryRun, today: '2026-07-01' });
const readFacility = (dir: string, id: string) => FacilitySchema.parse(parseYaml(readFileSync(path.join(dir, 'facilities', `${id}.yaml`), 'utf8')));
const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(path.join(dir, 'facilities')).map((f) => [f, readFileSync(path.join(dir, 'facilities', f), 'utf8')]));

describe('import of the fictional 中野区 rows', () => {
  let dir: string;
  let result: ImportResult;
  beforeAll(async () => {
    dir = freshContent();
    result = await importInto(dir);
  });

  it('keeps only the city, and matches by MHLW id, then by normalised name and address', () => {
    expect(result.files.map((f) => [path.basename(f.file), f.rows, f.kept])).toEqual([
      ['02-1_clinic_facility_info_20260601.csv', 8, 7],
      ['02-2_clinic_speciality_hours_20260601.csv', 17, 16],
      ['01-1_hospital_facility_info_20260601.csv', 1, 1],
      ['01-2_hospital_speciality_hours_20260601.csv', 2, 2],
    ]);
    expect(result.matched).toEqual({ byId: 1, byNameAddress: 2 });
    expect(result.updated.map((u) => u.id).sort()).toEqual(['f-kakuu-byoin', 'f-kakuu-hifu', 'f-kakuu-naika']);
  });

  it('reports ambiguous matches and never merges them', () => {
    expect(result.ambiguous.map((a) => [a.mhlwId, a.candidates.map((c) => c.id)])).toEqual([
      ['1311410000059', ['f-kakuu-ganka-a', 'f-kakuu-ganka-b']],
      ['1311410000066', ['f-kakuu-jibika']],
    ]);
    for (const id of ['f-kakuu-ganka-a', 'f-kakuu-ganka-b', 'f-kakuu-jibika']) expect(readFacility(dir, id).hours).toBeUndefined();
  });

  it('turns the MHLW rows into hours: flags win over times, 第2・第4土曜, placeholders dropped, その他の休診日 read', () => {
    const f = readFacility(dir, 'f-kakuu-naika');
    expect(f.hours).toEqual({
      schedules: [
        {
          departments: [],
          slots: [
            { days: ['mon', 'tue', 'wed', 'fri', 'sat'], open: '09:00', close: '12:30', receptionOpen: '08:45', receptionClose: '12:15', label: '午前' },
            { days: ['mon', 'tue', 'fri'], open: '15:00', close: '18:30', receptionClose: '18:00', label: '午後' },
          ],
        },
      ],
      closedOnHolidays: true,
      nthWeekClosures: [{ weeks: [2, 4], day: 'sat' }],
      datedClosures: [],
      annualClosures: [{ from: '12-29', to: '01-03', note: '年末年始' }],
      note: 'その他の休診日: 年末年始(12/29~1/3), 学会出張時は休診',
    });
    expect(f.departments).toEqual([{ code: '01001' }, { code: '03001' }]);
    expect(f.contact.website).toBe('http://kakuu-naika.example.jp/');
    expect(f.position).toEqual({ lat: 35.70712, lon: 139.66571, precision: 'building' });
    expect(f.codes.mhlw).toBe('1311410000011');
    expect(f.provenance.hours).toEqual({ source: 'mhlw', dataset: 'mhlw-iryojohonet', date: '2026-06-01' });
    // The official list's name and address are not MHLW's to change.
    expect(f.name.official).toBe('医療法人社団 架空会 架空中野内科クリニック');
    expect(f.provenance.name?.source).toBe('official-list');
    // Comments in the file survive the edit.
    expect(readFileSync(path.join(dir, 'facilities/f-kakuu-naika.yaml'), 'utf8')).toMatch(/^# 架空の施設（テスト用）/);
  });

  it("never overwrites an editor's value, and reports the conflict", () => {
    const f = readFacility(dir, 'f-kakuu-hifu');
    expect(f.hours?.schedules[0]?.slots).toEqual([{ days: ['mon', 'tue', 'wed', 'fri'], open: '09:00', close: '12:00' }]);
    expect(f.provenance.hours?.source).toBe('facility');
    expect(f.contact.website).toBe('http://www.kakuu-hifu.example.jp/');
    const c = result.conflicts.find((x) => x.id === 'f-kakuu-hifu')!;
    expect(c.conflicts.map((x) => [x.field, x.source])).toEqual([
      ['name', 'official-list'],
      ['hours', 'facility'],
    ]);
    expect(c.conflicts[1]!.mhlw).toContain('土 10:00–14:00');
  });

  it('creates new facilities for review, valid against the schema, with MHLW provenance', () => {
    expect(result.created.map((c) => c.id)).toEqual(['m-1311410000035', 'm-1311410000042']);
    const kodomo = readFacility(dir, 'm-1311410000035');
    expect(kodomo.address).toMatchObject({ town: '新井', chome: 1, block: '24-4', area: 'arai-1', postalCode: '165-0026' });
    expect(kodomo.departments).toEqual([{ code: '03001' }, { code: '01991', name: '架空アレルギー外来' }, { code: '09001' }]);
    expect(kodomo.contact.website).toBe('https://kakuu-kodomo.example.jp/');
    expect(kodomo.hours?.closedOnHolidays).toBe(false);
    // 00:45–17:15 and 12:00–09:00 were dropped: アレルギー科 keeps only Tuesday morning.
    expect(kodomo.hours?.schedules.find((s) => s.departments.includes('09001'))?.slots).toEqual([
      { days: ['tue'], open: '09:00', close: '12:00', label: '午前' },
    ]);
    expect(readFileSync(path.join(dir, 'facilities/m-1311410000035.yaml'), 'utf8')).toMatch(/^# 要確認/);
    const warnings = result.warnings.find((w) => w.mhlwId === '1311410000035')!.messages.join('\n');
    expect(warnings).toMatch(/00:45〜17:15/);
    expect(warnings).toMatch(/12:00〜09:00/);
    expect(warnings).toMatch(/8\/14-5\/16/);
    expect(warnings).toMatch(/99999/);
  });

  it('an imported overnight clinic is open at 3 a.m. by the engine', () => {
    const night = readFacility(dir, 'm-1311410000042');
    expect(night.hours?.schedules[0]?.slots[0]).toMatchObject({
      open: '22:00',
      close: '06:00',
      overnight: true,
      receptionOpen: '21:45',
      receptionClose: '05:30',
    });
    expect(openStatus(night.hours!, Date.parse('2026-06-03T03:00+09:00'), holidayCalendar).state).toBe('open');
  });

  it('reports facilities it could not place and local ones missing from the file, deleting nothing', () => {
    expect(result.skipped.map((s) => s.mhlwId)).toEqual(['1311410000073']);
    expect(result.missing.map((m) => m.id)).toEqual(['f-kakuu-seikei']);
    expect(readFacility(dir, 'f-kakuu-seikei').name.official).toBe('架空整形外科');
  });

  it('leaves content that passes the content check', async () => {
    const { problems } = await checkContent(dir);
    expect(formatProblems(problems)).toBe('');
  });

  it('writes a Markdown report for the pull request and exits 3 when something needs review', () => {
    const md = renderReport(result, { dryRun: false });
    expect(md).toContain('## 医療情報ネット取り込み（2026-06-01 版・市区町村コード 13114）');
    expect(md).toMatch(/\| hours \| （なし） \| 月火水金土 9:00–12:30（受付8:45〜12:15） \/ 月火金 15:00–18:30（受付〜18:00） \/ 祝休 \/ 第2・4土休/);
    expect(md).toContain('### 競合（いまの値を残しました）');
    expect(md).toContain('### あいまいな一致（取り込んでいません）');
    expect(md).toContain('`f-kakuu-seikei` 架空整形外科');
    expect(exitCodeFor(result)).toBe(3);
  });

  it("a re-import changes nothing, and the editor's value still survives", async () => {
    const before = snapshot(dir);
    const again = await importInto(dir);
    expect(again.updated).toEqual([]);
    expect(again.matched).toEqual({ byId: 5, byNameAddress: 0 }); // the two new entries now carry codes.mhlw
    expect(again.created.map((c) => c.id)).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
    expect(readFacility(dir, 'f-kakuu-hifu').hours?.schedules[0]?.slots[0]?.open).toBe('09:00');
  });
});

describe('dry run', () => {
  it('writes nothing but reports the same', async () => {
    const dir = freshContent();
    const before = snapshot(dir);
    const r = await importInto(dir, true);
    expect(snapshot(dir)).toEqual(before);
    expect(r.written).toContain('facilities/f-kakuu-naika.yaml');
    expect(renderReport(r, { dryRun: true })).toContain('試行（--dry-run）');
  });
});

describe('the real 高知 rows (format sample)', () => {
  const real = path.join(fixtures, 'real-format');
  let records: Map<string, MhlwRecord>;
  beforeAll(async () => {
    records = new Map();
    await scan(
      {
        facilities: path.join(real, 'sample_REAL_kochi_02-1_clinic_facility_info_20260601_corrected_excerpt.csv'),
        hours: path.join(real, '02-2_clinic_speciality_hours_kochi_excerpt.zip'),
        kind: 'clinic',
      },
      '39201',
      records,
      () => () => {},
    );
  });
  it('reads the four clinics and their department rows', () => {
    expect([...records.keys()]).toEqual(['3922393101010', '3922393101140', '3922393101850', '3922393102150']);
    expect(records.get('3922393101850')?.departments.map((d) => d.name)).toEqual(['内科', '脳神経内科', '脳神経外科']);
  });
  it('山下脳神経外科: closed Monday (flag 0, no times), three departments with the same hours share one schedule', () => {
    const { hours } = buildHours(records.get('3922393101850')!);
    expect(hours?.schedules).toHaveLength(1);
    expect(hours?.schedules[0]?.departments).toEqual([]);
    expect(hours?.schedules[0]?.slots.flatMap((s) => s.days)).not.toContain('mon');
    expect(hours?.schedules[0]?.slots.find((s) => s.days.includes('sat'))).toMatchObject({ open: '09:00', close: '13:00' });
    expect(hours?.closedOnHolidays).toBe(true);
    expect(hours?.annualClosures).toEqual([{ from: '12-29', to: '01-03', note: '年末年始' }]);
  });
  it('吉村神経内科: a department without times (リハビリテーション科) gets no schedule', () => {
    const { hours } = buildHours(records.get('3922393102150')!);
    expect(hours?.schedules.map((s) => s.departments)).toEqual([['01001', '01025']]);
  });
  it('ふないキッズクリニック: reception closes 15 minutes before consultation', () => {
    const { hours } = buildHours(records.get('3922393101140')!);
    expect(hours?.schedules[0]?.slots[0]).toMatchObject({ open: '09:00', close: '12:30', receptionOpen: '08:45', receptionClose: '12:15' });
  });
});

describe('command line', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts/import-mhlw.ts'), ...args], { encoding: 'utf8', cwd: root });
  it('exits 2 with the usage when arguments are missing', () => {
    const r = cli('--hours', 'x.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--facilities と --hours は必須です');
  });
  it('exits 1 with one clear line when a file cannot be read', () => {
    const r = cli('--facilities', 'no-such-file.csv', '--hours', 'no-such-file.csv', '--dry-run');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^取り込めませんでした: /);
  });
  it('exits 3 and prints the report on a dry run that needs review', () => {
    const r = cli('--facilities', files.facilities, '--hours', files.hours, '--dry-run', '--content-dir', path.join(fixtures, 'content'));
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('## 医療情報ネット取り込み');
    expect(r.stderr).toMatch(/試行: 対象 7 施設/);
  });
});
