#!/usr/bin/env node
/**
 * Search benchmark (issue 3), for the real content and 20,000 fictional facilities (scripts/bench/synthetic.ts):
 * - build time, Pagefind index size and files, files per facility, facility page gzip bytes;
 * - in Chromium through `wrangler pages dev`: bytes from a cold cache until the first results render
 *   (as served, and as Cloudflare serves text: gzip), target ≤ 150 KB at 20,000;
 * - keystroke → rendered results with the index warm (median and p95), target ≤ 100 ms.
 * `node scripts/bench/search.bench.ts [--sizes real,20000]`. Prints figures; asserts nothing.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { launchChromium } from '../lib/browser.ts';
import { startPagesDev } from '../lib/dev-server.ts';
import { astroBuild, facilityPageGzip, facilityPages, walk, withBenchSite } from './site.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: 'real,20000' } } });

/** Queries a resident types: common, two words, a station, a reading. Synthetic names are 架空<姓><科><種類><n>. */
const COLD_QUERIES = ['内科', 'くりにっく 中野', '中野駅 眼科'];
const WARM_QUERIES = [
  'ないか',
  '沼袋 内科',
  'ひふか',
  '中野駅',
  'こども',
  '耳鼻科',
  '上鷺宮',
  '165-0031',
  'くりにっく',
  '整形',
  '眼科 東中野',
  'やまだ',
  '山田',
  'クリニック',
  '皮フ科',
];

/** Wait until the status line announces results for `q` (it is written after the results are in the DOM). */
const resultsShown = (page: Page, q: string) =>
  page.waitForFunction((text) => (document.getElementById('search-status')?.textContent ?? '').includes(`「${text}」の検索結果`), q, { timeout: 60_000 });

interface Transfer {
  served: number;
  gzip: number;
  requests: number;
}

/**
 * A fresh browser context (cold cache) loads /search/?q=… . Counted: the bytes of every request that started
 * before the first results were on screen (the moment the status line announced them, taken in the page).
 * What the page loads after that (the browser's own Pagefind, the filter counts) is not, however early it
 * lands; the page is left 2 s to finish such requests so none is cut short.
 */
declare global {
  /** When the first results showed, set by the page script the bench adds. */
  interface Window {
    __resultsAt?: number;
  }
}

