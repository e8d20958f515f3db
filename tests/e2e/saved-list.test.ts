/**
 * マイリスト in Chromium (issue 14): 「保存」 on a facility page keeps it in localStorage only (no request carries
 * it), /list/ shows it with today's status line, and the list's shared URL shows the same list in a new context
 * (another person's browser) that has nothing saved.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { axeViolations } from '../setup/axe.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('マイリスト', () => {
  it('save → /list/ → the shared URL in a new context shows the same list', async () => {
    const list = (await (await fetch(`${base}/corrections/facilities.json`)).json()) as { id: string; name: string }[];
    const [a, b] = [list[3]!, list[7]!];
    const ctx = await browser.newContext({ locale: 'ja-JP', bypassCSP: true });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await ctx.newPage();
    const sent: string[] = [];
    page.on('request', (r) => sent.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
    for (const f of [a, b]) {
      await page.goto(`${base}/facilities/${f.id}/`);
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect.poll(() => page.locator('[data-save] button').getAttribute('aria-pressed')).toBe('true');
    }
    expect(await page.evaluate(() => localStorage.getItem('nakano-clinic-db:saved'))).toBe(JSON.stringify([a.id, b.id]));
    await page.goto(`${base}/list/`);
    await expect.poll(() => page.locator('[data-saved-list]').getAttribute('data-ready')).toBe('2');
    expect(await page.locator('.saved-list h2').allTextContents()).toEqual([a.name, b.name]);
    expect(await page.locator('.saved-list .status').first().textContent()).toBe('診療時間は未登録です');
    expect(await axeViolations(page)).toEqual([]);
    // Nothing saved ever left the browser: no request names the facilities but the pages and data files themselves.
    expect(sent.filter((s) => s.startsWith('POST'))).toEqual([]);

    await page.getByRole('button', { name: 'このリストのリンクをコピー' }).click();
    const shared = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(shared.pathname + shared.search).toBe(`/list/?f=${a.id},${b.id}`);

    const other = await browser.newContext({ locale: 'ja-JP' });
    const page2 = await other.newPage();
    await page2.goto(`${base}${shared.pathname}${shared.search}`);
    await expect.poll(() => page2.locator('[data-saved-list]').getAttribute('data-ready')).toBe('2');
    expect(await page2.locator('.saved-list h2').allTextContents()).toEqual([a.name, b.name]);
    expect(await page2.locator('[data-shared]').isVisible()).toBe(true);
    expect(await page2.evaluate(() => localStorage.getItem('nakano-clinic-db:saved'))).toBeNull();
    await other.close();

    // Printed, it is a 紹介先リスト with each facility's QR code, drawn when it is printed (not before the list is readable).
    expect(await page.locator('.saved-list .qr svg').count()).toBe(0);
    await page.locator('[data-saved-list][data-qr="ready"]').waitFor({ state: 'attached' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.saved-list .qr svg').count()).toBe(2);
    expect(await page.locator('.print-title').isVisible()).toBe(true);
    expect(await page.locator('.saved-list .qr svg').first().getAttribute('aria-label')).toBe(a.name);
    await page.emulateMedia({ media: 'screen' });

    // Removing from the list page takes it off the stored list too.
    await page.goto(`${base}/list/`);
    await expect.poll(() => page.locator('[data-saved-list]').getAttribute('data-ready')).toBe('2');
    await page.getByRole('button', { name: '外す' }).first().click();
    await expect.poll(() => page.locator('[data-saved-list]').getAttribute('data-ready')).toBe('1');
    expect(await page.evaluate(() => localStorage.getItem('nakano-clinic-db:saved'))).toBe(JSON.stringify([b.id]));
    await ctx.close();
  });

  it('「保存」 on a search result saves that facility, and the facility page knows it', async () => {
    const ctx = await browser.newContext({ locale: 'ja-JP', bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(`${base}/search/?q=${encodeURIComponent('眼科')}`);
    await page.waitForFunction(() => /検索結果 \d+ 件/.test(document.getElementById('search-status')?.textContent ?? ''));
    const first = page.locator('#search-results > li').first();
    const href = await first.locator('p:first-child a').getAttribute('href');
    const id = /^\/facilities\/([^/]+)\/$/.exec(href ?? '')?.[1];
    expect(id).toBeTruthy();
    const save = first.getByRole('button', { name: '保存', exact: true });
    // Read with the facility's name: one button per result.
    expect(await save.getAttribute('aria-describedby')).toBe(`result-${id}`);
    await save.click();
    await expect.poll(() => first.locator('button').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => localStorage.getItem('nakano-clinic-db:saved'))).toBe(JSON.stringify([id]));
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}${href}`);
    await expect.poll(() => page.locator('[data-save] button').getAttribute('aria-pressed')).toBe('true');
    await ctx.close();
  });
});
