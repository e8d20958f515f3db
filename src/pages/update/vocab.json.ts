/**
 * /update/vocab.json: the department codes and station ids an update may name (the same vocabularies the
 * content check resolves), for the update form's function.
 */
import type { APIRoute } from 'astro';
import { getDirectory } from '../../lib/content/directory.ts';

export const GET: APIRoute = async () => {
  const dir = await getDirectory();
  return new Response(JSON.stringify({ departments: [...dir.departments.keys()].sort(), stations: [...dir.stations.keys()].sort() }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
