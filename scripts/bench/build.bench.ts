#!/usr/bin/env node
/**
 * Build benchmark: wall time, peak memory, files in dist/ and gzip bytes per facility page for the real
 * content, 2,000 and 20,000 fictional facilities. Targets (issue 2): real ≤ 20 s; 20,000 ≤ 180 s and
 * ≤ 4 GB; ≤ 2 files per facility + a constant; facility page ≤ 14 KB gzip with its CSS.
 * `node scripts/bench/build.bench.ts [--sizes real,2000,20000]`
 */
import { parseArgs } from 'node:util';
import { astroBuild, facilityPageGzip, facilityPages, walk, withBenchSite } from './site.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: 'real,2000,20000' } } });

const rows: string[][] = [];
for (const size of values.sizes.split(',')) {
  await withBenchSite(size, async ({ dist, env }) => {
    const r = await astroBuild(env);
    if (!r.ok) {
      console.error(r.tail);
      rows.push([size, 'FAILED', '', '', '', '', '']);
      return;
    }
    const n = facilityPages(dist).length;
    const files = walk(dist).files;
    const gz = facilityPageGzip(dist, facilityPages(dist));
    const median = gz[Math.floor(gz.length / 2)] ?? 0;
    const max = gz.at(-1) ?? 0;
    // Budget: 2 files per facility (its page and its search fragment) plus what does not grow with facilities.
    rows.push([size, String(n), r.seconds.toFixed(1), r.peakMiB ? r.peakMiB.toFixed(0) : 'n/a', String(files), String(files - 2 * n), `${median} / ${max}`]);
    console.log(`${size}: ${n} facility pages, ${r.seconds.toFixed(1)} s, peak ${r.peakMiB?.toFixed(0) ?? 'n/a'} MiB, ${files} files`);
  });
}
console.log('\n| content | facilities | build s | peak MiB | files in dist | files − 2 × facilities | facility page gzip bytes (median / max) |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('\ntargets: real ≤ 20 s; 20000 ≤ 180 s and ≤ 4096 MiB; ≤ 2 files per facility + constant; ≤ 14336 bytes gzip per facility page');
