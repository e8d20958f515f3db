/**
 * /update/data/<bucket>.json: the content file of every facility in the bucket (src/lib/util/bucket.ts), as it
 * is in content/. The update form's function reads it through the ASSETS binding to pre-fill the form and to
 * check a submission against the facility's current file. Public data only: the file without `editors` (the
 * GitHub accounts allowed to edit it stay out of dist/, as on every page).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { parseDocument } from 'yaml';
import { getDirectory } from '../../../lib/content/directory.ts';
import { contentDir } from '../../../lib/content/content-dir.ts';
import { bucketPaths, inBucket } from '../../../lib/util/bucket.ts';

export const getStaticPaths = bucketPaths;

export const GET: APIRoute = async ({ params }) => {
  const dir = await getDirectory();
  const out: Record<string, { name: string; text: string }> = {};
  for (const f of inBucket(dir.facilities, params.bucket)) {
    const doc = parseDocument(readFileSync(path.join(contentDir, 'facilities', `${f.id}.yaml`), 'utf8'));
    doc.delete('editors');
    out[f.id] = { name: f.name.display, text: doc.toString({ lineWidth: 0 }) };
  }
  return new Response(JSON.stringify(out), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
