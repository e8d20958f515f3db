/**
 * A clinic edits its hours on a phone in Chromium (issue 13): the form opens pre-filled from the facility page's
 * link, the hours editor adds slots and a 第2・第4土曜 closure by touch and keyboard, the live preview (the
 * facility page's own hours engine) says what the page will show, the form is sent, the confirmation link from
 * the mail is opened and confirmed, and the pull request appears on the GitHub fake.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIN_FILL_SECONDS } from '../../functions/_lib/form-token.ts';
import { launchChromium } from '../../scripts/lib/browser.ts';
import type { FakePull } from '../../scripts/lib/fakes/github-repo.ts';
import { FacilitySchema } from '../../src/lib/schema/index.ts';
import { control, eventually, mailsTo } from '../functions/forms-helpers.ts';
import { axeViolations } from '../setup/axe.ts';

const base = inject('baseUrl');
const root = path.resolve(import.meta.dirname, '../..');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the update form in Chromium', () => {
  it('a clinic edits its hours on a phone, previews, sends, confirms from the mail, and the PR appears', async () => {
    const list = (await (await fetch(`${base}/corrections/facilities.json`)).json()) as { id: string; name: string }[];
    const f = list[40]!;
    const file = `content/facilities/${f.id}.yaml`;
    await control('github-issues', '/_control/repo/files', { files: { [file]: readFileSync(path.join(root, file), 'utf8') } });
    const email = `e2e-update-${process.pid}-${Date.now()}@example.test`;

    const ctx = await browser.newContext({
      locale: 'ja-JP',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      // axe is injected as a script; the page's own CSP is tested in forms.test.ts.
      bypassCSP: true,
      extraHTTPHeaders: { 'CF-Connecting-IP': '192.0.2.77' },
    });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // From the facility page's link.
    await page.goto(`${base}/facilities/${f.id}/`);
    await page.getByRole('link', { name: '掲載情報を更新する（医療機関の方）' }).first().click();
    await page.waitForURL(`**/update/?facility=${f.id}`);
    expect(await page.locator('[data-facility-name]').textContent()).toBe(f.name);
    expect(await page.locator('[data-hours-nojs]').isHidden()).toBe(true);

    // No hours yet: add the first slot, then a second one, by touch.
    await page.getByRole('button', { name: '時間帯を追加' }).tap();
    const slot1 = page.locator('[data-slot]').nth(0);
    // The new slot's first field has the focus, so a keyboard user goes straight on.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('time');
    await slot1.getByLabel('終了', { exact: true }).fill('12:30');
    await slot1.getByLabel('名前（例: 午前）').fill('午前');
    await page.getByRole('button', { name: '時間帯を追加' }).tap();
    const slot2 = page.locator('[data-slot]').nth(1);
    await slot2.getByLabel('開始', { exact: true }).fill('15:00');
    await slot2.getByLabel('終了', { exact: true }).fill('18:30');
    await slot2.getByLabel('受付終了（違うとき）').fill('18:00');
    // Wednesday afternoon off: untick 水 in the second slot, by keyboard.
    await slot2.getByLabel('水曜').focus();
    await page.keyboard.press('Space');
    // Saturday mornings, except the 2nd and 4th Saturday.
    await slot1.getByLabel('土曜').check();
    await page.getByRole('button', { name: '第N週の休診を追加' }).tap();

    const summary = page.locator('[data-hours-summary]');
    await expect.poll(() => summary.textContent()).toContain('月 9:00〜12:30, 15:00〜18:30');
    expect(await summary.textContent()).toContain('水 9:00〜12:30 /');
    expect(await summary.textContent()).toContain('日 休診');
    expect(await page.locator('.hours-preview .hours-notes').textContent()).toContain('第2・第4土曜は休診');
    // The preview's table is the facility page's: the 土 cell of the morning row is "some weeks".
    expect(await page.locator('.hours-preview tbody tr').first().locator('td').nth(5).getAttribute('class')).toBe('some-weeks');

    await page.getByLabel('電話番号（公表用）').fill('03-5555-0777');
    await page.getByLabel('お名前').fill('架空 受付');
    await page.getByLabel('施設でのお立場').fill('受付（架空）');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('折り返しの電話番号').fill('090-7777-0000');
    await page.getByLabel('プライバシーポリシーに同意します').check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '確認のメールを送る' }).tap();
    await page.waitForURL('**/update/thanks/?id=U-*');
    const id = new URL(page.url()).searchParams.get('id')!;
    expect(await page.locator('[data-request-id]').first().textContent()).toBe(id);

    // The confirmation link from the mail, opened on the phone: a page with a button.
    const ack = await eventually(async () => (await mailsTo(email)).find((m) => m.text.includes('/update/verify/?token=')));
    const link = /(http\S+\/update\/verify\/\?token=\S+)/.exec(ack!.text)![1]!;
    await page.goto(`${base}${link.replace(/^https?:\/\/[^/]+/, '')}`);
    await page.getByRole('button', { name: '確認する' }).tap();
    await page.waitForURL(`**/update/verified/?id=${id}`);
    expect(await page.locator('h1').textContent()).toBe('確認できました');

    const pr = await eventually(async () =>
      ((await control('github-issues', '/_control/repo')) as { pulls: FakePull[] }).pulls.find((p) =>
        p.head.startsWith(`self-service/facility-update/${f.id}/`),
      ),
    );
    expect(pr?.labels).toEqual(['facility-update']);
    const branches = ((await control('github-issues', '/_control/repo')) as { branches: Record<string, Record<string, string>> }).branches;
    const data = FacilitySchema.parse(parse(branches[pr!.head]![file]!));
    expect(data.contact.phone).toBe('03-5555-0777');
    expect(data.hours?.schedules[0]?.slots).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], open: '09:00', close: '12:30', label: '午前' },
      { days: ['mon', 'tue', 'thu', 'fri'], open: '15:00', close: '18:30', receptionClose: '18:00' },
    ]);
    expect(data.hours?.nthWeekClosures).toEqual([{ weeks: [2, 4], day: 'sat' }]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('without JavaScript: the simple fields are sent as a plain form; a refusal comes back with the field named in Japanese', async () => {
    const list = (await (await fetch(`${base}/corrections/facilities.json`)).json()) as { id: string }[];
    const f = list[41]!;
    const ctx = await browser.newContext({ locale: 'ja-JP', javaScriptEnabled: false, extraHTTPHeaders: { 'CF-Connecting-IP': '192.0.2.78' } });
    const page = await ctx.newPage();
    await page.goto(`${base}/update/?facility=${f.id}`);
    expect(await page.locator('[data-hours-nojs]').isVisible()).toBe(true);
    await page.getByLabel('電話番号（公表用）').fill('0355550778');
    await page.getByLabel('お名前').fill('架空 受付');
    await page.getByLabel('施設でのお立場').fill('受付（架空）');
    await page.getByLabel('メールアドレス').fill(`e2e-nojs-${process.pid}-${Date.now()}@example.test`);
    await page.getByLabel('折り返しの電話番号').fill('090-7777-0001');
    await page.getByLabel('プライバシーポリシーに同意します').check();
    // The form token refuses a submission faster than a person could fill the form.
    await page.waitForTimeout(MIN_FILL_SECONDS * 1000 + 300);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/facility-updates'));
    await page.getByRole('button', { name: '確認のメールを送る' }).click();
    expect((await refused).status()).toBe(422);
    expect(await page.locator('#err-publicPhone').textContent()).toMatch(/^電話番号（公表用）: 電話番号は半角数字とハイフンで/);
    expect(await page.getByLabel('電話番号（公表用）').inputValue()).toBe('0355550778');
    await page.getByLabel('電話番号（公表用）').fill('03-5555-0778');
    await page.getByLabel('プライバシーポリシーに同意します').check();
    await page.waitForTimeout(MIN_FILL_SECONDS * 1000 + 300);
    await page.getByRole('button', { name: '確認のメールを送る' }).click();
    await page.waitForURL('**/update/thanks/?id=U-*');
    await ctx.close();
  });
});
