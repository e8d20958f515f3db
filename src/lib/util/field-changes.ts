/**
 * What changed between two versions of an entry, leaf by leaf (`hours.schedules.0.slots.1.close`), for the
 * reviewer: the PR review check (scripts/lib/pr-review.ts) and the body of a PR opened from the update form
 * (functions/_lib/facility-update.ts) list the same lines.
 */

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

function leaves(v: unknown, at: string, out: Map<string, unknown>): Map<string, unknown> {
  if (v && typeof v === 'object') {
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    if (entries.length === 0) out.set(at, v);
    for (const [k, x] of entries) leaves(x, at ? `${at}.${k}` : k, out);
  } else out.set(at, v);
  return out;
}

/** Every leaf whose value differs, in path order; paths under `skip` (provenance …) are left out. */
export function fieldChanges(before: unknown, after: unknown, skip: readonly string[] = []): FieldChange[] {
  const b = leaves(before ?? {}, '', new Map());
  const a = leaves(after ?? {}, '', new Map());
  return [...new Set([...b.keys(), ...a.keys()])]
    .filter((path) => !skip.some((s) => path === s || path.startsWith(`${s}.`)))
    .sort()
    .flatMap((path) => (JSON.stringify(b.get(path)) !== JSON.stringify(a.get(path)) ? [{ path, before: b.get(path), after: a.get(path) }] : []));
}

/** A value in one short line of a review table. */
export const shortValue = (v: unknown): string => {
  const s = v === undefined ? '（なし）' : typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};