async function coldBytes(baseUrl: string, q: string): Promise<Transfer & { ms: number }> {
  const browser = await launchChromium();
  try {
    const ctx = await browser.newContext({ locale: 'ja-JP' });
    await ctx.addInitScript(() => {
      new MutationObserver(() => {
        if (window.__resultsAt === undefined && (document.getElementById('search-status')?.textContent ?? '').includes('の検索結果'))
          window.__resultsAt = performance.timeOrigin + performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const responses: Promise<Transfer & { startedAt: number; path: string }>[] = [];
    const count = async (res: Response) => {
      const startedAt = res.request().timing().startTime;
      const body = await res.body().catch(() => Buffer.alloc(0));
      const headers = await res.allHeaders();
      // Chromium reports no size for a Web Worker's script; count it as its gzip body then.
      const reported = (await res.request().sizes()).responseBodySize;
      const served = reported > 0 || body.length === 0 ? reported : gzipSync(body, { level: 6 }).length;
      // Cloudflare compresses text it serves; wrangler pages dev may not. Pagefind's own files are gzip already.
      const compressible = !headers['content-encoding'] && /text|javascript|json|xml|svg/.test(headers['content-type'] ?? '');
      const gzip = compressible ? gzipSync(body, { level: 6 }).length : served;
      return {
        served,
        gzip,
        requests: 1,
        startedAt,
        path: `${res.status()} ${new URL(res.url()).pathname} served ${served} gzip ${gzip} ${headers['content-encoding'] ?? ''}`,
      };
    };
    // Requests of Pagefind's Web Worker are reported on the context.
    ctx.on('response', (res) => responses.push(count(res)));
    const navigationAt = Date.now();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(q)}`);
    await resultsShown(page, q);
    const resultsAt = await page.evaluate(() => window.__resultsAt);
    if (resultsAt === undefined) throw new Error(`no results shown for ${q}`);
    await page.waitForTimeout(2000);
    const all = await Promise.all(responses);
    await ctx.close();
    const before = all.filter((r) => r.startedAt <= resultsAt);
    if (process.env['BENCH_VERBOSE']) for (const r of all) console.log(`  ${r.startedAt <= resultsAt ? 'before' : 'after '} ${r.path}`);
    return {
      ...before.reduce((a, b) => ({ served: a.served + b.served, gzip: a.gzip + b.gzip, requests: a.requests + b.requests }), {
        served: 0,
        gzip: 0,
        requests: 0,
      }),
      ms: resultsAt - navigationAt,
    };
  } finally {
    await browser.close();
  }
}

/**
 * Keystroke → rendered results, index warm: time from the input event to the status line for the new query.
 * With `pauseMs` 0 each query is typed as soon as the last one's results show; with a pause longer than the
 * search page's wait before the filter counts (250 ms), the counts of the last query are being worked out
 * in Pagefind's Web Worker, taking a core, as the next query is typed.
 */
async function warmLatency(baseUrl: string, pauseMs: number): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale: 'ja-JP' });
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('内科')}`);
    await resultsShown(page, '内科');
    // The first results came from the edge; from here on the browser's own Pagefind answers.
    await page.waitForSelector('#search-app[data-local="ready"]', { state: 'attached', timeout: 60_000 });
    // Warm-up: every query once (index chunks cached), then measure each again.
    const times: number[] = [];
    for (const pass of [0, 1]) {
      for (const q of WARM_QUERIES) {
        if (pauseMs) await page.waitForTimeout(pauseMs);
        const ms = await page.evaluate(
          (text) =>
            new Promise<number>((resolve) => {
              const input = document.getElementById('search-q') as HTMLInputElement;
              const status = document.getElementById('search-status')!;
              const t0 = performance.now();
              const obs = new MutationObserver(() => {
                if ((status.textContent ?? '').includes(`「${text}」の検索結果`)) {
                  obs.disconnect();
                  resolve(performance.now() - t0);
                }
              });
              obs.observe(status, { childList: true, characterData: true, subtree: true });
              input.value = text;
              input.dispatchEvent(new Event('input', { bubbles: true }));
            }),
          q,
        );
        if (pass === 1) times.push(ms);
      }
    }
    return times.sort((a, b) => a - b);
  } finally {
    await browser.close();
  }
}

/**
 * GET /api/search on its own: the first request of a fresh isolate (it loads the index) and then each warm
 * query, wall-clock from Node. Locally this is the function's CPU plus a loopback round trip.
 */
async function edgeTimes(baseUrl: string): Promise<{ coldMs: number; warm: number[] }> {
  const time = async (q: string) => {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/api/search?q=${encodeURIComponent(q)}&limit=20`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`/api/search ${res.status}`);
    return performance.now() - t0;
  };
  const coldMs = await time(COLD_QUERIES[0]!);
  for (const q of WARM_QUERIES) await time(q);
  const warm: number[] = [];
  for (const q of WARM_QUERIES) warm.push(await time(q));
  return { coldMs, warm: warm.sort((a, b) => a - b) };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows: string[] = [];
for (const size of values.sizes.split(',')) {
  await withBenchSite(size, async ({ tmp, dist, env }) => {
    console.log(`${size}: building…`);
    const built = await astroBuild(env);
    if (!built.ok) throw new Error(built.tail);
    const seconds = built.seconds;
    const n = facilityPages(dist).length;
    const index = walk(path.join(dist, 'pagefind'));
    const fragments = readdirSync(path.join(dist, 'pagefind/fragment')).length;
    const total = walk(dist).files;
    const gz = facilityPageGzip(dist, facilityPages(dist));
    console.log(
      `${size}: ${n} facilities, build ${seconds.toFixed(1)} s, index ${kb(index.bytes)} in ${index.files} files (${fragments} fragments), dist ${total} files`,
    );

    const server = await startPagesDev({ port: 8700 + Math.floor(Math.random() * 80), persistTo: path.join(tmp, 'state'), dir: dist });
    try {
      const edge = await edgeTimes(server.url);
      console.log(
        `${size}: /api/search: first request of a fresh isolate ${edge.coldMs.toFixed(0)} ms; warm median ${edge.warm[Math.floor(edge.warm.length / 2)]!.toFixed(0)} ms, max ${edge.warm.at(-1)!.toFixed(0)} ms`,
      );
      const cold = [];
      for (const q of COLD_QUERIES) {
        const t = await coldBytes(server.url, q);
        cold.push(t);
        console.log(
          `${size}: cold 「${q}」: ${t.requests} requests before the results, ${kb(t.served)} as served, ${kb(t.gzip)} with gzip, results on screen ${t.ms.toFixed(0)} ms after navigation`,
        );
      }
      const p95Of = (xs: number[]) => xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;
      const warm = await warmLatency(server.url, 0);
      const median = warm[Math.floor(warm.length / 2)] ?? NaN;
      const p95 = p95Of(warm);
      console.log(`${size}: keystroke → results (warm): median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${(warm.at(-1) ?? NaN).toFixed(0)} ms`);
      const paused = await warmLatency(server.url, 400);
      const pausedP95 = p95Of(paused);
      console.log(
        `${size}: keystroke → results after a 400 ms pause (the last query's filter counts running): median ${paused[Math.floor(paused.length / 2)]!.toFixed(0)} ms, p95 ${pausedP95.toFixed(0)} ms`,
      );
      const worst = cold.reduce((a, b) => (b.gzip > a.gzip ? b : a));
      rows.push(
        `| ${size} | ${n} | ${seconds.toFixed(1)} | ${kb(index.bytes)} / ${index.files} | ${(total / n).toFixed(2)} (${fragments} fragments) | ${gz[Math.floor(gz.length / 2)]} / ${gz.at(-1)} | ${kb(worst.gzip)} (${kb(worst.served)} served) | ${Math.max(...cold.map((c) => c.ms)).toFixed(0)} | ${edge.coldMs.toFixed(0)} / ${edge.warm[Math.floor(edge.warm.length / 2)]!.toFixed(0)} | ${median.toFixed(0)} / ${p95.toFixed(0)} / ${pausedP95.toFixed(0)} |`,
      );
    } finally {
      await server.stop();
    }
  });
}
console.log(
  '\n| content | facilities | build s | index size / files | dist files per facility | facility page gzip B (median / max) | cold bytes to first results, worst query (gzip) | cold navigation → results ms, worst | /api/search ms (fresh isolate / warm median) | keystroke → results ms (median / p95 / p95 after a pause) |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log('\ntargets: ≤ 150 KB to first results at 20000; ≤ 100 ms keystroke → results; ≤ 2 files per facility + constant; ≤ 14336 B gzip per facility page');
