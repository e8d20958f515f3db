/**
 * A clinic editor in /admin, end to end in Chromium, against the local backend the way `npm start` runs it:
 * decap-server in git mode on a temporary git copy of the fictional fixtures (tests/fixtures/cms, every
 * facility 架空), the site built from that copy and served by `wrangler pages dev`. The editor edits the hours
 * and phone of a facility, creates a facility, moves both through the editorial workflow
 * (下書き → レビュー中 → 準備完了 → 公開), and sees invalid values refused in Japanese. Then the written files
 * are checked with the schema and the site is rebuilt once to show the change. The real content/ is never touched.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { freePort, offlineEnv, startPagesDev, type PagesDev } from '../../scripts/lib/dev-server.ts';
import { checkContent } from '../../src/lib/check/check-content.ts';
import { todayInTokyo } from '../../src/lib/util/facility-edit.ts';
import type { Facility } from '../../src/lib/schema/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'nakano-cms-e2e-'));
const repo = path.join(work, 'repo');
const dist = path.join(work, 'dist');
let decapServer: ChildProcess;
let site: PagesDev;
let browser: Browser;
let page: Page;
let decapUrl: string;

const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });

/** Build the site from the temporary copy (the only build besides the one rebuild at the end). */
function buildSite() {
  const r = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...offlineEnv,
      CONTENT_DIR: path.join(repo, 'content'),
      DIST_DIR: dist,
      ASTRO_CACHE_DIR: path.join(root, 'node_modules/.astro-cms-e2e'),
      DECAP_LOCAL_BACKEND_URL: `${decapUrl}/api/v1`,
    },
  });
  if (r.status !== 0) throw new Error(`astro build failed:\n${r.stdout}\n${r.stderr}`);
}

const readFacility = (id: string) => parseYaml(readFileSync(path.join(repo, 'content/facilities', `${id}.yaml`), 'utf8')) as Facility;

