/**
 * The map in Chromium (issue 14): 「地図で表示」 loads nothing before the click (no Leaflet, no stylesheet, no
 * tile); after it, 地理院タイル come from the local fake (scripts/lib/fakes/gsi-tiles.fake.ts; the browser's
 * requests to GSI are routed there, so no test reaches the network) under the real CSP, with GSI's attribution;
 * a position known only to its 丁目 is an area, never a pin, and the legend says 「位置はおおよそ」. Without
 * JavaScript there is no map button and the page says everything. The search page maps its results.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { GSI_TILE_ORIGIN } from '../../src/lib/util/map.ts';
import { axeViolations } from '../setup/axe.ts';

const base = inject('baseUrl');
const gsi = inject('fakes')['gsi']!;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const tiles = async (): Promise<{ tiles: string[]; bad: string[] }> =>
  (await fetch(`${gsi}/_control/tiles`)).json() as Promise<{ tiles: string[]; bad: string[] }>;

/** A page whose requests to GSI go to the fake, recording every request and any CSP complaint. */
async function open(
  url: string,
  opts: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {},
): Promise<{ ctx: BrowserContext; page: Page; sent: string[]; problems: string[] }> {
  const ctx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 800, height: 1000 }, ...opts });
  await ctx.route(`${GSI_TILE_ORIGIN}/**`, async (route) => {
    const res = await fetch(`${gsi}${new URL(route.request().url()).pathname}`);
    await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
  });
  const page = await ctx.newPage();
  const sent: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => sent.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${base}${url}`);
  return { ctx, page, sent, problems };
}
const mapRequests = (sent: string[]) => sent.filter((u) => u.startsWith(GSI_TILE_ORIGIN) || /\/_astro\/(map-draw|leaflet)/.test(u));

describe('map', () => {
  it('a facility page: nothing loads before the click; then GSI tiles, the attribution, and an area for a 丁目 position', async () => {
    const before = (await tiles()).tiles.length;
    const { ctx, page, sent, problems } = await open('/facilities/f-131432004/');
    const button = page.getByRole('button', { name: '地図で表示' });
    await button.waitFor();
    await page.waitForLoadState('networkidle');
    expect(mapRequests(sent)).toEqual([]);
    expect(await page.locator('#map-area').isHidden()).toBe(true);

    await button.click();
    await page.locator('.leaflet-tile-loaded').first().waitFor();
    expect(await page.getByRole('button', { name: '地図を閉じる' }).getAttribute('aria-expanded')).toBe('true');
    expect(mapRequests(sent).some((u) => u.startsWith(`${GSI_TILE_ORIGIN}/xyz/std/`))).toBe(true);
    const asked = await tiles();
    expect(asked.tiles.length).toBeGreaterThan(before);
    expect(asked.bad).toEqual([]);
    expect(await page.locator('.leaflet-control-attribution').innerText()).toContain('地理院タイル');
    // The facility's position is its 丁目's point: a shaded circle (an SVG path), no marker image anywhere.
    expect(await page.locator('.leaflet-overlay-pane path.leaflet-interactive').count()).toBe(2); // the area and the nearest station
    expect(await page.locator('.leaflet-marker-icon').count()).toBe(0);
    expect(await page.locator('.map-legend').innerText()).toContain('位置はおおよそ');
    expect(problems).toEqual([]);

    await page.getByRole('button', { name: '地図を閉じる' }).click();
    expect(await page.locator('#map-area').isHidden()).toBe(true);
    await ctx.close();
  });

  it('is keyboard-operable and passes axe when open', async () => {
    const { ctx, page } = await open('/areas/numabukuro/', { bypassCSP: true });
    await page.getByRole('button', { name: '地図で表示' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.leaflet-tile-loaded').first().waitFor();
    expect(await page.locator('.leaflet-overlay-pane path.leaflet-interactive').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('without JavaScript there is no map button and the address and access are all there', async () => {
    const { ctx, page, sent } = await open('/facilities/f-131432004/', { javaScriptEnabled: false });
    expect(await page.locator('[data-map]').isHidden()).toBe(true);
    expect(await page.locator('#access').isVisible()).toBe(true);
    expect(mapRequests(sent)).toEqual([]);
    await ctx.close();
  });

  it('the search page maps the results it shows', async () => {
    const { ctx, page, problems } = await open(`/search/?q=${encodeURIComponent('眼科')}`);
    await page.waitForFunction(() => /検索結果 \d+ 件/.test(document.getElementById('search-status')?.textContent ?? ''));
    const shown = await page.locator('#search-results > li[data-lat]').count();
    expect(shown).toBeGreaterThan(0);
    await page.getByRole('button', { name: '地図で表示' }).click();
    await page.locator('.leaflet-tile-loaded').first().waitFor();
    const points = await page
      .locator('#search-results > li[data-lat]')
      .evaluateAll((lis) => new Set(lis.map((li) => `${(li as HTMLElement).dataset['lat']},${(li as HTMLElement).dataset['lon']}`)).size);
    expect(await page.locator('.leaflet-overlay-pane path.leaflet-interactive').count()).toBe(points);
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
