/**
 * The forms in Chromium, as a resident uses them: with JavaScript (inline errors, focus on the summary,
 * then the confirmation page) and with JavaScript disabled (plain POST, the function's error page, 303 to
 * the confirmation page). Also: no inline script on the form pages (CSP script-src 'self').
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIN_FILL_SECONDS } from '../../functions/_lib/form-token.ts';
import { launchChromium } from '../../scripts/lib/browser.ts';

const base = inject('baseUrl');
/**
 * Without JavaScript the form token refuses a submission sent sooner than MIN_FILL_SECONDS after the page
 * was served (a person takes longer); Playwright types in milliseconds, so these tests wait like a person.
 */
const MIN_FILL_MS = MIN_FILL_SECONDS * 1000 + 300;
let browser: Browser;
let n = 0;
const email = () => `e2e-${process.pid}-${Date.now()}-${n++}@example.test`;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('forms in Chromium', () => {
  it('form pages carry no inline script', async () => {
    const [first] = (await (await fetch(`${base}/corrections/facilities.json`)).json()) as { id: string }[];
    for (const p of ['/contact/', '/corrections/', '/data-request/', '/en/data-request/', `/update/?facility=${first!.id}`]) {
      const html = await (await fetch(`${base}${p}`)).text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      for (const [, attrs, body] of scripts) {
        // Data blocks (JSON-LD, the update form's current hours) are not run.
        if (/type="application\/(?:ld\+)?json"/.test(attrs ?? '')) continue;
        expect(attrs, p).toMatch(/src="\/_astro\//);
        expect(body?.trim(), p).toBe('');
      }
    }
  });

  it('with JavaScript: inline errors, then the confirmation page with the request id', async () => {
    const ctx = await browser.newContext({ locale: 'ja-JP', extraHTTPHeaders: { 'CF-Connecting-IP': '192.0.2.10' } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(`${base}/contact/`);
    await page.getByRole('button', { name: '送信する' }).click();
    // Validated in the page, before anything is sent.
    const summary = page.locator('[data-form-errors]');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toContain('件の問題があります');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-form-errors'))).toBe(true);
    expect(await page.locator('#err-email').textContent()).toBe('入力してください。');
    expect(await page.locator('#f-email').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('お名前').fill('架空 ブラウザ');
    await page.getByLabel('メールアドレス').fill('not-an-email');
    await page.getByLabel('お問い合わせ内容').fill('ブラウザからの架空の問い合わせです。');
    await page.getByLabel('プライバシーポリシーに同意します').check();
    await page.getByRole('button', { name: '送信する' }).click();
    await expect.poll(() => page.locator('#err-email').textContent()).toContain('メールアドレスの形が正しくありません');

    await page.getByLabel('メールアドレス').fill(email());
    await Promise.all([page.waitForURL(/\/contact\/thanks\/\?id=C-/), page.getByRole('button', { name: '送信する' }).click()]);
    const id = new URL(page.url()).searchParams.get('id');
    expect(await page.locator('[data-request-id]').textContent()).toBe(id);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('without JavaScript: the server shows the errors, then a plain POST lands on the confirmation page', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP', extraHTTPHeaders: { 'CF-Connecting-IP': '192.0.2.11' } });
    const page = await ctx.newPage();
    const list = (await (await fetch(`${base}/corrections/facilities.json`)).json()) as { id: string; name: string }[];
    const f = list[2]!;
    await page.goto(`${base}/corrections/?facility=${f.id}`);
    expect(await page.locator('#f-facility').inputValue()).toBe(f.id);
    await page.locator('#f-field').selectOption('phone');
    await page.getByLabel('正しい内容').fill('03-0000-0000（架空）');
    await page.getByLabel('根拠').fill('<b>院内掲示</b>');
    await page.getByLabel('プライバシーポリシーに同意します').check();
    await page.getByRole('button', { name: '修正を依頼する' }).click();
    // The function answered 422 with this form again: the error beside the field, the entries kept.
    expect(await page.locator('#err-evidence').textContent()).toBe('HTML タグやスクリプトは入力できません。');
    expect(await page.locator('#f-proposed').inputValue()).toBe('03-0000-0000（架空）');
    expect(await page.locator('#f-facility').inputValue()).toBe(f.id);
    await page.getByLabel('根拠').fill('院内の掲示で確認（架空）');
    await page.getByLabel('プライバシーポリシーに同意します').check();
    await page.waitForTimeout(MIN_FILL_MS); // the returned page carries a fresh form token
    await page.getByRole('button', { name: '修正を依頼する' }).click();
    await page.waitForURL(/\/corrections\/thanks\/\?id=R-/);
    const id = new URL(page.url()).searchParams.get('id');
    expect(await page.locator('[data-request-id]').textContent()).toBe(id);
    await ctx.close();
  });

  it('without JavaScript, in English: a data request reaches its confirmation page', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB', extraHTTPHeaders: { 'CF-Connecting-IP': '192.0.2.12' } });
    const page = await ctx.newPage();
    await page.goto(`${base}/en/data-request/`);
    await page.locator('#f-type').check(); // 開示 / Disclosure, the first right
    await page.getByLabel('Your name').fill('Fictional Hanako');
    await page.getByLabel('Email address').fill(email());
    await page.getByLabel('The person concerned', { exact: true }).check();
    await page.getByLabel('I agree to the privacy policy').check();
    await page.waitForTimeout(MIN_FILL_MS);
    await page.getByRole('button', { name: 'Send the request' }).click();
    await page.waitForURL(/\/en\/data-request\/thanks\/\?id=D-/);
    expect(await page.locator('h1').textContent()).toContain('please check your email');
    expect(await page.locator('[data-request-id]').textContent()).toMatch(/^D-\d{8}-/);
    await ctx.close();
  });
});
