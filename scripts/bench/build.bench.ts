#!/usr/bin/env node
/**
 * Build benchmark: wall time, peak memory, files in dist/ and gzip bytes per facility page for the real
 * content, and 2,000 and 20,000 fictional facilities with as many fictional staff profiles. Targets: real
 * ≤ 20 s; 20,000 + 20,000 people ≤ 300 s and ≤ 4 GB; ≤ 2 files per facility and per person + a constant,
 * ≤ 100,000 files in dist/ (Cloudflare Pages' cap on paid plans); facility page ≤ 14 KB gzip with its CSS.
 * `node scripts/bench/build.bench.ts [--sizes real,2000,20000]`
 */
import { parseArgs } from 'node:util';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { astroBuild, facilityPageGzip, facilityPages, walk, withBenchSite } from './site.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: 'real,2000,20000' } } });

const rows: string[][] = [];
for (const size of values.sizes.split(',')) {
  await withBenchSite(size, async ({ dist, env }) => {
    const r = await astroBuild(env);
    if (!r.ok) {
      console.error(r.tail);
      rows.push([size, 'FAILED', '', '', '', '', '', '', '']);
      return;
    }
    const n = facilityPages(dist).length;
    const people = readdirSync(path.join(dist, 'people'), { withFileTypes: true }).filter((d) => d.isDirectory()).length;
    const perPerson = people ? walk(path.join(dist, 'people')).files / people + 1 : 0; // + its search fragment
    const files = walk(dist).files;
    const gz = facilityPageGzip(dist, facilityPages(dist));
    const median = gz[Math.floor(gz.length / 2)] ?? 0;
    const max = gz.at(-1) ?? 0;
    // Budget: 2 files per facility (its page and its search fragment) plus what does not grow with facilities.
    rows.push([
      size,
      String(n),
      String(people),
      r.seconds.toFixed(1),
      r.peakMiB ? r.peakMiB.toFixed(0) : 'n/a',
      String(files),
      perPerson.toFixed(2),
      String(files - 2 * n - 2 * people),
      `${median} / ${max}`,
    ]);
    console.log(`${size}: ${n} facility pages, ${people} people, ${r.seconds.toFixed(1)} s, peak ${r.peakMiB?.toFixed(0) ?? 'n/a'} MiB, ${files} files`);
  });
}
console.log(
  '\n| content | facilities | people | build s | peak MiB | files in dist | files per person | files − 2 × (facilities + people) | facility page gzip bytes (median / max) |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(
  '\ntargets: real ≤ 20 s; 20000 (+ 20000 people) ≤ 300 s and ≤ 4096 MiB; ≤ 2 files per facility and per person + constant; ≤ 100000 files in dist; ≤ 14336 bytes gzip per facility page',
);
