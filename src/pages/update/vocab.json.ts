/**
 * /update/vocab.json: what a self-service change may name (the same vocabularies the content check resolves),
 * for the functions: department codes and station ids (facility updates); skill, qualification and society ids
 * and the privacy policy's current version (staff registrations).
 */
import type { APIRoute } from 'astro';
import { getDirectory, getPage } from '../../lib/content/directory.ts';

export const GET: APIRoute = async () => {
  const dir = await getDirectory();
  const privacy = (await getPage('privacy')).data;
  const ids = (m: ReadonlyMap<string, unknown>) => [...m.keys()].sort();
  return new Response(
    JSON.stringify({
      departments: ids(dir.departments),
      stations: ids(dir.stations),
      skills: ids(dir.skills),
      qualifications: ids(dir.qualifications),
      societies: ids(dir.societies),
      policyVersion: privacy.updated,
    }),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
};
