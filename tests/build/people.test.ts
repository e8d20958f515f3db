/**
 * Staff profiles on the demo site (tests/fixtures/demo, every name 架空): what is published, what never is.
 * The fixture's D1 records (tests/fixtures/demo/private.json) and a withdrawn person carry canary values; none
 * may appear in any file of the build — HTML, JSON, CSV, the sitemap, /admin, the gunzipped Pagefind index —
 * nor in the public content's Git history.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoFixtureSite } from '../setup/fixture-sites.ts';

const root = path.resolve(import.meta.dirname, '../..');
const demoPeople = readdirSync(path.join(root, 'tests/fixtures/demo/people')).map((f) => f.replace(/\.yaml$/, ''));
const WITHDRAWN = 'kakuu-tekkai';
const consenting = demoPeople.filter((id) => id !== WITHDRAWN);

/** Every string in the private records that names the canary, plus the phone numbers; and the withdrawn person's name. */
const records = (JSON.parse(readFileSync(path.join(root, 'tests/fixtures/demo/private.json'), 'utf8')) as { records: Record<string, unknown>[] }).records;
const leaves = (v: unknown, key = ''): [string, string][] =>
  typeof v === 'string' ? [[key, v]] : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => leaves(x, k)) : [];
const canaries = [
  ...records.flatMap((r) => leaves(r)).flatMap(([k, v]) => (/canary/i.test(v) || k === 'phone' ? [v] : [])),
  '架空 撤回-7d1e',
  WITHDRAWN,
  // who may edit a facility is for reviewers only
  'kakuu-editor-nakano',
];

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const text = (file: string) => {
  let b = readFileSync(file);
  if (b[0] === 0x1f && b[1] === 0x8b) b = gunzipSync(b);
  return b.toString('utf8');
};

