#!/usr/bin/env node
/**
 * Build benchmark: wall time, peak memory, files in dist/ and gzip bytes per facility page for the real
 * content, 2,000 and 20,000 fictional facilities. Targets (issue 2): real ≤ 20 s; 20,000 ≤ 180 s and
 * ≤ 4 GB; ≤ 2 files per facility + a constant; facility page ≤ 14 KB gzip with its CSS.
 * `node scripts/bench/build.bench.ts [--sizes real,2000,20000]`
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { writeSyntheticContent } from './synthetic.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { sizes: { type: 'string', default: 'real,2000,20000' } } });

function countFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
  return n;
}

/** Runs `astro build` under /usr/bin/time -v when present, for the peak resident set size. */
function build(env: Record<string, string>): Promise<{ seconds: number; peakMiB: number | undefined; ok: boolean }> {
  const astro = path.join(root, 'node_modules/.bin/astro');
  const useTime = (() => {
    try {
      return statSync('/usr/bin/time').isFile();
    } catch {
      return false;
    }
  })();
  const cmd = useTime ? '/usr/bin/time' : astro;
  const args = useTime ? ['-v', astro, 'build', '--silent'] : ['build', '--silent'];
  const t0 = performance.now();
  return new Promise((resolve) => {
    const p = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--max-old-space-size=4096', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.stdout.on('data', () => {});
    p.on('exit', (code) => {
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      if (code !== 0) console.error(err.split('\n').slice(-20).join('\n'));
      resolve({ seconds: (performance.now() - t0) / 1000, peakMiB: m ? Number(m[1]) / 1024 : undefined, ok: code === 0 });
    });
  });
}

const rows: string[][] = [];
for (const size of values.sizes.split(',')) {
  const tmp = mkdtempSync(path.join(tmpdir(), `nakano-bench-${size}-`));
  const dist = path.join(tmp, 'dist');
  const env: Record<string, string> = { DIST_DIR: dist, ASTRO_CACHE_DIR: path.join(tmp, 'cache') };
  if (size !== 'real') {
    const t0 = performance.now();
    await writeSyntheticContent(Number(size), path.join(tmp, 'content'));
    console.log(`${size}: generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    env['CONTENT_DIR'] = path.join(tmp, 'content');
  }
  const r = await build(env);
  if (!r.ok) {
    rows.push([size, 'FAILED', '', '', '', '', '']);
    rmSync(tmp, { recursive: true, force: true });
    continue;
  }
  const facilitiesDir = path.join(dist, 'facilities');
  const pages = readdirSync(facilitiesDir).filter((d) => !d.startsWith('page') && statSync(path.join(facilitiesDir, d)).isDirectory() && d !== 'page');
  const n = pages.length;
  const files = countFiles(dist);
  const sample = pages.filter((_, i) => i % Math.max(1, Math.floor(n / 200)) === 0);
  const gz = sample.map((p) => gzipSync(readFileSync(path.join(facilitiesDir, p, 'index.html'))).length).sort((a, b) => a - b);
  const median = gz[Math.floor(gz.length / 2)] ?? 0;
  const max = gz[gz.length - 1] ?? 0;
  // Budget: 2 files per facility (its page and its search fragment) plus what does not grow with facilities.
  rows.push([size, String(n), r.seconds.toFixed(1), r.peakMiB ? r.peakMiB.toFixed(0) : 'n/a', String(files), String(files - 2 * n), `${median} / ${max}`]);
  console.log(`${size}: ${n} facility pages, ${r.seconds.toFixed(1)} s, peak ${r.peakMiB?.toFixed(0) ?? 'n/a'} MiB, ${files} files`);
  rmSync(tmp, { recursive: true, force: true });
}
console.log('\n| content | facilities | build s | peak MiB | files in dist | files − 2 × facilities | facility page gzip bytes (median / max) |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('\ntargets: real ≤ 20 s; 20000 ≤ 180 s and ≤ 4096 MiB; ≤ 2 files per facility + constant; ≤ 14336 bytes gzip per facility page');
