/**
 * Matching MHLW records to facilities already in content/. The MHLW ID is not the insurance code, so
 * the first import matches on the facility name and address, normalised by the shared helpers
 * (src/lib/util/facility-name.ts, address.ts: corporation prefixes, kanji and full-width numerals,
 * 丁目/番/号 vs hyphens, building names). Later imports match on the MHLW ID stored in `codes.mhlw`.
 * Only a unique, exact match is merged; anything else is reported for a person to decide.
 */
import { AddressError, addressKey, normalizeAddress, type NormalizedAddress } from '../../../src/lib/util/address.ts';
import { nameKey } from '../../../src/lib/util/facility-name.ts';
import type { MhlwRecord } from './records.ts';

/** What the matcher needs to know about a local facility. */
export interface LocalFacility {
  id: string;
  official: string;
  /** The published address (without 東京都). */
  address: string;
  kind: string;
  mhlwId?: string | undefined;
}

export type Match =
  | { kind: 'id' | 'name-address'; local: LocalFacility }
  | { kind: 'ambiguous'; candidates: LocalFacility[]; reason: string }
  | { kind: 'new'; address?: NormalizedAddress | undefined };

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => m.set(k, [...(m.get(k) ?? []), v]);

export function createMatcher(locals: LocalFacility[], towns: readonly string[]) {
  const tryAddress = (a: string): NormalizedAddress | undefined => {
    try {
      return normalizeAddress(a, towns);
    } catch (e) {
      if (e instanceof AddressError) return undefined;
      throw e;
    }
  };
  const byId = new Map(locals.filter((l) => l.mhlwId).map((l) => [l.mhlwId!, l]));
  const byKey = new Map<string, LocalFacility[]>();
  const byName = new Map<string, LocalFacility[]>();
  const byAddress = new Map<string, LocalFacility[]>();
  for (const l of locals) {
    const a = tryAddress(l.address);
    const n = nameKey(l.official);
    push(byName, n, l);
    if (a) {
      push(byKey, `${n}#${addressKey(a)}`, l);
      push(byAddress, addressKey(a), l);
    }
  }

  /** Match one record (the one-to-one check across records is `resolveDuplicates`). */
  return function match(rec: MhlwRecord): Match {
    const known = byId.get(rec.id);
    if (known) return { kind: 'id', local: known };
    const a = tryAddress(rec.address);
    const n = nameKey(rec.name);
    if (a) {
      const exact = byKey.get(`${n}#${addressKey(a)}`) ?? [];
      if (exact.length === 1) {
        const [local] = exact as [LocalFacility];
        if (local.mhlwId && local.mhlwId !== rec.id) {
          return { kind: 'ambiguous', candidates: exact, reason: `名称と住所は一致しますが、登録済みの医療情報ネット ID（${local.mhlwId}）が異なります` };
        }
        return { kind: 'name-address', local };
      }
      if (exact.length > 1) return { kind: 'ambiguous', candidates: exact, reason: '名称と住所が同じ施設が複数あります' };
    }
    // Near misses: the same name at another or an incomplete address (moved? 所在地 without 番地?), or the
    // same address with one name contained in the other (renamed, or a corporation written differently).
    const sameName = byName.get(n) ?? [];
    const sameAddress = a?.block
      ? (byAddress.get(addressKey(a)) ?? []).filter((l) => {
          const m = nameKey(l.official);
          return m.includes(n) || n.includes(m);
        })
      : [];
    const candidates = [...new Set([...sameName, ...sameAddress])];
    if (candidates.length > 0) {
      const reason =
        sameName.length === 0
          ? '住所は一致しますが名称が一部だけ一致します'
          : a?.block
            ? '名称は一致しますが住所が異なります（移転？）'
            : '名称は一致しますが住所に番地がありません';
      return { kind: 'ambiguous', candidates, reason };
    }
    return { kind: 'new', address: a };
  };
}

/** Two records matched to one local facility: neither is merged. */
export function resolveDuplicates(matches: Map<string, Match>): void {
  const claimed = new Map<string, string[]>();
  for (const [recId, m] of matches) if (m.kind === 'name-address' || m.kind === 'id') push(claimed, m.local.id, recId);
  for (const recIds of claimed.values()) {
    if (recIds.length < 2) continue;
    for (const r of recIds) {
      const m = matches.get(r) as Extract<Match, { local: LocalFacility }>;
      matches.set(r, { kind: 'ambiguous', candidates: [m.local], reason: `医療情報ネットの複数の施設（${recIds.join('、')}）が同じ施設に一致します` });
    }
  }
}
