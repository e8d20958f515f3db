/**
 * Staff profiles in Chromium, on the demo site (tests/fixtures/demo, 架空) served by wrangler pages dev: a resident
 * searches 「腹部超音波」, finds the facilities and the staff, opens a facility, then a profile; the skill filter
 * narrows the results; the new page types have no serious axe violations; a profile reads with JavaScript off.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../setup/axe.ts';
import { demoFixtureSite, serveInChromium, type ServedSite } from '../setup/fixture-sites.ts';

describe('staff profiles in Chromium (demo site, 架空)', () => {
  let site: ServedSite;
  beforeAll(async () => {
    site = await serveInChromium(await demoFixtureSite(), 9400 + Math.floor(Math.random() * 300));
  }, 240_000);
  afterAll(() => site?.close());

  const results = (page: Page) => page.locator('#search-results li a').allInnerTexts();

  it('search 「腹部超音波」 → a facility → a profile', async () => {
    const page = await site.browser.newPage({ locale: 'ja-JP' });
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('腹部超音波')}`);
    await expect.poll(() => results(page), { timeout: 20_000 }).toContain('架空なかの内科クリニック');
    const names = await results(page);
    for (const n of ['架空中野総合病院', '架空 一郎', '架空 花子', '架空 奈々', '架空 十一']) expect(names).toContain(n);
    // Nobody at the skin clinic does abdominal ultrasound.
    expect(names).not.toContain('架空沼袋ひふ科');
    await page.locator('#search-results li a', { hasText: '架空なかの内科クリニック' }).click();
    await page.waitForURL('**/facilities/kakuu-nakano-naika/');
    await expect.poll(() => page.locator('section[aria-labelledby="staff-ja"]').innerText()).toContain('腹部超音波（担当 3 名）');
    await page.locator('section[aria-labelledby="staff-ja"] a', { hasText: '架空 一郎' }).click();
    await page.waitForURL('**/people/kakuu-ichiro/');
    expect(await page.locator('h1').innerText()).toBe('架空 一郎');
    expect(await page.locator('#qualifications + ul').innerText()).toContain('公的な名簿で確認済み');
    expect(await page.locator('#qualifications-en + ul').innerText()).toContain('Checked in a public register');
    await page.close();
  }, 60_000);

  it('narrows by skill and by 職種, and finds a person by a qualification', async () => {
    const page = await site.browser.newPage({ locale: 'ja-JP' });
    await page.goto(`${site.url}/search/?skill=${encodeURIComponent('心臓超音波')}`);
    await expect.poll(() => results(page), { timeout: 20_000 }).toEqual(expect.arrayContaining(['架空中野総合病院', '架空なかの内科クリニック', '架空 花子']));
    expect(await results(page)).toHaveLength(3);
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('腹部超音波')}&prof=${encodeURIComponent('臨床検査技師')}`);
    await expect.poll(() => results(page), { timeout: 20_000 }).toContain('架空 奈々');
    expect(await results(page)).not.toContain('架空 一郎');
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('循環器専門医')}`);
    await expect.poll(() => results(page), { timeout: 20_000 }).toContain('架空 花子');
    await page.close();
  }, 60_000);

  it('has no serious axe violations on the new page types, in both languages', async () => {
    const ctx = await site.browser.newContext({ bypassCSP: true, locale: 'ja-JP' });
    const page = await ctx.newPage();
    const found: string[] = [];
    for (const p of [
      '/people/',
      '/people/kakuu-hanako/',
      '/skills/',
      '/skills/abdominal-ultrasound/',
      '/qualifications/',
      '/qualifications/q103/',
      '/facilities/kakuu-nakano-naika/',
      '/en/people/kakuu-ichiro/',
      '/en/skills/',
    ]) {
      await page.goto(site.url + p);
      for (const v of await axeViolations(page)) found.push(`${p} ${v}`);
    }
    expect(found).toEqual([]);
    await ctx.close();
  }, 120_000);

  it('keeps a facility page’s QR code hidden on screen until asked for by keyboard, and prints it', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/facilities/kakuu-nakano-naika/`);
    const qr = page.locator('main > .qr-block figure.qr');
    expect(await qr.isVisible()).toBe(false);
    await page.locator('#qr-ja').focus();
    await page.keyboard.press('Space');
    expect(await qr.isVisible()).toBe(true);
    await page.keyboard.press('Space');
    await page.emulateMedia({ media: 'print' });
    expect(await qr.isVisible()).toBe(true);
    expect(await page.locator('label[for="qr-ja"]').isVisible()).toBe(false);
    await ctx.close();
  }, 60_000);

  it('reads a profile with JavaScript off, and reaches every link by keyboard', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/people/kakuu-hanako/`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('循環器専門医');
    expect(text).toContain('非常勤');
    expect(text).toContain('認定期間終了（2020-03-31）');
    // Tab from the top reaches the first skill link.
    const skill = page.locator('#skills + ul a').first();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await skill.evaluate((a) => a === document.activeElement);
    }
    expect(reached).toBe(true);
    await ctx.close();
  }, 60_000);
});
