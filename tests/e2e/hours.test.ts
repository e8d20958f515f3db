/**
 * The facility page's hours in Chromium: the 「診療中」 badge computed in a browser whose clock is frozen
 * and whose time zone is New York (so Tokyo's day differs from the browser's), the table without
 * JavaScript, and no inline script (CSP script-src 'self').
 * A second fictional facility has no hours: the page says 「未登録」 instead, and marks its derived values 推定.
 * Serves the fixture site (tests/fixtures/hours, fictional 架空 facilities; tests/setup/fixture-sites.ts)
 * with wrangler pages dev.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../src/lib/util/holidays.ts';
import { addDays, nthWeekdayOfMonth, toJst, weekdayOf } from '../../src/lib/util/jst.ts';
import { hoursFixtureSite, serveInChromium, type ServedSite } from '../setup/fixture-sites.ts';

const PAGE = '/facilities/f-kakuu-hours/';
/** No hours; 種別, 診療科 and 最寄り駅 are derived (tests/fixtures/hours/facilities/f-kakuu-mitouroku.yaml). */
const NO_HOURS_PAGE = '/facilities/f-kakuu-mitouroku/';
describe('hours on the facility page (Chromium, America/New_York)', () => {
  let site: ServedSite;
  beforeAll(async () => {
    site = await serveInChromium(await hoursFixtureSite(), 9100 + Math.floor(Math.random() * 300), { ...process.env, TZ: 'America/New_York' });
  }, 180_000);
  afterAll(() => site?.close());

  async function statusAt(iso: string) {
    const page = await site.browser.newPage({ locale: 'ja-JP' });
    const errors: string[] = [];
    // Script errors and CSP refusals count; a missing favicon does not.
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.clock.setFixedTime(new Date(iso));
    await page.goto(site.url + PAGE);
    // The page has the Japanese block and an English summary (section[lang=en]), each with a badge.
    const badge = page.locator('[data-open-status][data-lang="ja"]');
    const en = page.locator('[data-open-status][data-lang="en"]');
    await badge.waitFor({ state: 'visible' });
    const result = {
      headline: (await badge.locator('strong').textContent())?.trim(),
      detail: (await badge.locator('span').textContent())?.trim(),
      en: (await en.count()) > 0 ? (await en.locator('strong').textContent())?.trim() : undefined,
      offset: await page.evaluate(() => new Date().getTimezoneOffset()),
      zone: await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
      errors,
    };
    await page.close();
    return result;
  }

  // Moments after the build: the page carries the holidays of the two years after its build date, and
  // before that range the badge stays hidden rather than guess. Dates are found from today, in Tokyo.
  const today = toJst(Date.now()).date;
  const isHoliday = (d: string) => holidayCalendar.isHoliday(d);
  const find = (ok: (d: string) => boolean) => {
    for (let i = 3; i < 400; i++) if (ok(addDays(today, i))) return addDays(today, i);
    throw new Error('no date found');
  };
  const quiet = (d: string) => !/-08-1[3-6]$/.test(d) && !isHoliday(d);
  const holidayMonday = find((d) => weekdayOf(d) === 1 && isHoliday(d) && quiet(addDays(d, -1)) && !/-08-1[3-6]$/.test(d));
  const tuesday = find((d) => weekdayOf(d) === 2 && quiet(d));
  const secondSaturday = find((d) => weekdayOf(d) === 6 && nthWeekdayOfMonth(d) === 2 && quiet(d) && quiet(addDays(d, 1)) && quiet(addDays(d, 2)));
  const friday = find((d) => weekdayOf(d) === 5 && quiet(d));
  const obon = find((d) => d.endsWith('-08-14'));
  const cases: [string, string, string, string][] = [
    // A holiday Monday: 内科 closed, 小児科 holiday hours. In New York it is still Sunday evening.
    ['holiday Monday 10:00', `${holidayMonday}T10:00:00+09:00`, '診療中', '受付は 12:00 まで'],
    // Tuesday: 内科 reception until 12:15 → 15 minutes left.
    ['Tuesday 12:00', `${tuesday}T12:00:00+09:00`, 'まもなく受付終了', '受付は 12:15 まで'],
    // The Sunday before the holiday Monday.
    ['Sunday before a holiday', `${addDays(holidayMonday, -1)}T10:00:00+09:00`, '本日休診', '次の診療: 明日 9:00'],
    // 第2土曜 closed; Monday, 内科 reception opens 8:45.
    ['2nd Saturday', `${secondSaturday}T10:00:00+09:00`, '本日休診', '次の診療: 月曜 9:00（受付 8:45〜）'],
    // Friday 18:30 Tokyo (early morning in New York): 内科 done, 小児科 evening slot at 19:00.
    ['Friday 18:30', `${friday}T18:30:00+09:00`, '次の診療: 本日 19:00', ''],
    // お盆 (a yearly closure).
    ['お盆', `${obon}T10:00:00+09:00`, '本日休診（夏季休診）', '次の診療: '],
  ];

  it.each(cases)('%s (%s Tokyo time) says %s', async (name, iso, headline, detail) => {
    const s = await statusAt(iso);
    expect(s.zone).toBe('America/New_York');
    expect([240, 300]).toContain(s.offset);
    expect(s.headline).toBe(headline);
    if (detail.endsWith(': ')) expect(s.detail).toMatch(/^次の診療: \S+/);
    else expect(s.detail).toBe(detail);
    expect(s.errors, s.errors.join('\n')).toEqual([]);
    if (name === 'holiday Monday 10:00' && s.en !== undefined) expect(s.en).toBe('Open now');
  });

  it('without JavaScript the table alone tells the hours, and the badge stays hidden', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(site.url + PAGE);
    expect(await page.locator('[data-open-status][data-lang="ja"]').isVisible()).toBe(false);
    const ja = page.locator('.hours').first();
    const tables = ja.locator('table.hours-table');
    expect(await tables.count()).toBe(2);
    expect(await tables.nth(0).locator('caption').textContent()).toBe('内科');
    const firstRow = tables.nth(0).locator('tbody tr').first();
    expect(await firstRow.locator('th').innerText()).toMatch(/午前\s*9:00〜12:30\s*受付 8:45〜12:15/);
    // 月 ○, 水 ／ (内科 has no Wednesday), 土 △ (第2・第4土曜休診), 祝 ／ (closed on holidays).
    const cells = await firstRow.locator('td span[aria-hidden]').allTextContents();
    expect(cells).toEqual(['○', '○', '／', '○', '○', '△', '／', '／']);
    // 小児科's 祝日 row: open only in the 祝 column.
    const holidayRow = tables.nth(1).locator('tbody tr', { hasText: '祝日' });
    expect(await holidayRow.locator('td span[aria-hidden]').allTextContents()).toEqual(['／', '／', '／', '／', '／', '／', '／', '○']);
    const notes = await ja.locator('.hours-notes').innerText();
    expect(notes).toContain('第2・第4土曜は休診');
    expect(notes).toContain('毎年 8月13日〜8月16日 は休診（夏季休診）');
    expect(notes).toContain('予防接種は予約制です');
    expect(await ja.locator('.closures').innerText()).toContain('2030年12月29日〜2031年1月3日 年末年始');
    await context.close();
  });

  it('says 「未登録」 in both languages for a facility without hours, with a link to add them, and no table or badge', async () => {
    const page = await site.browser.newPage({ locale: 'ja-JP' });
    await page.goto(site.url + NO_HOURS_PAGE);
    const ja = page.locator('h2#hours + .callout');
    expect(await ja.innerText()).toMatch(/^未登録: 診療時間は未登録です。/);
    expect(await ja.getByRole('link', { name: '情報の修正を依頼' }).getAttribute('href')).toBe('/corrections/?facility=f-kakuu-mitouroku&field=hours');
    expect(await page.locator('section[lang="en"] .callout').innerText()).toMatch(/^not registered: Opening hours are not registered yet\./);
    expect(await page.locator('table.hours-table').count()).toBe(0);
    expect(await page.locator('[data-open-status]').count()).toBe(0);
    // The facility with hours does not say 未登録 about them.
    await page.goto(site.url + PAGE);
    expect(await page.getByText('診療時間は未登録です').count()).toBe(0);
    await page.close();
  });

  it('marks derived values 推定 next to each of them, and nothing on a facility whose values are confirmed', async () => {
    const page = await site.browser.newPage({ locale: 'ja-JP' });
    await page.goto(site.url + NO_HOURS_PAGE);
    const badges = {
      kind: page.locator('.badge.kind + .badge.derived'),
      departments: page.locator('dd:has(> a[href="/departments/01001/"]) > .badge.derived'),
      stations: page.locator('h2#access + dl .badge.derived'),
    };
    for (const [field, badge] of Object.entries(badges)) {
      expect(await badge.count(), field).toBe(1);
      expect(await badge.innerText(), field).toMatch(/^推定/);
    }
    expect(await page.locator('.badge.derived').count()).toBe(Object.keys(badges).length);
    await page.goto(site.url + PAGE);
    expect(await page.locator('.badge.derived').count()).toBe(0);
    await page.close();
  });

  it('ships no inline script (CSP script-src self)', async () => {
    const html = await (await fetch(site.url + PAGE)).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      if (/type="application\/ld\+json"/.test(attrs!)) continue;
      expect(attrs).toMatch(/\bsrc="\/_astro\//);
      expect(body!.trim()).toBe('');
    }
  });
});
