/**
 * Import benchmark: generates national-size MHLW files (80,000 clinics, ~630,000 department/hours
 * rows, the 2025-12/2026-06 sizes) in a temporary folder, imports them for 中野区 in a child process
 * (--dry-run against content/), and prints rows, wall time and the child's peak RSS against the
 * targets (≤ 60 s, ≤ 1 GB). Run alone with `node scripts/bench/import.bench.ts`.
 * BENCH_MHLW_CLINICS=20000 makes a smaller run.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FACILITY_HEADERS, HOURS_HEADERS } from '../lib/mhlw/columns.ts';

const root = path.resolve(import.meta.dirname, '../..');
const CLINICS = Number(process.env['BENCH_MHLW_CLINICS'] ?? 80_000);
const NAKANO_SHARE = 312 / 80_000;
const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 1024;

/** The real header rows (the generated file has exactly the MHLW columns, in the MHLW order). */
const header = (name: string) =>
  readFileSync(path.join(root, 'tests/fixtures/mhlw', name), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim();
const q = (v: string) => `"${v}"`;

async function write(file: string, lines: () => Generator<string>): Promise<number> {
  const out = createWriteStream(file);
  let n = 0;
  let buf = '\uFEFF';
  for (const line of lines()) {
    buf += line + '\r\n';
    n++;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return n - 1;
}

async function generate(dir: string) {
  const facHeader = header('header_02-1_clinic_facility_info.csv');
  const hrsHeader = header('header_02-2_clinic_speciality_hours.csv');
  const facCols = facHeader.split(',').length;
  if (facCols !== 62 || !FACILITY_HEADERS.every((h) => facHeader.includes(`"${h}"`)) || !HOURS_HEADERS.every((h) => hrsHeader.includes(`"${h}"`))) {
    throw new Error('fixture headers do not match the column map');
  }
  const facilities = path.join(dir, '02-1_clinic_facility_info_20260601.csv');
  const hours = path.join(dir, '02-2_clinic_speciality_hours_20260601.csv');
  const ids: string[] = [];
  const facRows = await write(facilities, function* () {
    yield facHeader;
    for (let i = 0; i < CLINICS; i++) {
      const nakano = i % Math.round(1 / NAKANO_SHARE) === 0;
      const pref = nakano ? '13' : String((i % 47) + 1).padStart(2, '0');
      const city = nakano ? '114' : String(100 + (i % 300));
      const id = `${pref}1${String(i).padStart(10, '0')}`;
      ids.push(id);
      const flags = Array.from({ length: 42 }, (_v, k) => q(k % 7 === 6 ? '0' : '1'));
      yield [
        q(id),
        q(`架空クリニック${i}`),
        q('カクウクリニック'),
        q(`架空${i}`),
        q('カクウ'),
        q('Kakuu Clinic'),
        q('2'),
        q(pref),
        q(city),
        q(nakano ? `東京都中野区中野5-${(i % 60) + 1}-${(i % 20) + 1} 架空ビル${i % 9}階` : `架空県架空市架空町${i}番地`),
        i % 5 === 0 ? '0.0' : '35.7',
        i % 5 === 0 ? '0.0' : '139.6',
        q(i % 7 === 0 ? 'http//kakuu.example.jp' : 'https://kakuu.example.jp/'),
        ...flags,
        q('0'),
        q('12月29日 12月30日 12月31日 1月1日 1月2日 1月3日（改行）学会出張時'),
        q(''),
        q(''),
        q(''),
        q(''),
        q('0'),
      ].join(',');
    }
  });
  const hrsRows = await write(hours, function* () {
    yield hrsHeader;
    const day = (a: string, b: string) =>
      Array.from({ length: 6 }, () => `${q(a)},${q(b)}`)
        .concat([`${q('')},${q('')}`, `${q('')},${q('')}`])
        .join(',');
    let n = 0;
    for (const id of ids) {
      // ~7.9 rows per clinic: 2–3 departments × 3 slots, like the national file.
      const depts = n++ % 10 < 6 ? 3 : 2;
      for (let d = 0; d < depts; d++) {
        const code = ['01001', '03001', '06001'][d]!;
        yield `${q(id)},${q(code)},${q('内科')},${q('1')},${day('09:00', '12:30')},${day('08:45', '12:15')}`;
        yield `${q(id)},${q(code)},${q('内科')},${q('2')},${day('15:00', '18:30')},${day('15:00', '18:00')}`;
        yield `${q(id)},${q(code)},${q('内科')},${q('3')},${day('00:00', '00:00')},${day('00:00', '00:00')}`;
      }
    }
  });
  return { facilities, hours, facRows, hrsRows };
}

const dir = mkdtempSync(path.join(tmpdir(), 'mhlw-bench-'));
try {
  const t0 = Date.now();
  const g = await generate(dir);
  const genSeconds = (Date.now() - t0) / 1000;
  const mb = (f: string) => statSync(f).size / 1e6;
  // The import runs in its own process so its peak RSS is its own.
  const code = `
    import { runImport } from ${JSON.stringify(path.join(root, 'scripts/lib/mhlw/import.ts'))};
    const t = Date.now();
    const r = await runImport({ facilities: ${JSON.stringify(g.facilities)}, hours: ${JSON.stringify(g.hours)}, city: '13114',
      contentDir: ${JSON.stringify(path.join(root, 'content'))}, dryRun: true, today: '2026-06-01' });
    console.log(JSON.stringify({ ms: Date.now() - t, maxRssKB: process.resourceUsage().maxRSS, kept: r.files.map((f) => f.kept), created: r.created.length }));`;
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 24 });
  const wall = (Date.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`import failed:\n${child.stderr}`);
  const stats = JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number; maxRssKB: number; kept: number[]; created: number };
  const rssMB = stats.maxRssKB / 1024;
  console.log(
    `import.bench: generated ${g.facRows} clinic rows (${mb(g.facilities).toFixed(0)} MB) + ${g.hrsRows} hours rows (${mb(g.hours).toFixed(0)} MB) in ${genSeconds.toFixed(1)} s`,
  );
  console.log(`import.bench: kept ${stats.kept[0]} 中野区 clinics / ${stats.kept[1]} hours rows`);
  console.log(
    `import.bench: wall time ${wall.toFixed(1)} s (import ${(stats.ms / 1000).toFixed(1)} s), target ≤ ${TARGET_SECONDS} s → ${((wall / TARGET_SECONDS) * 100).toFixed(0)}% of budget`,
  );
  console.log(`import.bench: peak RSS ${rssMB.toFixed(0)} MB, target ≤ ${TARGET_RSS_MB} MB → ${((rssMB / TARGET_RSS_MB) * 100).toFixed(0)}% of budget`);
  if (wall > TARGET_SECONDS || rssMB > TARGET_RSS_MB) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
