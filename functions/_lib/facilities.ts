/**
 * What the functions know about listed facilities, read from the built site through the ASSETS binding
 * (generated from content/ at build time, public data only):
 * - /corrections/facilities.json: id → display name, so a report can only name a facility that is listed;
 * - /update/data/<bucket>.json: a facility's content file, to pre-fill the update form and check an update;
 * - /update/vocab.json: the department codes and station ids an update may name.
 * Each is cached in the isolate for five minutes.
 */
import { bucketOf } from '../../src/lib/util/bucket.ts';

export interface FacilityRef {
  id: string;
  name: string;
}

const TTL_MS = 5 * 60_000;
const cache = new Map<string, { at: number; value: Promise<unknown> }>();

/** A built JSON file, or `fallback` when it is missing. */
function asset<T>(env: Env, url: URL, path: string, fallback: T): Promise<T> {
  const hit = cache.get(path);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = env.ASSETS.fetch(new URL(path, url)).then(async (res) => (res.ok ? ((await res.json()) as T) : fallback));
  cache.set(path, { at: Date.now(), value });
  // A failed read is not kept: the next request tries again.
  value.catch(() => cache.delete(path));
  return value;
}

export async function facilityName(env: Env, url: URL, id: string): Promise<string | undefined> {
  const list = await asset<FacilityRef[]>(env, url, '/corrections/facilities.json', []);
  return list.find((f) => f.id === id)?.name;
}

/** A listed facility's content file as the site was built from it. */
export async function facilityFile(env: Env, url: URL, id: string): Promise<{ name: string; text: string } | undefined> {
  const bucket = await asset<Record<string, { name: string; text: string }>>(env, url, `/update/data/${bucketOf(id)}.json`, {});
  return Object.hasOwn(bucket, id) ? bucket[id] : undefined;
}

interface Vocab {
  departments: string[];
  stations: string[];
  skills: string[];
  qualifications: string[];
  societies: string[];
  /** The privacy policy's current version (its `updated` date): what a registration consents to. */
  policyVersion: string;
}
const NO_VOCAB: Vocab = { departments: [], stations: [], skills: [], qualifications: [], societies: [], policyVersion: '' };

export async function updateVocabulary(env: Env, url: URL): Promise<{ departments: ReadonlySet<string>; stations: ReadonlySet<string> }> {
  const v = await asset(env, url, '/update/vocab.json', NO_VOCAB);
  return { departments: new Set(v.departments), stations: new Set(v.stations) };
}

/** The vocabularies a staff registration may name, as the content check's rules take them, and the policy version. */
export async function staffVocabulary(
  env: Env,
  url: URL,
): Promise<{ ids: Omit<Vocab, 'policyVersion' | 'stations'>; policyVersion: string; facilities: string[] }> {
  const [v, list] = await Promise.all([asset(env, url, '/update/vocab.json', NO_VOCAB), asset<FacilityRef[]>(env, url, '/corrections/facilities.json', [])]);
  return {
    ids: { departments: v.departments, skills: v.skills, qualifications: v.qualifications, societies: v.societies },
    policyVersion: v.policyVersion,
    facilities: list.map((f) => f.id),
  };
}