beforeAll(async () => {
  cpSync(path.join(root, 'tests/fixtures/cms/content'), path.join(repo, 'content'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'cms-e2e@example.invalid');
  git('config', 'user.name', 'CMS e2e');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixtures');
  const decapPort = await freePort();
  decapUrl = `http://localhost:${decapPort}`;
  decapServer = spawn(path.join(root, 'node_modules/.bin/decap-server'), [], {
    cwd: repo,
    env: { ...process.env, MODE: 'git', GIT_REPO_DIRECTORY: repo, BIND_HOST: '127.0.0.1', PORT: String(decapPort), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  buildSite();
  site = await startPagesDev({ port: await freePort(), persistTo: path.join(work, 'state'), dir: dist });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${site.url}/admin/`);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByText('医療機関').first().waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  decapServer?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

async function openEntry(hash: string) {
  // A fresh page load: the editor of the previous entry must not still be on screen.
  await page.goto('about:blank');
  await page.goto(`${site.url}/admin/#/collections/${hash}`);
  await page.getByText('保存').first().waitFor();
}

/** A form field by its label; optional fields' labels end in 「 (任意)」. */
const field = (label: string, index = 0) => page.getByLabel(new RegExp(`^${label.replace(/[()（）]/g, (c) => `\\${c}`)}(?: \\(任意\\))?$`)).nth(index);

/** Pick options in a Decap select (react-select) by typing their labels. */
async function choose(label: string, index: number, ...options: string[]) {
  const input = field(label, index);
  for (const o of options) {
    await input.fill(o);
    await page.getByRole('option', { name: o, exact: true }).click();
  }
}

/** Replace a text field's value the way a person does: select all, type. */
async function type(label: string, value: string, index = 0) {
  const input = field(label, index);
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(value);
}

async function save() {
  await page.getByRole('button', { name: '保存', exact: true }).click();
}

/**
 * 下書き → レビュー中 → 準備完了 → 公開, as a reviewer does after reading the pull request. Publishing is done when
 * the entry's cms/* branch is merged and gone, which is waited for in the repository itself: the 「公開しました。」
 * notice closes by itself, and on a busy machine it could close before a check for it ran (seen once in CI).
 */
async function publish() {
  await page.getByText('保存済').waitFor();
  for (const status of ['レビュー中', '準備完了']) {
    await page.getByRole('button', { name: /^ステータス/ }).click();
    await page.getByRole('menuitem', { name: status }).click();
    await page.getByText('エントリのステータスを更新しました。').first().waitFor();
  }
  await page.getByRole('button', { name: '公開', exact: true }).click();
  await page.getByRole('menuitem', { name: '公開する' }).click();
  await expect.poll(() => git('branch', '--list', 'cms/*').stdout.trim(), { timeout: 60_000, interval: 250 }).toBe('');
}

describe('editing through /admin (local backend, editorial workflow)', () => {
  it('opens in Japanese with the facilities of the repository', async () => {
    await page.goto(`${site.url}/admin/#/collections/facilities`);
    await page.getByText('架空内科クリニック（kakuu-naika）').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await expect(page.getByText('コレクション', { exact: true }).first().isVisible()).resolves.toBe(true);
  });

  it('refuses a phone number of letters in the form, in Japanese', async () => {
    await openEntry('facilities/entries/kakuu-naika');
    await type('電話番号', 'でんわ');
    await save();
    await page.getByText('電話番号: 電話番号は半角数字とハイフンで書いてください（例: 03-1234-5678）').waitFor();
    expect(git('branch', '--list', 'cms/*').stdout.trim()).toBe('');
  });

  it('refuses an end time before the start when saving, naming the field', async () => {
    await type('電話番号', '03-0000-0002');
    await page.getByRole('button', { name: '診療時間の表を追加' }).click();
    await page.getByRole('button', { name: '時間帯を追加' }).click();
    await choose('曜日', 0, '月');
    await field('開始', 0).fill('15:00');
    await field('終了', 0).fill('12:30');
    await save();
    await page.getByText('「診療時間 › 診療時間の表 1 › 時間帯 1 › 終了」終了時刻（12:30）が開始時刻（15:00）より前です').waitFor();
    expect(git('branch', '--list', 'cms/*').stdout.trim()).toBe('');
  });

  it('enters 「月火木金 9:00–12:30, 15:00–18:30, 水土 9:00–12:30, 第2土曜休診」 and a new phone, and publishes it', async () => {
    await choose('曜日', 0, '火', '木', '金');
    await field('開始', 0).fill('09:00');
    await field('終了', 0).fill('12:30');
    await page.getByRole('button', { name: '時間帯を追加' }).click();
    await choose('曜日', 1, '月', '火', '木', '金');
    await field('開始', 1).fill('15:00');
    await field('終了', 1).fill('18:30');
    await page.getByRole('button', { name: '時間帯を追加' }).click();
    await choose('曜日', 2, '水', '土');
    await field('開始', 2).fill('09:00');
    await field('終了', 2).fill('12:30');
    await page.getByRole('button', { name: '第◯週の休診を追加' }).click();
    await choose('週', 0, '第2');
    await choose('曜日', 3, '土曜日');
    // The preview renders the entry like the public page: the weekly table with its rows.
    const preview = page.locator('iframe').first().contentFrame();
    await preview.getByText('9:00〜12:30').waitFor();
    await expect(preview.getByText('第2土曜は休診').count()).resolves.toBe(1);
    await save();
    // Saved as a draft: a branch, like a pull request on GitHub.
    await page.getByText('保存済').waitFor();
    expect(git('branch', '--list', 'cms/*').stdout).toContain('cms/facilities/kakuu-naika');
    await publish();
    const f = readFacility('kakuu-naika');
    const today = todayInTokyo();
    expect(f.contact.phone).toBe('03-0000-0002');
    expect(f.hours!.schedules[0]!.slots).toEqual([
      { days: ['mon', 'tue', 'thu', 'fri'], open: '09:00', close: '12:30' },
      { days: ['mon', 'tue', 'thu', 'fri'], open: '15:00', close: '18:30' },
      { days: ['wed', 'sat'], open: '09:00', close: '12:30' },
    ]);
    expect(f.hours!.nthWeekClosures).toEqual([{ weeks: [2], day: 'sat' }]);
    // Provenance: what the editor changed is the facility's own statement, today; the rest is kept.
    expect(f.provenance.contact).toEqual({ source: 'facility', via: 'cms', date: today });
    expect(f.provenance.hours).toEqual({ source: 'facility', via: 'cms', date: today });
    expect(f.provenance.access).toMatchObject({ source: 'derived', method: 'nearest-station' });
    expect(f.lastVerified).toBe(today);
    // Reviewer-only field untouched by the facility form.
    expect(f.editors).toEqual(['kakuu-editor']);
  });

  it('creates a new facility', async () => {
    await openEntry('facilities/new');
    await type('施設 ID', 'kakuu-shinki');
    await choose('種別', 0, '診療所');
    await type('正式名称', '架空新規クリニック');
    await type('表示名', '架空新規クリニック');
    await type('郵便番号', '164-0001');
    await type('住所（表記どおり）', '中野区中野五丁目98番1号');
    await type('町名', '中野');
    await type('丁目', '5');
    await choose('地域（町丁目）', 0, '中野5丁目');
    await type('電話番号', '03-0000-0003');
    await save();
    await publish();
    const f = readFacility('kakuu-shinki');
    expect(f).toMatchObject({ id: 'kakuu-shinki', kind: 'clinic', address: { area: 'nakano-5', chome: 5 }, contact: { phone: '03-0000-0003' } });
    expect(f.provenance.name).toEqual({ source: 'facility', via: 'cms', date: todayInTokyo() });
  });

  it('wrote files the schema accepts, merged on main, and the rebuilt site shows the change', async () => {
    const { problems, content } = await checkContent(path.join(repo, 'content'));
    expect(problems).toEqual([]);
    expect(content.counts.facilities).toBe(3);
    expect(git('rev-parse', '--abbrev-ref', 'HEAD').stdout.trim()).toBe('main');
    expect(git('status', '--porcelain').stdout.trim()).toBe('');
    expect(git('log', '--format=%s').stdout).toMatch(/kakuu-shinki/);
    buildSite();
    const edited = await (await fetch(`${site.url}/facilities/kakuu-naika/`)).text();
    expect(edited).toContain('03-0000-0002');
    expect(edited).not.toContain('03-0000-0001');
    const created = await fetch(`${site.url}/facilities/kakuu-shinki/`);
    expect(created.status).toBe(200);
    expect(await created.text()).toContain('架空新規クリニック');
  });
});
