/**
 * The update form's data is split into a fixed number of files (not one per facility: a deployment's file budget
 * is 2 per facility plus a constant, docs/decisions/0004-bilingual-facility-page.md). The build writes
 * /update/data/<bucket>.json and the function finds a facility's file by the same hash.
 */
export const UPDATE_BUCKETS = 64;

/** FNV-1a (32 bit) of the id, modulo UPDATE_BUCKETS, as two hex digits. */
export function bucketOf(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return (h % UPDATE_BUCKETS).toString(16).padStart(2, '0');
}

/** The static paths of a bucketed endpoint (`[bucket].json.ts`): one per bucket. */
export const bucketPaths = () => Array.from({ length: UPDATE_BUCKETS }, (_, i) => ({ params: { bucket: i.toString(16).padStart(2, '0') } }));

/** The items of `bucket`, by their id. */
export const inBucket = <T extends { id: string }>(items: Iterable<T>, bucket: string | undefined): T[] => [...items].filter((x) => bucketOf(x.id) === bucket);
