/**
 * Search by symptom in Chromium (issue 14): 「頭痛」 finds the facilities of the departments content/symptoms
 * gives for it, and only those, with the note 「受診先の目安です。急な症状は #7119 へ」; a symptom beside another
 * word narrows by both; the English page reads “headache” the same; the symptom index lists every symptom
 * and passes axe. Expected counts come from content/, not from what the page returned.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { contentDir } from '../../src/lib/content/content-dir.ts';
import { FacilitySchema } from '../../src/lib/schema/facility.ts';
import { DepartmentSchema, SymptomSchema } from '../../src/lib/schema/vocab.ts';
import { axeViolations } from '../setup/axe.ts';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const read = <T>(folder: string, parse: (x: unknown) => T): T[] =>
  readdirSync(path.join(contentDir, folder))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(parseYaml(readFileSync(path.join(contentDir, folder, f), 'utf8'))));
const facilities = read('facilities', (x) => FacilitySchema.parse(x));
const departments = new Map(read('departments', (x) => DepartmentSchema.parse(x)).map((d) => [d.code, d]));
const symptoms = new Map(read('symptoms', (x) => SymptomSchema.parse(x)).map((s) => [s.id, s]));
const withAny = (codes: readonly string[]) => facilities.filter((f) => f.departments.some((d) => codes.includes(d.code)));

async function search(url: string): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'ja-JP', bypassCSP: true });
  const page = await ctx.newPage();
  await page.goto(`${base}${url}`);
  await page.waitForFunction(() => /\d+ (件|result)/.test(document.getElementById('search-status')?.textContent ?? ''));
  return page;
}
const status = (page: Page) => page.locator('#search-status').innerText();

describe('search by symptom', () => {
  it('「頭痛」 finds exactly the facilities of its departments, says which, and points to #7119', async () => {
    const headache = symptoms.get('headache')!;
    const expected = withAny(headache.departments);
    expect(expected.length).toBeGreaterThan(0);
    const page = await search(`/search/?q=${encodeURIComponent('頭痛')}`);
    expect(await status(page)).toBe(`「頭痛」の検索結果 ${expected.length} 件`);
    const note = page.locator('#search-symptom');
    expect(await note.isVisible()).toBe(true);
    expect(await note.locator('li a').allTextContents()).toEqual(headache.departments.map((c) => departments.get(c)!.name));
    expect(await note.innerText()).toContain('受診先の目安です。急な症状は #7119 へ');
    // Every result shown has one of the departments.
    const hrefs = await page.locator('#search-results > li > p:first-child a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const ids = new Set(expected.map((f) => `/facilities/${f.id}/`));
    expect(hrefs.length).toBe(Math.min(20, expected.length));
    expect(hrefs.filter((h) => !ids.has(h ?? ''))).toEqual([]);
    // The department boxes are not checked for the resident: the symptom is the query.
    expect(await page.locator('#filter-groups input:checked').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a synonym, the reading, and a symptom beside a town all narrow the same way', async () => {
    const cough = symptoms.get('cough')!;
    const all = withAny(cough.departments).length;
    for (const q of ['咳が止まらない', 'せき']) {
      const page = await search(`/search/?q=${encodeURIComponent(q)}`);
      expect(await status(page), q).toBe(`「${q}」の検索結果 ${all} 件`);
      await page.context().close();
    }
    // Beside another word: the same as that word with the symptom's departments checked.
    const dept = cough.departments.map((c) => `&dept=${encodeURIComponent(departments.get(c)!.name)}`).join('');
    const checked = await search(`/search/?q=${encodeURIComponent('沼袋')}${dept}`);
    const n = /(\d+) 件/.exec(await status(checked))![1];
    await checked.context().close();
    const both = await search(`/search/?q=${encodeURIComponent('せき 沼袋')}`);
    expect(await status(both)).toBe(`「せき 沼袋」の検索結果 ${n} 件`);
    expect(Number(n)).toBeLessThan(all);
    await both.context().close();
    // A word that is no symptom is searched as typed: no note.
    const page = await search(`/search/?q=${encodeURIComponent('内科')}`);
    expect(await page.locator('#search-symptom').isHidden()).toBe(true);
    await page.context().close();
  });

  it('the English page reads “headache” as 頭痛', async () => {
    const expected = withAny(symptoms.get('headache')!.departments);
    const page = await search('/en/search/?q=headache');
    expect(await status(page)).toMatch(new RegExp(`^${expected.length} results? for “headache”`));
    expect(await page.locator('#search-symptom').innerText()).toContain('Internal Medicine');
    await page.context().close();
  });

  it('the symptom index lists every symptom with its departments and is accessible', async () => {
    expect(symptoms.size).toBeGreaterThanOrEqual(80);
    const noJs = await browser.newContext({ locale: 'ja-JP', javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${base}/symptoms/`);
    expect(await plain.locator('ul.symptoms > li').count()).toBe(symptoms.size);
    await noJs.close();
    const ctx = await browser.newContext({ locale: 'ja-JP', bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(`${base}/symptoms/`);
    const child = page.locator('#child-fever');
    expect(await child.locator('h3').innerText()).toContain('子どもの発熱');
    expect(await child.innerText()).toContain('小児科');
    expect(await child.innerText()).toContain('#8000');
    expect(await page.locator('main').innerText()).toContain('運営者が、よくある症状の一般的な受診先の目安としてまとめたもの');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}/en/symptoms/`);
    expect(await page.locator('#headache h3').innerText()).toBe('Headache');
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  });
});
