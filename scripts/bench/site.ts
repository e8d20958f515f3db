/**
 * What the build benches share: a throw-away site (real content, or N fictional facilities from synthetic.ts)
 * built with `astro build` in a temporary folder, its wall time and peak memory, and file counts of dist/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { offlineEnv } from '../lib/dev-server.ts';
import { writeSyntheticContent } from './synthetic.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Files and bytes under `dir`. */
export function walk(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

export interface BuildResult {
  seconds: number;
  /** Peak resident set size, when /usr/bin/time is there to measure it. */
  peakMiB: number | undefined;
  ok: boolean;
  /** The last lines of the build's output, for a failure. */
  tail: string;
}

/** Runs `astro build` with `env` (under /usr/bin/time -v when present, for the peak memory). */
export function astroBuild(env: Record<string, string>): Promise<BuildResult> {
  const astro = path.join(root, 'node_modules/.bin/astro');
  const useTime = statSync('/usr/bin/time', { throwIfNoEntry: false })?.isFile() ?? false;
  const [cmd, args] = useTime ? ['/usr/bin/time', ['-v', astro, 'build', '--silent']] : [astro, ['build', '--silent']];
  const t0 = performance.now();
  return new Promise((resolve) => {
    const p = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--max-old-space-size=4096', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => {
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(out);
      resolve({
        seconds: (performance.now() - t0) / 1000,
        peakMiB: rss ? Number(rss[1]) / 1024 : undefined,
        ok: code === 0,
        tail: out.split('\n').slice(-30).join('\n'),
      });
    });
  });
}

export interface BenchSite {
  /** The temporary folder (removed after `use`). */
  tmp: string;
  dist: string;
  /** DIST_DIR, ASTRO_CACHE_DIR and, for fictional content, CONTENT_DIR. */
  env: Record<string, string>;
}

/**
 * Runs `use` with a temporary site for `size`: 'real' (content/) or a number of fictional facilities
 * (written by `write`, default synthetic.ts), then removes the folder.
 */
export async function withBenchSite<T>(
  size: string,
  use: (site: BenchSite) => Promise<T>,
  write: (n: number, dir: string) => Promise<unknown> = writeSyntheticContent,
): Promise<T> {
  const tmp = mkdtempSync(path.join(tmpdir(), `nakano-bench-${size}-`));
  try {
    const dist = path.join(tmp, 'dist');
    const env: Record<string, string> = { DIST_DIR: dist, ASTRO_CACHE_DIR: path.join(tmp, 'cache') };
    if (size !== 'real') {
      const t0 = performance.now();
      await write(Number(size), path.join(tmp, 'content'));
      console.log(`${size}: generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      env['CONTENT_DIR'] = path.join(tmp, 'content');
    }
    return await use({ tmp, dist, env });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The facility pages of a build (facilities/<id>/index.html; facilities/page/ is the list's pagination). */
export function facilityPages(dist: string): string[] {
  const dir = path.join(dist, 'facilities');
  return readdirSync(dir).filter((d) => d !== 'page' && statSync(path.join(dir, d, 'index.html'), { throwIfNoEntry: false }));
}

/** Gzip bytes of about 200 facility pages spread over the list, sorted. */
export function facilityPageGzip(dist: string, pages: string[]): number[] {
  const sample = pages.filter((_, i) => i % Math.max(1, Math.floor(pages.length / 200)) === 0);
  return sample.map((d) => gzipSync(readFileSync(path.join(dist, 'facilities', d, 'index.html'))).length).sort((a, b) => a - b);
}

/**
 * The site the function benches run against: DIST_DIR (default dist/) when it is built, otherwise a build into
 * .bench/forms-dist first. Exits when the build fails.
 */
export function functionsBenchDist(): string {
  const dist = process.env['DIST_DIR'] ?? 'dist';
  if (existsSync(path.join(root, dist, 'index.html'))) return dist;
  console.log('building the site into .bench/forms-dist …');
  const b = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build', '--silent'], {
    cwd: root,
    env: { ...process.env, ...offlineEnv, DIST_DIR: '.bench/forms-dist', ASTRO_CACHE_DIR: 'node_modules/.astro-bench-forms' },
    stdio: 'inherit',
  });
  if (b.status !== 0) process.exit(1);
  return '.bench/forms-dist';
}
