#!/usr/bin/env node
/**
 * `npm run seed [-- --dry-run] [--shared <dir>] [--out <content dir>]`
 * Turns ../shared/data into content/: the 312 institutions of 中野区 with their derived values, and the
 * department, area and station vocabularies. Idempotent: a second run changes nothing. Values an editor
 * confirmed are never overwritten, and facilities missing from the source are reported, never deleted.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml, stringify } from 'yaml';
import { facilityFromRow, mergeFacility, type SeedContext } from './seed/facility.ts';
import { readShared } from './seed/sources.ts';
import { buildAreas, buildDepartments, buildQualifications, buildSocieties, buildStations } from './seed/vocab.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    shared: { type: 'string', default: path.resolve(root, '../shared/data') },
    out: { type: 'string', default: path.join(root, 'content') },
  },
});
const dryRun = values['dry-run'];
const out = path.resolve(values.out);

const counts = { created: 0, changed: 0, unchanged: 0 };
const changes: string[] = [];

/** Write atomically (temp file + rename), only when the text differs. */
function put(file: string, text: string): void {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (before === text) {
    counts.unchanged++;
    return;
  }
  counts[before === undefined ? 'created' : 'changed']++;
  changes.push(`${before === undefined ? '+' : '~'} ${path.relative(root, file)}`);
  if (dryRun) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

const yaml = (header: string, data: unknown): string => `# ${header}\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}`;

try {
  const shared = readShared(values.shared, path.join(root, 'scripts/seed/data'));
  const departments = buildDepartments(shared);
  const areas = buildAreas(shared);
  const stations = buildStations(shared);
  for (const d of departments) put(path.join(out, 'departments', `${d.code}.yaml`), yaml('診療科（厚生労働省 医療情報ネットの診療科目コード）', d));
  for (const a of areas) put(path.join(out, 'areas', `${a.id}.yaml`), yaml('町丁目（Geolonia 住所データ・日本郵便 郵便番号データ）', a));
  for (const s of stations) put(path.join(out, 'stations', `${s.id}.yaml`), yaml('駅（駅データ.jp）', s));
  const societies = buildSocieties(shared);
  const qualifications = buildQualifications(shared);
  for (const s of societies) put(path.join(out, 'societies', `${s.id}.yaml`), yaml('学会（Japan Medical Society Database, CC BY 4.0）', s));
  for (const q of qualifications) put(path.join(out, 'qualifications', `${q.id}.yaml`), yaml('資格（Japan Medical Society Database, CC BY 4.0）', q));

  const ctx: SeedContext = { areas, towns: [...new Set(areas.map((a) => a.town))], stations, departments };
  const seen = new Set<string>();
  shared.facilities.forEach((row, i) => {
    const seeded = facilityFromRow(row, ctx);
    seen.add(seeded.id);
    const file = path.join(out, 'facilities', `${seeded.id}.yaml`);
    const existing = existsSync(file) ? (parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
    put(file, yaml('関東信越厚生局 保険医療機関一覧（2025年8月）をもとに作成。derived は推定値', mergeFacility(seeded, existing)));
    if (process.stderr.isTTY) process.stderr.write(`\r施設 ${i + 1}/${shared.facilities.length}`);
  });
  if (process.stderr.isTTY) process.stderr.write('\n');

  const facilitiesDir = path.join(out, 'facilities');
  const missing = existsSync(facilitiesDir) ? readdirSync(facilitiesDir).filter((f) => f.endsWith('.yaml') && !seen.has(f.slice(0, -5))) : [];
  if (changes.length > 0 && changes.length <= 40) console.log(changes.join('\n'));
  for (const m of missing) console.log(`! 元データにない施設（削除せず残しています）: ${m}`);
  console.log(
    `${dryRun ? '[dry-run] ' : ''}シード: 新規 ${counts.created}, 変更 ${counts.changed}, 変更なし ${counts.unchanged}` +
      `（施設 ${shared.facilities.length}, 診療科 ${departments.length}, 町丁目 ${areas.length}, 駅 ${stations.length}, 学会 ${societies.length}, 資格 ${qualifications.length}）`,
  );
} catch (e) {
  console.error(`シードに失敗しました: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
