/**
 * The CMS preview (src/admin/preview.ts) says what the built facility page says: for every facility of the
 * real content (DIST_DIR) and of the hours fixture site (fictional 架空 facilities with hours and closures),
 * the preview is rendered from the facility's YAML with the built /admin/config.yml, and its heading, facts,
 * access, hours tables, notes and closures are compared, as text, with the same parts of the page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromJS, type List, type Map as ImmutableMap } from 'immutable';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FacilityPreview } from '../../src/admin/preview.ts';
import { hoursFixtureSite } from '../setup/fixture-sites.ts';

const root = path.resolve(import.meta.dirname, '../..');

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
/** Text with each tag as a space: whitespace between elements is layout, not content. */
const text = (html: string) =>
  decode(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((x) => x[0]);

/** The parts both must show, as text: each list's items, in order. */
function parts(html: string) {
  return {
    h1: all(html, /<h1[^>]*>[\s\S]*?<\/h1>/g).map(text),
    facts: all(html, /<dl class="facts"[^>]*>[\s\S]*?<\/dl>/g).map((dl) => all(dl, /<d[td][^>]*>[\s\S]*?<\/d[td]>/g).map(text)),
    tables: all(html, /<table class="hours-table"[^>]*>[\s\S]*?<\/table>/g).map((t) => all(t, /<(caption|th|td)[^>]*>[\s\S]*?<\/\1>/g).map(text)),
    cells: all(html, /<td class="[^"]+"/g).map((td) => td.slice(11, -1)),
    notes: all(html, /<ul class="(hours-notes|closures)"[^>]*>[\s\S]*?<\/ul>/g).flatMap((ul) => all(ul, /<li[^>]*>[\s\S]*?<\/li>/g).map(text)),
    unregistered: all(html, /<div class="callout"[^>]*>\s*<p><strong>[\s\S]*?<\/p>/g).map(text),
  };
}

/** The Japanese part of a facility page (the English summary section follows it). */
const japanese = (page: string) => page.slice(page.indexOf('<main'), page.indexOf('<section lang="en"'));

/** The collection's fields from the built config, as Decap hands them to a preview. */
function facilityFields(dist: string): List<ImmutableMap<string, unknown>> {
  const config = parseYaml(readFileSync(path.join(root, dist, 'admin/config.yml'), 'utf8')) as { collections: { name: string; fields: unknown[] }[] };
  const c = config.collections.find((x) => x.name === 'facilities');
  if (!c) throw new Error(`${dist}/admin/config.yml has no facilities collection`);
  return fromJS(c.fields) as List<ImmutableMap<string, unknown>>;
}

function compare(dist: string, yamlDir: string) {
  if (!existsSync(path.join(root, dist, 'admin/config.yml'))) throw new Error(`${dist}/ is not built: run npm run build (or set DIST_DIR)`);
  const fields = facilityFields(dist);
  const files = readdirSync(yamlDir).filter((f) => f.endsWith('.yaml'));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const id = file.slice(0, -5);
    const data: unknown = parseYaml(readFileSync(path.join(yamlDir, file), 'utf8'));
    const preview = renderToStaticMarkup(createElement(FacilityPreview, { entry: fromJS({ data }) as ImmutableMap<string, unknown>, fields }));
    const page = japanese(readFileSync(path.join(root, dist, 'facilities', id, 'index.html'), 'utf8'));
    expect(parts(preview), `${file}: the CMS preview differs from /facilities/${id}/`).toEqual(parts(page));
  }
  return files.length;
}

describe('the CMS preview shows what the facility page shows', () => {
  let hoursDist: string;
  beforeAll(async () => {
    hoursDist = await hoursFixtureSite();
  }, 180_000);

  it('for facilities with hours, closures and derived values (fixture site)', () => {
    const site = parts(japanese(readFileSync(path.join(root, hoursDist, 'facilities/f-kakuu-hours/index.html'), 'utf8')));
    // The comparison covers the parts that differ most between the two renderers.
    expect(site.tables.length).toBe(2);
    expect(site.cells).toContain('some-weeks');
    expect(site.notes).toContain('第2・第4土曜は休診');
    expect(site.notes).toContain('2030年12月29日 〜 2031年1月3日 年末年始');
    expect(compare(hoursDist, path.join(root, 'tests/fixtures/hours/facilities'))).toBe(2);
  });

  it('for every facility of the real content', () => {
    const dist = process.env['DIST_DIR'] ?? 'dist';
    expect(compare(dist, path.join(root, 'content/facilities'))).toBeGreaterThan(300);
  });
});
