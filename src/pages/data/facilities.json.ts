/** Open data: every facility's public fields with provenance, plus the credits the licences require. */
import type { APIRoute } from 'astro';
import { getDirectory } from '../../lib/content/directory.ts';
import { publicFacility } from '../../lib/content/public-facility.ts';
import { CREDITS } from '../../lib/seo/credits.ts';

export const GET: APIRoute = async () => {
  const dir = await getDirectory();
  const body = {
    title: '中野区診療所データベース 医療機関一覧',
    note: 'provenance.*.source が "derived" の値は推定値です（derived values are estimates）。',
    credits: CREDITS.map((c) => ({ dataset: c.dataset, licence: c.licence.ja, credit: c.credit ?? null, url: c.url ?? null })),
    facilities: dir.facilities.map(publicFacility),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
