/**
 * A resident searching, in Debian's Chromium through `wrangler pages dev` (the real security headers):
 * from the home page box with the keyboard, with filters in the URL and the back button, a one-character
 * query, nothing found, and JavaScript off; and the same in English on /en/search/. Any CSP violation fails the test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { axeViolations } from '../setup/axe.ts';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { contentDir } from '../../src/lib/content/content-dir.ts';
import { FacilitySchema, type Facility } from '../../src/lib/schema/facility.ts';
import { SEARCH_LIMITS, type SearchAnswer } from '../../src/lib/search/contract.ts';
import { toSearchParams } from '../../src/lib/search/params.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** A page that records CSP violations and console errors. */
async function openPage(opts: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<{ ctx: BrowserContext; page: Page; problems: string[] }> {
  const ctx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1200, height: 900 }, ...opts });
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // The site has no favicon (yet); Chromium asks for one on every page.
    if (m.location().url.endsWith('/favicon.ico')) return;
    if (m.type() === 'error' || /Content Security Policy|Refused/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { ctx, page, problems };
}

/** The content the site was built from, read at test time: what the page must say of each facility. */
const facilities = new Map<string, Facility>(
  readdirSync(path.join(contentDir, 'facilities'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => FacilitySchema.parse(parseYaml(readFileSync(path.join(contentDir, 'facilities', f), 'utf8'))))
    .map((f) => [f.id, f]),
);
const facilityOf = (href: string | null): Facility => {
  const f = facilities.get(/^\/facilities\/([^/]+)\/$/.exec(href ?? '')?.[1] ?? '');
  if (!f) throw new Error(`${href}: not a facility of ${contentDir}/facilities`);
  return f;
};
/** 五十音 order as the directory sorts (src/lib/content/directory.ts `byName`): the reading, else the name; then the id. */
const collator = new Intl.Collator('ja');
const nameOrder = (a: Facility, b: Facility) => collator.compare(a.name.kana ?? a.name.display, b.name.kana ?? b.name.display) || a.id.localeCompare(b.id);

const resultNames = (page: Page) => page.locator('#search-results li a').allInnerTexts();
const resultLinks = (page: Page) => page.locator('#search-results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
/** Every result of the search on screen (「さらに表示」 until there are no more), as facilities. */
async function allResults(page: Page): Promise<Facility[]> {
  const more = page.locator('#search-more');
  for (let n = await page.locator('#search-results li').count(); await more.isVisible();) {
    await more.click();
    await expect.poll(() => page.locator('#search-results li').count(), { timeout: 10_000 }).toBeGreaterThan(n);
    n = await page.locator('#search-results li').count();
  }
  return (await resultLinks(page)).map(facilityOf);
}
/** Every facility the edge finds for `q` (the words as searched, in Japanese), all pages of /api/search. */
async function edgeResults(q: string): Promise<Facility[]> {
  const found: Facility[] = [];
  for (let offset = 0; ; offset += SEARCH_LIMITS.pageSize) {
    const res = await fetch(`${baseUrl}/api/search?${toSearchParams({ q, filters: {}, sort: '', offset, limit: SEARCH_LIMITS.pageSize })}`);
    const answer = (await res.json()) as SearchAnswer;
    found.push(...answer.results.map((r) => facilityOf(r.url)));
    if (found.length >= answer.total || !answer.results.length) return found;
  }
}
/** Each result line says 「診療時間: 未登録」 exactly when the facility is open and has no hours in the content. */
async function expectHoursUnregisteredLines(page: Page, text: string): Promise<void> {
  const lines = await page
    .locator('#search-results li')
    .evaluateAll((lis) => lis.map((li) => ({ href: li.querySelector('a')?.getAttribute('href') ?? null, text: li.textContent ?? '' })));
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const f = facilityOf(line.href);
    expect(line.text.includes(text), `${f.name.display}: hours ${f.hours ? 'registered' : 'not registered'}, ${f.status.state}`).toBe(
      !f.hours && f.status.state === 'open',
    );
  }
}
/** The note beside the hours filters counts the results (of the words, without filters) that have no hours, and is hidden at 0. */
async function expectHoursNote(page: Page, results: Facility[], text: (n: number) => string): Promise<void> {
  const n = results.filter((f) => !f.hours).length;
  const note = page.locator('#hours-note');
  if (n > 0) expect(await note.innerText()).toBe(text(n));
  else expect(await note.isHidden()).toBe(true);
}
const status = (page: Page) => page.locator('#search-status').innerText();
const waitForStatus = (page: Page, re: RegExp) =>
  page.waitForFunction((src) => new RegExp(src).test(document.getElementById('search-status')?.textContent ?? ''), re.source);

describe('search', () => {
  it('allows WebAssembly only on /search/, /en/search/ and Pagefind files', async () => {
    const csp = async (p: string) => (await fetch(`${baseUrl}${p}`)).headers.get('content-security-policy') ?? '';
    expect(await csp('/search/')).toContain("'wasm-unsafe-eval'");
    expect(await csp('/en/search/')).toContain("'wasm-unsafe-eval'");
    expect(await csp('/en/')).not.toContain('wasm');
    expect(await csp('/en/departments/')).not.toContain('wasm');
    expect(await csp('/pagefind/pagefind.js')).toContain("'wasm-unsafe-eval'");
    expect(await csp('/')).not.toContain('wasm');
    expect(await csp('/facilities/f-131410901/')).not.toContain('wasm');
    expect(await csp('/search/')).not.toContain("'unsafe-eval'");
  });

  it('from the home page box with the keyboard: ないか 沼袋 finds the internal medicine clinics of 沼袋', async () => {
    const { ctx, page, problems } = await openPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('searchbox', { name: '医療機関名・診療科・地域で検索' }).fill('ないか　沼袋');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await waitForStatus(page, /検索結果 \d+ 件/);
    // 沼袋 is a town and a station: the clinics of the town, and those whose nearest stations include 沼袋.
    expect(await status(page)).toMatch(/「ないか　沼袋」の検索結果 \d+ 件/);
    const names = await resultNames(page);
    expect(names).toContain('沼袋藤浪内科医院');
    expect(names).toContain('いしい内科クリニック');
    // Each result says department and area, and whether the hours are registered.
    const first = page.locator('#search-results li').first();
    expect(await first.innerText()).toMatch(/内科・中野区(沼袋|江古田)\d丁目/);
    await expectHoursUnregisteredLines(page, '診療時間: 未登録');
    // The result links are reachable with Tab from the search box.
    await page.focus('#search-q');
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.closest('#search-results') !== null);
    }
    expect(reached).toBe(true);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('a first visit gets its results from /api/search before any Pagefind file; later keystrokes never leave the browser', async () => {
    const { ctx, page, problems } = await openPage();
    const log: string[] = [];
    ctx.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname === '/api/search' || u.pathname.startsWith('/pagefind/')) log.push(`${u.pathname}${u.search}`);
    });
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('眼科')}`);
    await waitForStatus(page, /「眼科」の検索結果 \d+ 件/);
    const atResults = [...log];
    expect(atResults[0]).toMatch(/^\/api\/search\?q=%E7%9C%BC%E7%A7%91/);
    // Nothing of Pagefind's index was needed for the first results.
    expect(atResults.filter((p) => /\.pf_(meta|index|fragment|filter)$|\.pagefind$/.test(p))).toEqual([]);
    const edgeNames = await resultNames(page);
    // Then the browser's own Pagefind loads and answers: the same results, and no more /api/search.
    await page.waitForSelector('#search-app[data-local="ready"]', { state: 'attached' });
    const edgeCalls = log.filter((p) => p.startsWith('/api/search')).length;
    await page.fill('#search-q', '眼科 中野');
    await waitForStatus(page, /「眼科 中野」の検索結果 \d+ 件/);
    await page.fill('#search-q', '眼科');
    await waitForStatus(page, /「眼科」の検索結果 \d+ 件/);
    expect(await resultNames(page)).toEqual(edgeNames);
    expect(log.filter((p) => p.startsWith('/api/search')).length).toBe(edgeCalls);
    expect(log.some((p) => p.endsWith('.pf_meta'))).toBe(true);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('when /api/search fails, the page searches with its own Pagefind and still shows the results', async () => {
    const { ctx, page } = await openPage();
    await ctx.route('**/api/search?**', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable"}' }));
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('東京警察病院')}`);
    await waitForStatus(page, /「東京警察病院」の検索結果 \d+ 件/);
    expect((await resultNames(page))[0]).toBe('東京警察病院');
    await ctx.close();
  });

  it('has no serious accessibility problems with results, filters and suggestions on screen', async () => {
    // axe-core is injected as an inline script, which the page's CSP rightly refuses: bypass it here only.
    const ctx = await browser.newContext({ locale: 'ja-JP', bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('科')}`);
    await waitForStatus(page, /検索結果 \d+ 件/);
    await page.locator('#filter-groups fieldset').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('keeps the query and filters in the URL; the back button returns to the previous search', async () => {
    const { ctx, page, problems } = await openPage();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('中野駅')}`);
    await waitForStatus(page, /検索結果 \d+ 件/);
    const all = Number(/(\d+) 件/.exec(await status(page))?.[1]);
    const eye = page.locator('#filter-groups fieldset', { hasText: '診療科' }).getByRole('checkbox', { name: /^眼科（\d+）$/ });
    const label = await page.locator('#filter-groups label', { hasText: /^眼科（/ }).innerText();
    const expected = Number(/（(\d+)）/.exec(label)?.[1]);
    await eye.check();
    await page.waitForURL(/dept=%E7%9C%BC%E7%A7%91/);
    await waitForStatus(page, new RegExp(`検索結果 ${expected} 件`));
    expect(expected).toBeLessThan(all);
    expect(await resultNames(page)).toContain('中野眼科');
    // 中野駅 is the station, never 新中野: すずむら眼科 is near 新中野 only.
    expect(await resultNames(page)).not.toContain('すずむら眼科');
    // Shared link: a fresh page with the same URL shows the same results.
    const shared = await ctx.newPage();
    await shared.goto(page.url());
    await waitForStatus(shared, new RegExp(`検索結果 ${expected} 件`));
    expect(await shared.locator('#filter-groups input[value="眼科"]').isChecked()).toBe(true);
    await page.goBack();
    await waitForStatus(page, new RegExp(`検索結果 ${all} 件`));
    expect(await page.locator('#filter-groups input[value="眼科"]').isChecked()).toBe(false);
    expect(await page.inputValue('#search-q')).toBe('中野駅');
    // Next to the hours filters, the page says how many of these facilities have no registered hours.
    await expectHoursNote(
      page,
      await edgeResults('中野駅'),
      (n) => `診療時間が未登録の医療機関（${n} 件）は、診療日・診療時間の条件に当てはまりません。条件を付けると結果から外れます。`,
    );
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('sorts by name (五十音) and keeps the sort in the URL', async () => {
    const { ctx, page, problems } = await openPage();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('眼科')}`);
    await waitForStatus(page, /「眼科」の検索結果 \d+ 件/);
    const byRelevance = await allResults(page);
    const byName = [...byRelevance].sort(nameOrder);
    expect(byRelevance.length).toBeGreaterThan(5);
    // Otherwise this test could not tell the two orders apart.
    expect(byRelevance.map((f) => f.id)).not.toEqual(byName.map((f) => f.id));
    // Chosen on the page: the browser's own Pagefind sorts, and the URL keeps the sort.
    await page.waitForSelector('#search-app[data-local="ready"]', { state: 'attached' });
    await page.selectOption('#search-sort', 'name');
    await page.waitForURL(/[?&]sort=name/);
    await expect.poll(() => resultLinks(page), { timeout: 10_000 }).toEqual(byName.slice(0, 20).map((f) => `/facilities/${f.id}/`));
    expect((await allResults(page)).map((f) => f.id)).toEqual(byName.map((f) => f.id));
    // A shared link: the first page comes from the edge, in the same order.
    const shared = await ctx.newPage();
    await shared.goto(page.url());
    await waitForStatus(shared, /「眼科」の検索結果 \d+ 件/);
    expect(await shared.inputValue('#search-sort')).toBe('name');
    expect((await resultLinks(shared)).map((href) => facilityOf(href).id)).toEqual(byName.slice(0, 20).map((f) => f.id));
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('sorts by distance from the resident when they allow it', async () => {
    const ctx = await browser.newContext({ locale: 'ja-JP', geolocation: { latitude: 35.7155, longitude: 139.6735 }, permissions: ['geolocation'] });
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('眼科')}&sort=near`);
    await waitForStatus(page, /検索結果 \d+ 件/);
    await page.waitForSelector('#search-results li');
    const km = await page.locator('#search-results li').evaluateAll((lis) =>
      lis.map((li) => {
        const m = /約 ([\d.]+) (m|km)/.exec(li.textContent ?? '');
        return m ? Number(m[1]) * (m[2] === 'km' ? 1000 : 1) : NaN;
      }),
    );
    expect(km.every(Number.isFinite)).toBe(true);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    await ctx.close();
  });

  it('a one-character query lists the departments containing it, and 科 finds 眼科', async () => {
    const { ctx, page } = await openPage();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('科')}`);
    await waitForStatus(page, /検索結果 \d+ 件/);
    await expect.poll(() => page.locator('#search-suggest a', { hasText: /^眼科（\d+）$/ }).count()).toBe(1);
    await page.locator('#search-suggest a', { hasText: /^眼科（/ }).click();
    await waitForStatus(page, /条件: 眼科の検索結果 \d+ 件/);
    expect(new URL(page.url()).searchParams.get('dept')).toBe('眼科');
    await ctx.close();
  });

  it('suggests a way forward when nothing matches', async () => {
    const { ctx, page, problems } = await openPage();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('沼袋内科')}`);
    await waitForStatus(page, /「沼袋内科」の検索結果 0 件/);
    expect(await page.locator('#search-suggest').innerText()).toContain('「沼袋内科」に当てはまる医療機関は見つかりませんでした。');
    // The run-together word split at the town's name, with the number of results it gives.
    const tip = page.locator('#search-suggest a', { hasText: /^「沼袋 内科」で探す（\d+ 件）$/ });
    await tip.waitFor();
    const promised = Number(/（(\d+) 件）/.exec(await tip.innerText())?.[1]);
    expect(promised).toBeGreaterThan(0);
    await tip.click();
    await page.waitForURL((u) => u.searchParams.get('q') === '沼袋 内科');
    await waitForStatus(page, new RegExp(`「沼袋 内科」の検索結果 ${promised} 件`));
    expect(await page.locator('#search-results li').count()).toBe(Math.min(promised, 20));

    // Several words: the one no facility has, each word alone, and the lists of the others.
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('沼袋 眼科 歯科')}`);
    await waitForStatus(page, /「沼袋 眼科 歯科」の検索結果 0 件/);
    expect(await page.locator('#search-suggest').innerText()).toContain('「歯科」を含む医療機関がありません。');
    expect(await page.locator('#search-suggest a', { hasText: /^沼袋の医療機関の一覧$/ }).getAttribute('href')).toBe('/areas/numabukuro/');
    expect(await page.locator('#search-suggest a', { hasText: /^診療科「眼科」の一覧$/ }).getAttribute('href')).toMatch(/^\/departments\/\d{5}\/$/);
    const only = page.locator('#search-suggest a', { hasText: /^「沼袋」だけで探す（\d+ 件）$/ });
    await only.waitFor();
    const alone = Number(/（(\d+) 件）/.exec(await only.innerText())?.[1]);
    expect(alone).toBeGreaterThan(0);
    await only.click();
    await page.waitForURL((u) => u.searchParams.get('q') === '沼袋');
    await waitForStatus(page, new RegExp(`「沼袋」の検索結果 ${alone} 件`));
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('with JavaScript off, the home search box leads to the browse pages, not a dead end', async () => {
    const { ctx, page } = await openPage({ javaScriptEnabled: false });
    await page.goto(`${baseUrl}/`);
    await page.fill('#q', '内科');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(await page.getByText('検索には JavaScript が必要です').isVisible()).toBe(true);
    await page.getByRole('link', { name: '診療科から探す' }).last().click();
    await page.waitForURL(/\/departments\/$/);
    await ctx.close();
  });
});

describe('search in English (/en/search/)', () => {
  const en = { locale: 'en-US' };

  it('everyday English names find their department: eye doctor → 眼科, ENT → 耳鼻いんこう科', async () => {
    const { ctx, page, problems } = await openPage(en);
    const ja = await openPage();
    for (const [typed, department] of [
      ['eye doctor', '眼科'],
      ['ENT', '耳鼻いんこう科'],
    ] as const) {
      await page.goto(`${baseUrl}/en/search/?q=${encodeURIComponent(typed)}`);
      await waitForStatus(page, /\d+ results? for/);
      // The same facilities as the Japanese page finds for the department's Japanese name.
      await ja.page.goto(`${baseUrl}/search/?q=${encodeURIComponent(department)}`);
      await waitForStatus(ja.page, /検索結果 \d+ 件/);
      const count = Number(/(\d+) 件/.exec(await status(ja.page))?.[1]);
      expect(count).toBeGreaterThan(5);
      expect(await status(page)).toBe(`${count} results for “${typed}”`);
      expect(await resultNames(page)).toEqual(await resultNames(ja.page));
    }
    expect(problems).toEqual([]);
    await ja.ctx.close();
    await ctx.close();
  });

  it('Numabukuro internal medicine finds the internal medicine clinics of 沼袋, labelled in English', async () => {
    const { ctx, page, problems } = await openPage(en);
    await page.goto(`${baseUrl}/en/search/?q=${encodeURIComponent('Numabukuro internal medicine')}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await waitForStatus(page, /\d+ results? for/);
    expect(await status(page)).toMatch(/^\d+ results for “Numabukuro internal medicine”$/);
    const names = await resultNames(page);
    expect(names).toContain('沼袋藤浪内科医院');
    expect(names).toContain('いしい内科クリニック');
    // Type, department, town and station in English; the facility page link is the bilingual one.
    const first = page.locator('#search-results li').first();
    expect(await first.innerText()).toMatch(/Clinic · Internal Medicine · (Numabukuro|Egota) \d-chōme, Nakano · [A-Z][\w-]* Sta\./);
    await expectHoursUnregisteredLines(page, 'Hours: not registered');
    expect(await first.locator('a').getAttribute('href')).toMatch(/^\/facilities\/f-\d+\/$/);
    // Filters read in English; the URL keeps the index's Japanese value.
    const internal = page.locator('#filter-groups fieldset', { hasText: 'Department' }).getByRole('checkbox', { name: /^Internal Medicine \(\d+\)$/ });
    await internal.check();
    await page.waitForURL(/\/en\/search\/\?.*dept=%E5%86%85%E7%A7%91/);
    await waitForStatus(page, /results? for “Numabukuro internal medicine” \(filters: Internal Medicine\)/);
    expect(await page.locator('#filter-groups legend').allInnerTexts()).toContain('Nearest station');
    // The hours note counts the facilities of the words, whatever the filters.
    await expectHoursNote(
      page,
      await edgeResults('沼袋 内科'),
      (n) =>
        `${n} ${n === 1 ? 'facility has' : 'facilities have'} not registered their hours yet. They never match a day or hours filter, so choosing one leaves them out.`,
    );
    // No Japanese UI words left (facility names stay Japanese).
    expect(await page.locator('#search-app').innerText()).not.toMatch(/件|絞り込み|並べ替え|未登録|中野区|丁目|徒歩/);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('suggests a way forward in English when nothing matches', async () => {
    const { ctx, page, problems } = await openPage(en);
    await page.goto(`${baseUrl}/en/search/?q=${encodeURIComponent('Numabukuro ophthalmology dentistry')}`);
    await waitForStatus(page, /^0 results for/);
    expect(await page.locator('#search-suggest').innerText()).toContain('No facility matches “Numabukuro ophthalmology dentistry”.');
    const tip = page.locator('#search-suggest a', { hasText: /^Search for “Numabukuro” only \(\d+\)$/ });
    await tip.waitFor();
    await page.locator('#search-suggest a', { hasText: /^All Ophthalmology facilities$/ }).waitFor();
    expect(await page.locator('#search-suggest a', { hasText: /^All Ophthalmology facilities$/ }).getAttribute('href')).toMatch(/^\/en\/departments\/\d{5}\/$/);
    await tip.click();
    await page.waitForURL(/\/en\/search\/\?q=Numabukuro$/);
    await waitForStatus(page, /^[1-9]\d* results? for “Numabukuro”$/);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('the English nav link and the /en/ home search box lead to /en/search/', async () => {
    const { ctx, page, problems } = await openPage(en);
    await page.goto(`${baseUrl}/en/`);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/en\/search\/$/);
    await waitForStatus(page, /Type a facility name/);
    // The language switch leads to the Japanese search page.
    expect(await page.getByRole('link', { name: '日本語' }).getAttribute('href')).toBe('/search/');
    await page.goto(`${baseUrl}/en/`);
    await page.getByRole('searchbox', { name: 'Search by name, department or area' }).fill('Ophthalmology');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/search\/\?q=Ophthalmology$/);
    await waitForStatus(page, /\d+ results for “Ophthalmology”/);
    expect(await resultNames(page)).toContain('中野眼科');
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('has no serious accessibility problems with results and filters on screen', async () => {
    const ctx = await browser.newContext({ ...en, bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/en/search/?q=${encodeURIComponent('Nakano Sta.')}`);
    await waitForStatus(page, /\d+ results for/);
    await page.locator('#filter-groups fieldset').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('with JavaScript off, the /en/ search box leads to the English browse pages', async () => {
    const { ctx, page } = await openPage({ ...en, javaScriptEnabled: false });
    await page.goto(`${baseUrl}/en/`);
    await page.fill('#q', 'dermatology');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/search\/\?q=dermatology$/);
    expect(await page.getByText('Search needs JavaScript').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'By department' }).last().click();
    await page.waitForURL(/\/en\/departments\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await ctx.close();
  });
});
