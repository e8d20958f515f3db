/**
 * Facility names for correction reports, read from the built site's /corrections/facilities.json (generated
 * from content/ at build time), so a report can only name a facility that is actually listed.
 */
export interface FacilityRef {
  id: string;
  name: string;
}

let cache: { at: number; map: Map<string, string> } | undefined;
const TTL_MS = 5 * 60_000;

export async function facilityName(env: Env, url: URL, id: string): Promise<string | undefined> {
  if (!cache || Date.now() - cache.at > TTL_MS) {
    const res = await env.ASSETS.fetch(new URL('/corrections/facilities.json', url));
    const list = res.ok ? ((await res.json()) as FacilityRef[]) : [];
    cache = { at: Date.now(), map: new Map(list.map((f) => [f.id, f.name])) };
  }
  return cache.map.get(id);
}
