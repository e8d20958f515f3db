/** Assertions on the built site (npm test builds dist/ first; DIST_DIR points elsewhere for fixture builds). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FacilitySchema, type Facility } from '../../src/lib/schema/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.resolve(root, process.env['DIST_DIR'] ?? 'dist');
const contentIds = readdirSync(path.join(root, 'content/facilities'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -5));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? htmlFiles(p) : e.name.endsWith('.html') ? [p] : [];
  });
}
const pages = existsSync(dist) ? htmlFiles(dist) : [];
const rel = (f: string) => `/${path.relative(dist, f).split(path.sep).join('/')}`;
const publicPages = pages.filter((f) => !rel(f).startsWith('/admin/'));
const read = (f: string) => readFileSync(f, 'utf8');
const facilityPage = (id: string) => path.join(dist, 'facilities', id, 'index.html');
const facilityEntry = (id: string): Facility => FacilitySchema.parse(parseYaml(read(path.join(root, 'content/facilities', `${id}.yaml`))));

/** Does an internal URL resolve to something the deployment serves (a file in dist or a Pages Function)? */
function resolves(url: string): boolean {
  const p = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  if (p.startsWith('/api/')) {
    const base = path.join(root, 'functions', p.replace(/\/$/, ''));
    return existsSync(`${base}.ts`) || existsSync(path.join(base, 'index.ts')) || existsSync(`${base}.js`);
  }
  const f = path.join(dist, p);
  return p.endsWith('/') ? existsSync(path.join(f, 'index.html')) : existsSync(f) || existsSync(path.join(f, 'index.html'));
}

