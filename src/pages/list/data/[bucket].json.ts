/**
 * /list/data/<bucket>.json: what the saved list (マイリスト, /list/) shows of each facility in the bucket: name,
 * address, phone, page, and the hours the open-status engine reads. Hash buckets (src/lib/util/bucket.ts), not
 * a file per facility, so the deployment's file budget holds (ADR 0004); the list fetches only the buckets of
 * the facilities on it. Public data only.
 */
import type { APIRoute } from 'astro';
import { getDirectory } from '../../../lib/content/directory.ts';
import { bucketPaths, inBucket } from '../../../lib/util/bucket.ts';
import { engineHours } from '../../../lib/util/hours.ts';
import { toJst, addDays } from '../../../lib/util/jst.ts';

export const getStaticPaths = bucketPaths;

export const GET: APIRoute = async ({ params }) => {
  const dir = await getDirectory();
  const from = addDays(toJst(Date.now()).date, -1);
  const out: Record<string, unknown> = {};
  for (const f of inBucket(dir.facilities, params.bucket)) {
    const h = f.hours;
    out[f.id] = {
      name: f.name.display,
      address: f.address.published,
      phone: f.contact.phone ?? null,
      hours: h ? engineHours(h, from) : null,
    };
  }
  return new Response(JSON.stringify(out), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
