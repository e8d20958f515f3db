/** One sitemap for every public page, built from the same directory the pages use. */
import type { APIRoute } from 'astro';
import { getDirectory } from '../lib/content/directory.ts';
import { listPageHref, pageCount } from '../lib/content/pagination.ts';

export const GET: APIRoute = async ({ site }) => {
  const dir = await getDirectory();
  const browse = [
    '/',
    '/departments/',
    '/areas/',
    '/stations/',
    '/about/',
    '/privacy/',
    '/people/',
    '/skills/',
    '/qualifications/',
    ...[...dir.bySkill.keys()].map((id) => `/skills/${id}/`),
    ...[...dir.byQualification.keys()].map((id) => `/qualifications/${id}/`),
    ...[...dir.byDepartment.keys()].map((c) => `/departments/${c}/`),
    ...dir.towns.map((tw) => `/areas/${tw.slug}/`),
    ...[...dir.byArea.keys()].map((a) => `/areas/${a}/`),
    ...[...dir.byStation.keys()].map((s) => `/stations/${s}/`),
    ...Array.from({ length: pageCount(dir.facilities.length) }, (_, i) => listPageHref('', i + 1)),
  ];
  const people = dir.people.map((pp) => `/people/${pp.person.id}/`);
  const paths = [...browse, ...browse.map((b) => `/en${b}`), ...dir.facilities.map((f) => `/facilities/${f.id}/`), ...people];
  const lastmod = new Map<string, string>([
    ...dir.facilities.map((f) => [`/facilities/${f.id}/`, f.lastVerified] as const),
    ...dir.people.map((pp) => [`/people/${pp.person.id}/`, pp.confirmed] as const),
  ]);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths
    .map((p) => `<url><loc>${new URL(p, site).href}</loc>${lastmod.has(p) ? `<lastmod>${lastmod.get(p)}</lastmod>` : ''}</url>`)
    .join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
