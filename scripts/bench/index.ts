#!/usr/bin/env node
/**
 * `npm run bench [-- --only build,search]`: runs every scripts/bench/*.bench.ts in turn, each printing
 * its own figures. Nothing here asserts a target; the figures and ratios are for people to read.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const here = import.meta.dirname;
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only?.split(',');
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || only.includes(f.replace('.bench.ts', '')))
  .sort();
let failed = 0;
for (const b of benches) {
  console.log(`\n=== ${b} ===`);
  const r = spawnSync(process.execPath, [path.join(here, b)], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) failed++;
}
console.log(`\nbench: ${benches.length - failed} ran, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
