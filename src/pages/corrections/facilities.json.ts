/**
 * /corrections/facilities.json: id → display name of every listed facility. The correction function reads it
 * (through the ASSETS binding) to refuse unknown facilities and to title the GitHub issue. Public data only.
 */
import type { APIRoute } from 'astro';
import { byName, getDirectory } from '../../lib/content/directory.ts';

export const GET: APIRoute = async () => {
  const dir = await getDirectory();
  const list = [...dir.facilities].sort(byName).map((f) => ({ id: f.id, name: f.name.display }));
  return new Response(JSON.stringify(list), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