describe(`the built site (${path.relative(root, dist)}/)`, () => {
  it('exists (npm test builds it before the tests)', () => {
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
  });

  it('has one page per facility, and no page for anything that is not one', () => {
    const built = readdirSync(path.join(dist, 'facilities')).filter((d) => d !== 'page' && existsSync(path.join(dist, 'facilities', d, 'index.html')));
    expect(built.sort()).toEqual([...contentIds].sort());
  });

  it("runs no inline script on any page (the CSP is script-src 'self'): scripts are files, JSON blocks are data", () => {
    const inline = pages.filter((f) =>
      [...read(f).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].some(
        ([, attrs = '', body = '']) => !/\bsrc=/.test(attrs) && !/type="application\/(?:ld\+)?json"/.test(attrs) && body.trim() !== '',
      ),
    );
    expect(inline.map(rel)).toEqual([]);
  });

  it('ships the contact, correction and data-request pages a forms script of at most 8 KB gzip (issue 14), and no zod', () => {
    /** A page's scripts with every module they import, statically or on demand. */
    const graph = (page: string): Set<string> => {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const m of read(path.join(dist, file)).matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+\.js)"|"_astro\/([^"]+\.js)"/g))
          visit(`_astro/${m[1] ?? m[2]}`);
      };
      for (const m of read(path.join(dist, page)).matchAll(/<script type="module" src="\/([^"]+)"/g)) visit(m[1]!);
      return seen;
    };
    for (const page of ['contact/index.html', 'corrections/index.html', 'data-request/index.html', 'en/contact/index.html']) {
      const files = [...graph(page)];
      expect(files.length, page).toBeGreaterThan(0);
      const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(path.join(dist, f))).length, 0);
      expect(gzip, `${page}: ${files.join(', ')}`).toBeLessThanOrEqual(8 * 1024);
      expect(
        files.filter((f) => /\$Zod|ZodError/.test(read(path.join(dist, f)))),
        page,
      ).toEqual([]);
    }
  });

  it('declares the language of every page: ja, and en under /en/', () => {
    const wrong = publicPages.filter((f) => {
      const lang = /<html[^>]*\slang="([^"]+)"/.exec(read(f))?.[1];
      return lang !== (rel(f).startsWith('/en/') ? 'en' : 'ja');
    });
    expect(wrong.map(rel)).toEqual([]);
  });

  it('gives every page one h1, a skip link to #main, a title and a description', () => {
    const bad = publicPages.filter((f) => {
      const h = read(f);
      return (
        (h.match(/<h1[\s>]/g) ?? []).length !== 1 ||
        !h.includes('href="#main"') ||
        !/<main id="main"/.test(h) ||
        !/<title>[^<]+<\/title>/.test(h) ||
        !/<meta name="description" content="[^"]+"/.test(h)
      );
    });
    expect(bad.map(rel)).toEqual([]);
  });

  it('carries parseable schema.org JSON-LD and OGP tags on every facility page', () => {
    for (const id of contentIds) {
      const h = read(facilityPage(id));
      const blocks = [...h.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? ''));
      const main = blocks.flat().find((b) => b['@type'] === 'MedicalClinic' || b['@type'] === 'Hospital');
      expect(main, id).toBeDefined();
      expect(main.address.addressLocality).toBe('中野区');
      expect(main.url).toMatch(new RegExp(`/facilities/${id}/$`));
      for (const prop of ['og:title', 'og:description', 'og:url', 'og:type']) expect(h, `${id} ${prop}`).toContain(`property="${prop}"`);
    }
  });

  it('gives browsers their icons, a manifest and a default OGP image, linked from every page', () => {
    const ico = readFileSync(path.join(dist, 'favicon.ico'));
    // ICONDIR (reserved 0, type 1, one image) and a 32×32 PNG inside.
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4), ico[6], ico[7]]).toEqual([0, 1, 1, 32, 32]);
    expect(ico.subarray(22, 26).toString('latin1')).toBe('\x89PNG');
    const manifest = JSON.parse(read(path.join(dist, 'manifest.webmanifest'))) as { name: string; lang: string; icons: { src: string }[] };
    expect([manifest.name, manifest.lang]).toEqual(['中野区診療所データベース', 'ja']);
    for (const i of manifest.icons) expect(existsSync(path.join(dist, i.src)), i.src).toBe(true);
    const og = readFileSync(path.join(dist, 'og.png'));
    expect([og.readUInt32BE(16), og.readUInt32BE(20)]).toEqual([1200, 630]); // the PNG's IHDR width and height
    for (const f of publicPages) {
      const h = read(f);
      for (const link of ['rel="icon" href="/favicon.ico"', 'rel="apple-touch-icon"', 'rel="manifest" href="/manifest.webmanifest"'])
        expect(h, `${rel(f)} ${link}`).toContain(link);
      expect(h, rel(f)).toMatch(/<meta property="og:image" content="https?:\/\/[^"]+\/og\.png">/);
    }
  });

  it('prints a QR code of its own canonical URL on every facility page, hidden on screen until asked for', async () => {
    const sample = contentIds.filter((_, i) => i % 25 === 0);
    for (const id of sample) {
      const h = read(facilityPage(id));
      const svg = /<figure class="qr"[^>]*>\s*(<svg[\s\S]*?<\/svg>)/.exec(h)?.[1];
      expect(svg, id).toBeDefined();
      expect(svg).toContain('aria-label="このページの URL の QR コード"');
      // Decode it as a phone would: render the SVG, then read the code from the pixels.
      const { data, info } = await sharp(Buffer.from(svg!)).resize(400, 400).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const code = jsQR(new Uint8ClampedArray(data), info.width, info.height);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(h)?.[1];
      expect(code?.data, id).toBe(canonical);
    }
    const css = read(facilityPage(contentIds[0]!));
    expect(css).toMatch(/\.qr-block \.qr\s*\{[^}]*display:\s*none/);
    expect(css).toMatch(/@media print\s*\{\s*\.qr-block \.qr\s*\{\s*display:\s*block/);
  });

  it('has no broken internal link on any page (pages, assets, form actions, /api routes)', () => {
    const broken = new Set<string>();
    for (const f of pages) {
      for (const m of read(f).matchAll(/\s(?:href|src|action)="(\/(?!\/)[^"]*)"/g)) {
        const url = (m[1] ?? '').replace(/&amp;/g, '&');
        if (!resolves(url)) broken.add(`${rel(f)} → ${url}`);
      }
    }
    expect([...broken].slice(0, 30)).toEqual([]);
  });

  it('needs no JavaScript to read a facility page, and runs no inline script (CSP script-src self)', () => {
    for (const id of contentIds.slice(0, 50)) {
      const h = read(facilityPage(id));
      expect(h).toMatch(/<h1>[^<]+<\/h1>/);
      expect(h).toMatch(/所在地<\/dt>\s*<dd>〒\d{3}-\d{4}/);
      const inline = [...h.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>/g)];
      expect(
        inline.map((m) => m[0]),
        id,
      ).toEqual([]);
      expect(h).not.toMatch(/\son[a-z]+="/);
    }
  });

  it('keeps every facility page under 14 KB gzip including its CSS', () => {
    const sizes = contentIds.map((id) => gzipSync(readFileSync(facilityPage(id))).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(14 * 1024);
  });

  // Whatever content/ holds (hours arrive with the MHLW import), each page follows its own file; both sides
  // of each rule are also checked on the fictional facilities of tests/e2e/hours.test.ts.
  it('shows 推定 next to a derived 種別 and 未登録 for unknown hours exactly as each facility file says', () => {
    for (const id of contentIds) {
      const f = facilityEntry(id);
      const h = read(facilityPage(id));
      expect(/<span class="badge kind">[^<]*<\/span><span class="badge derived"[^>]*>推定/.test(h), `${id}: 種別の「推定」`).toBe(
        f.provenance.kind?.source === 'derived',
      );
      expect(h.includes('診療時間は未登録です'), `${id}: 診療時間の「未登録」`).toBe(f.hours === undefined);
      expect(h, id).toContain(`href="/corrections/?facility=${id}`);
    }
  });

  it('lists every facility in the sitemap and points robots.txt to it', () => {
    const sitemap = read(path.join(dist, 'sitemap.xml'));
    for (const id of contentIds) expect(sitemap).toContain(`/facilities/${id}/</loc>`);
    expect(read(path.join(dist, 'robots.txt'))).toMatch(/Sitemap: https?:\/\/[^\s]+\/sitemap\.xml/);
  });

  it('indexes the saved list as one page: every shared /list/?f= link names /list/ as its canonical URL', () => {
    for (const l of ['', '/en']) {
      const h = read(path.join(dist, l, 'list/index.html'));
      expect(h, `${l}/list/`).not.toMatch(/<meta name="robots"/);
      expect(/<link rel="canonical" href="([^"]+)"/.exec(h)?.[1], `${l}/list/`).toMatch(new RegExp(`^https?://[^/]+${l}/list/$`));
    }
    // Search stays out: a query's results are not a page (docs/operations/page-scores.md).
    expect(read(path.join(dist, 'search/index.html'))).toContain('<meta name="robots" content="noindex">');
  });

  it('publishes open data with credits and marks derived values', () => {
    const data = JSON.parse(read(path.join(dist, 'data/facilities.json')));
    expect(data.facilities).toHaveLength(contentIds.length);
    expect(data.credits.map((c: { dataset: string }) => c.dataset)).toContain('kouseikyoku-hokeniryokikan-2025-08');
    expect(data.facilities[0]).not.toHaveProperty('editors');
    const rawCsv = read(path.join(dist, 'data/facilities.csv'));
    const csv = parse(rawCsv, { bom: true, comment: '#' }) as string[][];
    expect(csv).toHaveLength(contentIds.length + 1);
    expect(csv[0]).toContain('種別の出典');
    expect(rawCsv).toMatch(/^# 出典: 関東信越厚生局/m);
  });
});
