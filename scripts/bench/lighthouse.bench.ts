#!/usr/bin/env node
/**
 * Lighthouse 12.2.3 (mobile preset: its default config) on Debian's Chromium through `wrangler pages dev`
 * (the real headers and functions): home, a facility, a department, the search page with a query, contact,
 * the saved list (a shared /list/?f= link) and a staff profile when the site has one. Prints the four
 * scores of each page and every audit that lost points. Figures only; nothing here asserts a target.
 * Uses DIST_DIR (default dist/) when built, otherwise builds into .bench/forms-dist first.
 * `node scripts/bench/lighthouse.bench.ts [--runs 1] [--only saved]`: with --runs N, the median of N runs per page;
 * with --only, the pages whose name starts with it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../lib/browser.ts';
import { freePort, startPagesDev } from '../lib/dev-server.ts';
import { buildFixtureSite, DEMO_FIXTURES } from '../build-demo.ts';
import { functionsBenchDist } from './site.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' }, only: { type: 'string' } } });
const runs = Math.max(1, Number(values.runs));
const root = path.resolve(import.meta.dirname, '../..');
const dist = functionsBenchDist();
const distDir = path.resolve(root, dist);

const facilities = readdirSync(path.join(distDir, 'facilities')).filter((d) => d !== 'page' && existsSync(path.join(distDir, 'facilities', d, 'index.html')));
const profilesOf = (dir: string) =>
  existsSync(path.join(dir, 'people'))
    ? readdirSync(path.join(dir, 'people')).filter(
        (d) => existsSync(path.join(dir, 'people', d, 'index.html')) && !['register', 'withdraw', 'edit'].includes(d),
      )
    : [];
const people = profilesOf(distDir);
/**
 * No profile in the site (each needs its person's consent; content/people is empty today): the demo's fictional
 * one instead (npm run build:demo, built here when dist-demo/ is missing), served by a second pages dev.
 */
const demoDir = path.join(root, 'dist-demo');
const wantsProfile = !values.only || 'profile'.startsWith(values.only);
if (!people.length && wantsProfile && !existsSync(path.join(demoDir, 'index.html'))) {
  console.log('building the demo site (fictional profiles) into dist-demo/ …');
  buildFixtureSite({ dist: 'dist-demo', fixtures: DEMO_FIXTURES, demo: true, silent: true });
}
const demoPeople = people.length || !wantsProfile ? [] : profilesOf(demoDir);
const pages: [string, string][] = [
  ['home', '/'],
  ['facility', `/facilities/${facilities[0]}/`],
  ['department', '/departments/01001/'],
  ['search 「眼科」', `/search/?q=${encodeURIComponent('眼科')}`],
  ['contact', '/contact/'],
  ['saved list (shared link)', `/list/?f=${facilities.slice(0, 3).join(',')}`],
  ...(people[0] ? ([['profile', `/people/${people[0]}/`]] as [string, string][]) : []),
  ...(demoPeople[0] ? ([['profile (demo, 架空)', `/people/${demoPeople[0]}/`]] as [string, string][]) : []),
];

const chosen = values.only ? pages.filter(([name]) => name.startsWith(values.only!)) : pages;

const state = mkdtempSync(path.join(tmpdir(), 'nakano-bench-lh-'));
const server = await startPagesDev({ port: await freePort(), persistTo: state, dir: dist });
const demo = demoPeople.length ? await startPagesDev({ port: await freePort(), persistTo: path.join(state, 'demo'), dir: 'dist-demo' }) : undefined;
const debugPort = await freePort();
const chrome = spawn(
  CHROMIUM_PATH,
  [...CHROMIUM_FLAGS, `--remote-debugging-port=${debugPort}`, `--user-data-dir=${path.join(state, 'chrome')}`, 'about:blank'],
  {
    stdio: 'ignore',
  },
);
for (let i = 0; i < 100; i++) {
  if (
    await fetch(`http://127.0.0.1:${debugPort}/json/version`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 100));
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(
  `Lighthouse 12.2.3, mobile preset, ${runs} run(s) per page, through wrangler pages dev (${dist}); ${facilities.length} facilities${people.length ? '' : ', no staff profile in this site (the profile is the demo site’s, fictional)'}`,
);
console.log(`| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|`);
const lost: string[] = [];
try {
  for (const [name, url] of chosen) {
    const scores: Record<string, number[]> = {};
    for (let r = 0; r < runs; r++) {
      const base = name.startsWith('profile (demo') && demo ? demo.url : server.url;
      const result = await lighthouse(`${base}${url}`, { port: debugPort, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`${url}: Lighthouse gave no result`);
      for (const c of CATEGORIES) (scores[c] ??= []).push(Math.round((lhr.categories[c]?.score ?? 0) * 100));
      if (r === 0) {
        for (const c of CATEGORIES)
          for (const ref of lhr.categories[c]?.auditRefs ?? []) {
            const a = lhr.audits[ref.id];
            if (!a || ref.weight === 0 || a.score === null || a.score >= 1) continue;
            lost.push(`${name} › ${c} › ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
          }
      }
    }
    console.log(`| ${name} | ${CATEGORIES.map((c) => median(scores[c]!)).join(' | ')} |`);
  }
  console.log(lost.length ? `\nAudits that lost points (first run):\n${lost.map((l) => `- ${l}`).join('\n')}` : '\nNo audit lost points.');
  console.log('The search page is noindex by design (results are not pages to index): Lighthouse counts that against SEO.');
} finally {
  chrome.kill('SIGTERM');
  await server.stop();
  await demo?.stop();
  rmSync(state, { recursive: true, force: true });
}