describe('staff profiles on the demo site (架空)', () => {
  let dist = '';
  const page = (p: string) => readFileSync(path.join(dist, p, 'index.html'), 'utf8');
  /** The profile's Person block (the page's JSON-LD is [Person, BreadcrumbList]). */
  const personLd = (html: string) => (JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, unknown>[])[0]!;
  beforeAll(async () => {
    dist = path.join(root, await demoFixtureSite());
  }, 240_000);

  it('has a fixture of at least 12 people across 6 facilities, every name marked 架空', () => {
    expect(consenting.length).toBeGreaterThanOrEqual(12);
    const facilities = new Set(
      consenting.flatMap((id) =>
        [...readFileSync(path.join(root, 'tests/fixtures/demo/people', `${id}.yaml`), 'utf8').matchAll(/facility: (\S+)/g)].map((m) => m[1]),
      ),
    );
    expect(facilities.size).toBeGreaterThanOrEqual(6);
    for (const id of demoPeople) expect(readFileSync(path.join(root, 'tests/fixtures/demo/people', `${id}.yaml`), 'utf8')).toMatch(/^name: 架空/m);
  });

  it('builds each consenting person one page with its English section, and two files in all with the search fragment', () => {
    const files = allFiles(dist).map((f) => path.relative(dist, f));
    for (const id of consenting) {
      expect(files.filter((f) => f.includes(`people/${id}/`))).toEqual([`people/${id}/index.html`]);
      expect(page(`people/${id}`)).toMatch(/<section lang="en" aria-labelledby="en-summary"/);
    }
    const fragments = allFiles(path.join(dist, 'pagefind/fragment')).map((f) => (JSON.parse(text(f).replace(/^pagefind_dcd/, '')) as { url: string }).url);
    expect(fragments.filter((u) => u.startsWith('/people/')).sort()).toEqual(consenting.map((id) => `/people/${id}/`).sort());
    expect(page('people')).toContain('架空 一郎');
    expect(page('en/people')).toContain('href="/people/kakuu-ichiro/#en-summary"');
    expect(page('people/kakuu-ichiro')).toContain('English summary: Ichiro Kakuu');
    const sitemap = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    for (const id of consenting) expect(sitemap).toContain(`/people/${id}/</loc><lastmod>`);
  });

  it('builds nothing about a person who withdrew consent, and no private value reaches any file (gunzipped too)', () => {
    const leaks: string[] = [];
    for (const f of allFiles(dist)) {
      const s = text(f);
      for (const c of canaries) if (s.includes(c)) leaks.push(`${path.relative(dist, f)}: ${c}`);
    }
    expect(canaries.length).toBeGreaterThanOrEqual(12);
    expect(leaks).toEqual([]);
  });

  it('keeps the canaries out of the public content and its Git history', () => {
    const grep = spawnSync('git', ['log', '-p', '--all', '--', 'content/'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(grep.status).toBe(0);
    expect(grep.stdout.length).toBeGreaterThan(0);
    expect(canaries.filter((c) => grep.stdout.includes(c))).toEqual([]);
  });

  it('shows a profile with each verification, its source and date, and the consent it rests on', () => {
    const html = page('people/kakuu-ichiro');
    expect(html).toContain('内科専門医');
    expect(html).toContain('公的な名簿で確認済み（審査担当・2026-10-15）');
    expect(html).toContain('href="https://www.naika.or.jp/"');
    expect(html).toContain('本人の同意（2026-10-01、プライバシーポリシー 2025-10-27 版）');
    expect(html).toContain('href="https://doi.org/10.9999/kakuu.2019.001"');
    // The English section says the same in English.
    const english = html.slice(html.indexOf('id="en-summary"'));
    expect(english).toContain('Checked in a public register (a reviewer, 2026-10-15)');
    expect(english).toContain('Published with the person’s consent (2026-10-01, privacy policy of 2025-10-27).');
    const ld = personLd(html);
    expect(ld['@type']).toEqual(['Person', 'Physician']);
    expect((ld['worksFor'] as { name: string }[]).map((w) => w.name)).toEqual(['架空なかの内科クリニック']);
    expect((ld['hasCredential'] as { name: string }[]).map((c) => c.name)).toEqual(['内科専門医', '消化器内視鏡専門医']);
  });

  it('shows only advertisable qualifications, and an expired one as ended, never as current', () => {
    const html = page('people/kakuu-hanako');
    // q311 女性ヘルスケア専門医: its society is not 厚労省広告可能 (ADR 0009)
    expect(html).not.toContain('女性ヘルスケア専門医');
    expect(html).toMatch(
      /認定期間が終了した資格<\/h3>\s*<ul[^>]*><li[^>]*><span lang="ja"[^>]*>総合内科専門医<\/span> <span class="note"[^>]*>認定期間終了（2020-03-31）/,
    );
    const creds = (personLd(html)['hasCredential'] as { name: string }[]).map((c) => c.name);
    expect(creds).toEqual(['循環器専門医']);
    expect(page('facilities/kakuu-nakano-byoin')).not.toContain('総合内科専門医');
    for (const f of allFiles(dist).filter((f) => f.endsWith('.html'))) expect(text(f), path.relative(dist, f)).not.toContain('女性ヘルスケア専門医');
  });

  it('publishes the profiles as open data, with the same projection as the pages', () => {
    const data = JSON.parse(readFileSync(path.join(dist, 'data/people.json'), 'utf8')) as { people: Record<string, any>[] };
    expect(data.people.map((p) => p.id).sort()).toEqual([...consenting].sort());
    const hanako = data.people.find((p) => p.id === 'kakuu-hanako')!;
    expect(hanako.qualifications.map((q: { name: string }) => q.name)).toEqual(['循環器専門医']);
    expect(hanako.endedQualifications.map((q: { name: string }) => q.name)).toEqual(['総合内科専門医']);
    expect(hanako.consent.sections).toEqual(['affiliations', 'qualifications', 'skills']);
    expect(hanako.portfolio).toEqual({ achievements: [] });
    expect(data.people.find((p) => p.id === 'kakuu-jiro')!.mayBeOutdated).toBe(true);
  });

  it('marks a profile last confirmed over two years ago 「情報が古い可能性」', () => {
    expect(page('people/kakuu-jiro')).toContain('情報が古い可能性があります（最終確認 2020-05-01）');
    expect(page('people/kakuu-ichiro')).not.toContain('情報が古い可能性');
  });

  it('lists current staff on the facility page, labels 非常勤, and counts the skills', () => {
    const html = page('facilities/kakuu-nakano-naika');
    const staff = html.slice(html.indexOf('id="staff-ja"'), html.indexOf('id="sources"'));
    expect(staff).toContain('架空 一郎');
    expect(staff).toMatch(/架空 花子[\s\S]*?非常勤/);
    expect(staff).toContain('腹部超音波（担当 3 名）');
    // 架空 十一 left 架空あらいこどもクリニック in 2023: not current staff there
    expect(page('facilities/kakuu-arai-kodomo')).not.toContain('架空 十一');
    expect(html).toContain('Abdominal ultrasound (3 staff)');
  });

  it('finds where a skill and a qualification are, in both languages', () => {
    const skill = page('skills/abdominal-ultrasound');
    for (const f of ['架空なかの内科クリニック', '架空中野総合病院']) expect(skill).toContain(f);
    for (const p of ['架空 一郎', '架空 花子', '架空 奈々', '架空 十一']) expect(skill).toContain(p);
    expect(page('en/skills/abdominal-ultrasound')).toContain('Facilities and staff for Abdominal ultrasound');
    expect(page('en/skills/abdominal-ultrasound')).toContain('href="/people/kakuu-hanako/#en-summary"');
    expect(page('qualifications/q103')).toContain('架空 花子');
    expect(page('qualifications')).not.toContain('q004'); // ended: nobody holds it now
  });

  it('banners every page of the demo 架空, and the real build not at all', () => {
    for (const f of allFiles(dist).filter((f) => f.endsWith('.html') && !f.includes(`${path.sep}admin${path.sep}`)))
      expect(text(f), path.relative(dist, f)).toMatch(/class="demo-banner"[^>]*><strong>(これは架空のデータによるデモです|This is a demo with fictional data)/);
    const real = path.join(root, process.env['DIST_DIR'] ?? 'dist', 'index.html');
    expect(readFileSync(real, 'utf8')).not.toContain('class="demo-banner"');
  });
});
