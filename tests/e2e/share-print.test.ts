/**
 * Sharing and printing a facility page in Chromium (issue 14): without the Web Share API (desktop Linux) the
 * button copies the page's canonical link; the print layout of the longest facility page of the directory and of
 * the hours fixtures fits one A4 sheet and carries the QR code.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { hoursFixtureSite } from '../setup/fixture-sites.ts';

const base = inject('baseUrl');
const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, process.env['DIST_DIR'] ?? 'dist');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Pages in a PDF that Chromium wrote: its page objects (`/Type /Page`, not `/Pages`). */
const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('share and print', () => {
  it('without the Web Share API the button copies the canonical link, and says so', async () => {
    const ctx = await browser.newContext({ locale: 'ja-JP' });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await ctx.newPage();
    const [first] = (await (await fetch(`${base}/corrections/facilities.json`)).json()) as { id: string }[];
    await page.goto(`${base}/facilities/${first!.id}/`);
    expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined');
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    await page.getByRole('button', { name: 'リンクをコピー' }).click();
    await expect.poll(() => page.locator('[data-share] [role="status"]').textContent()).toBe('リンクをコピーしました');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
    await ctx.close();
  });

  it('shows no share button without JavaScript (nothing that does nothing)', async () => {
    const ctx = await browser.newContext({ locale: 'ja-JP', javaScriptEnabled: false });
    const page = await ctx.newPage();
    const [first] = (await (await fetch(`${base}/corrections/facilities.json`)).json()) as { id: string }[];
    await page.goto(`${base}/facilities/${first!.id}/`);
    expect(await page.locator('[data-share]').isHidden()).toBe(true);
    await ctx.close();
  });

  /** The facility page of `site` with the most HTML (the styles are inlined in each page, so it prints alone). */
  const longestPage = (site: string): string => {
    const dir = path.join(root, site, 'facilities');
    const [longest] = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && statSync(path.join(dir, d.name)).isDirectory() && d.name !== 'page')
      .map((d) => path.join(dir, d.name, 'index.html'))
      .sort((a, b) => statSync(b).size - statSync(a).size);
    return longest!;
  };

  it.each([
    ['the directory', async () => path.relative(root, dist)],
    ['the hours fixtures (several schedules, closures, notes)', hoursFixtureSite],
  ])('prints the longest facility page of %s on one A4 sheet, with its QR code', async (_label, site) => {
    const ctx = await browser.newContext({ locale: 'ja-JP', javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.setContent(readFileSync(longestPage(await site()), 'utf8'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.qr-block .qr svg').isVisible()).toBe(true);
    expect(await page.locator('#en-summary').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdfPages(pdf)).toBe(1);
    await ctx.close();
  });
});
