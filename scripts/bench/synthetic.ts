/**
 * Fictional content sets for benchmarks: the real vocabularies plus `n` facilities and `n` staff profiles
 * (one per facility, with qualifications, skills and consent), whose names all contain 架空 (fictional).
 * Written to a temporary folder, never into content/.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import type { Area, Department, FacilityInput, Qualification, Skill, Society, Station } from '../../src/lib/schema/index.ts';
import { PERSON_SECTIONS, PROFESSIONS } from '../../src/lib/schema/index.ts';
import { nearest } from '../../src/lib/util/geo.ts';

const root = path.resolve(import.meta.dirname, '../..');
const content = path.join(root, 'content');

/** A small deterministic PRNG (mulberry32), so every run builds the same synthetic set. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const readAll = <T>(folder: string): T[] =>
  readdirSync(path.join(content, folder))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parseYaml(readFileSync(path.join(content, folder, f), 'utf8')) as T);

const SURNAMES = [
  '山田',
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山本',
  '松本',
  '井上',
  '木村',
  '林',
  '清水',
  '森',
  '池田',
  '橋本',
];
const SUFFIXES = ['クリニック', '医院', '診療所', 'ファミリークリニック', 'メディカルクリニック'];
const COMMON = ['01001', '03001', '06001', '02035', '05001', '05002', '04001', '07003', '01017', '01020'];

export async function writeSyntheticContent(n: number, dir: string): Promise<void> {
  for (const folder of ['departments', 'areas', 'stations', 'pages', 'skills', 'qualifications', 'societies']) {
    cpSync(path.join(content, folder), path.join(dir, folder), { recursive: true });
  }
  mkdirSync(path.join(dir, 'facilities'), { recursive: true });
  mkdirSync(path.join(dir, 'people'), { recursive: true });
  const areas = readAll<Area>('areas');
  const stations = readAll<Station>('stations');
  const departments = new Map(readAll<Department>('departments').map((d) => [d.code, d]));
  const skills = readAll<Skill>('skills').map((x) => x.id);
  const advertisable = new Set(readAll<Society>('societies').flatMap((x) => (x.advertisable ? [x.id] : [])));
  const qualifications = readAll<Qualification>('qualifications').flatMap((q) => (advertisable.has(q.society) ? [q.id] : []));
  const rand = rng(n);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const date = '2026-01-01';
  for (let i = 1; i <= n; i++) {
    const area = pick(areas);
    const codes = [...new Set([pick(COMMON), ...(rand() < 0.4 ? [pick(COMMON)] : [])])].sort();
    const dept = departments.get(codes[0] ?? '01001')?.name ?? '内科';
    const display = `架空${pick(SURNAMES)}${dept}${pick(SUFFIXES)}${i}`;
    const lat = area.point.lat + (rand() - 0.5) * 0.004;
    const lon = area.point.lon + (rand() - 0.5) * 0.004;
    const near = nearest(
      { lat, lon },
      stations.map((s) => ({ ...s.point, id: s.id })),
      3,
      1500,
    );
    const f: FacilityInput = {
      id: `synthetic-${String(i).padStart(5, '0')}`,
      kind: rand() < 0.03 ? 'hospital' : 'clinic',
      name: { official: `医療法人社団 架空会 ${display}`, display, corporation: '医療法人社団 架空会' },
      address: {
        postalCode: area.postalCode,
        published: `中野区${area.town}${area.chome}丁目${1 + Math.floor(rand() * 60)}番${1 + Math.floor(rand() * 20)}号`,
        town: area.town,
        ...(area.chome !== undefined ? { chome: area.chome } : {}),
        area: area.id,
      },
      position: { lat, lon, precision: 'building' },
      contact: { phone: `03-0000-${String(i % 10000).padStart(4, '0')}` },
      departments: codes.map((code) => ({ code })),
      ...(rand() < 0.5
        ? {
            hours: {
              schedules: [
                {
                  slots: [
                    { days: ['mon', 'tue', 'thu', 'fri'], open: '09:00', close: '12:30', label: '午前' },
                    { days: ['mon', 'tue', 'thu', 'fri'], open: '15:00', close: '18:30', label: '午後' },
                    { days: ['wed', 'sat'], open: '09:00', close: '12:30' },
                  ],
                },
              ],
              nthWeekClosures: rand() < 0.3 ? [{ weeks: [2], day: 'sat' as const }] : [],
            },
          }
        : {}),
      access: { stations: near.map((s) => ({ station: s.item.id, distanceM: Math.round(s.distanceM / 10) * 10 })) },
      codes: {},
      provenance: { name: { source: 'operator', date } },
      lastVerified: date,
    };
    writeFileSync(path.join(dir, 'facilities', `${f.id}.yaml`), `# 架空（ベンチマーク用）\n${stringify(f, { lineWidth: 0, aliasDuplicateObjects: false })}`);
    const person = {
      id: `synthetic-person-${String(i).padStart(5, '0')}`,
      name: `架空 ${pick(SURNAMES)}${i}`,
      profession: rand() < 0.7 ? 'doctor' : pick(PROFESSIONS),
      affiliations: [{ facility: f.id, role: '院長', employment: rand() < 0.2 ? 'part-time' : 'full-time', departments: codes, from: '2020-04-01' }],
      qualifications: [...new Set([pick(qualifications), pick(qualifications)])].map((q) => ({
        qualification: q,
        validUntil: '2099-03-31',
        verification: { status: 'registry-checked', by: 'reviewer', date },
      })),
      memberships: { societies: [], committees: [] },
      skills: { ids: [...new Set([pick(skills), pick(skills), pick(skills)])], other: [] },
      portfolio: { achievements: [] },
      consent: { date, policyVersion: '2025-10-27', method: 'form', sections: [...PERSON_SECTIONS] },
      provenance: { identity: { source: 'person', date } },
    };
    writeFileSync(path.join(dir, 'people', `${person.id}.yaml`), `# 架空（ベンチマーク用）\n${stringify(person, { lineWidth: 0 })}`);
  }
}
