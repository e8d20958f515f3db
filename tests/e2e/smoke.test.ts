/**
 * A resident on a phone: home → a department → a facility, in Debian's Chromium through the real
 * `wrangler pages dev` server, with JavaScript on and off; axe-core checks each page type.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FacilitySchema } from '../../src/lib/schema/index.ts';
import { axeViolations } from '../setup/axe.ts';
import { launchChromium } from '../../scripts/lib/browser.ts';

const baseUrl = inject('baseUrl');
const root = path.resolve(import.meta.dirname, '../..');
/** Does content/ register hours for the facility? The page must say what its file says, whichever it is. */
const hasHours = (id: string) => FacilitySchema.parse(parseYaml(readFileSync(path.join(root, 'content/facilities', `${id}.yaml`), 'utf8'))).hours !== undefined;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('browsing on a phone', () => {
  it('is served by the test server', () => expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/));

  for (const javaScriptEnabled of [true, false]) {
    it(`home → 内科 → a facility, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const ctx = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
      const page = await ctx.newPage();
      await page.goto(`${baseUrl}/`);
      expect(await page.getAttribute('html', 'lang')).toBe('ja');
      expect(await page.locator('h1').innerText()).toBe('中野区診療所データベース');
      await page.getByRole('link', { name: '内科', exact: true }).first().click();
      await page.waitForURL(/\/departments\/01001\/$/);
      expect(await page.locator('h1').innerText()).toBe('内科の医療機関');
      const first = page.locator('ul.cards li a').first();
      const name = await first.innerText();
      await first.click();
      await page.waitForURL(/\/facilities\/f-\d+\/$/);
      expect(await page.locator('h1').innerText()).toBe(name);
      const id = /\/facilities\/([^/]+)\/$/.exec(page.url())![1]!;
      if (hasHours(id)) expect(await page.locator('h2#hours ~ .hours table.hours-table').first().isVisible(), `${id}: 診療時間の表`).toBe(true);
      else expect(await page.locator('h2#hours + .callout').getByText('診療時間は未登録です').isVisible(), `${id}: 診療時間の「未登録」`).toBe(true);
      expect(await page.getByRole('link', { name: '情報の修正を依頼' }).count()).toBeGreaterThan(0);
      await ctx.close();
    });
  }

  it('reaches the main content with the keyboard: the first Tab lands on the skip link', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/facilities/f-131410901/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.close();
  });

  it.each([
    '/',
    '/departments/',
    '/departments/01001/',
    '/areas/',
    '/areas/nakano-5/',
    '/stations/nakano/',
    '/facilities/',
    '/facilities/f-131410901/',
    '/about/',
    '/privacy/',
    '/en/',
    '/en/departments/01001/',
  ])('has no serious accessibility violation: %s', async (path) => {
    // axe is injected as a script, which the site's CSP rightly refuses; only this context bypasses it.
    const ctx = await browser.newContext({ bypassCSP: true });
    const page = await ctx.newPage();
    const res = await page.goto(`${baseUrl}${path}`);
    expect(res?.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('serves pages with the security headers and a real 404', async () => {
    const res = await fetch(`${baseUrl}/facilities/f-131410901/`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const missing = await fetch(`${baseUrl}/no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('ページが見つかりません');
  });
});
