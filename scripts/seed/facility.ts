/**
 * One facility entry from one row of the official list, plus the values derived from it.
 * Merging with an existing file honours provenance: a group an editor or the operator confirmed
 * (source `facility` / `operator`) is kept as it is; fields the seed never produces are kept too.
 */
import {
  PROVENANCE_FIELDS,
  type Area,
  type Department,
  type FacilityInput,
  type ProvenanceField,
  type Source,
  type Station,
} from '../../src/lib/schema/index.ts';
import { normalizeAddress } from '../../src/lib/util/address.ts';
import { departmentsInName } from '../../src/lib/util/department-match.ts';
import { splitCorporation } from '../../src/lib/util/facility-name.ts';
import { nearest } from '../../src/lib/util/geo.ts';
import { OFFICIAL_LIST_DATE, type Row } from './sources.ts';

export interface SeedContext {
  areas: Area[];
  towns: string[];
  stations: Station[];
  departments: Department[];
}

/** Stations within this straight-line distance are listed, at most three. */
export const STATION_RADIUS_M = 1500;

const official: Source = { source: 'official-list', dataset: 'kouseikyoku-hokeniryokikan-2025-08', date: OFFICIAL_LIST_DATE };
const derived = (method: NonNullable<Source['method']>, dataset: NonNullable<Source['dataset']>): Source => ({
  source: 'derived',
  dataset,
  method,
  date: OFFICIAL_LIST_DATE,
});

/** A facility id from the 9-digit 医療機関コード: stable, ASCII, unique across Japan. */
export const facilityId = (code9: string): string => `f-${code9}`;

export function facilityFromRow(row: Row, ctx: SeedContext): FacilityInput {
  const code9 = row['医療機関コード9桁'] ?? '';
  const officialName = (row['医療機関名称'] ?? '').trim();
  const published = (row['住所'] ?? '').trim();
  const { display, corporation } = splitCorporation(officialName);
  const addr = normalizeAddress(published, ctx.towns);
  const area = ctx.areas.find((a) => a.town === addr.town && a.chome === addr.chome);
  if (!area) throw new Error(`${officialName}: 住所「${published}」の町丁目が地域の一覧にありません`);
  const near = nearest(
    area.point,
    ctx.stations.map((s) => ({ ...s.point, id: s.id })),
    3,
    STATION_RADIUS_M,
  );
  const departments = departmentsInName(display, ctx.departments);

  const provenance: Partial<Record<ProvenanceField, Source>> = {
    name: official,
    kind: derived('name-kind', 'kouseikyoku-hokeniryokikan-2025-08'),
    address: official,
    position: derived('chome-point', 'geolonia-japanese-addresses'),
    codes: official,
  };
  if (departments.length > 0) provenance.departments = derived('name-department', 'kouseikyoku-hokeniryokikan-2025-08');
  if (near.length > 0) provenance.access = derived('nearest-station', 'ekidata-2024-04-26');

  return {
    id: facilityId(code9),
    // 医療法第3条: only a hospital may call itself 病院, so the name tells the kind.
    kind: display.includes('病院') ? 'hospital' : 'clinic',
    name: { official: officialName, display, ...(corporation ? { corporation } : {}) },
    address: {
      postalCode: (row['郵便番号'] ?? '').replace(/^(\d{3})(\d{4})$/, '$1-$2'),
      published: published.startsWith('東京都') ? published.slice(3) : published,
      town: addr.town,
      ...(addr.chome !== undefined ? { chome: addr.chome } : {}),
      ...(addr.block ? { block: addr.block } : {}),
      ...(addr.building ? { building: addr.building } : {}),
      area: area.id,
    },
    position: { lat: area.point.lat, lon: area.point.lon, precision: 'chome' },
    departments: departments.map((code) => ({ code })),
    access: { stations: near.map((n) => ({ station: n.item.id, distanceM: Math.round(n.distanceM / 10) * 10 })) },
    codes: { insurance: code9 },
    provenance,
    lastVerified: OFFICIAL_LIST_DATE,
  };
}

/** Which top-level fields belong to which provenance group. */
const GROUP_FIELDS: Readonly<Partial<Record<ProvenanceField, readonly (keyof FacilityInput)[]>>> = {
  name: ['name'],
  kind: ['kind'],
  address: ['address'],
  position: ['position'],
  departments: ['departments'],
  access: ['access'],
  codes: ['codes'],
};

const confirmed = (s: unknown): boolean => {
  const src = (s as { source?: string } | undefined)?.source;
  return src === 'facility' || src === 'operator';
};

/** The canonical key order of a facility file, so re-running the seed gives byte-identical files. */
export const FACILITY_KEY_ORDER = [
  'id',
  'kind',
  'name',
  'address',
  'position',
  'contact',
  'departments',
  'hours',
  'access',
  'services',
  'languages',
  'profile',
  'editors',
  'status',
  'codes',
  'provenance',
  'lastVerified',
] as const;

export function mergeFacility(seeded: FacilityInput, existing: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!existing) return order(seeded);
  const out: Record<string, unknown> = { ...existing };
  const oldProv = (existing['provenance'] ?? {}) as Record<string, unknown>;
  const newProv: Record<string, unknown> = { ...oldProv };
  for (const [group, fields] of Object.entries(GROUP_FIELDS) as [ProvenanceField, readonly (keyof FacilityInput)[]][]) {
    if (confirmed(oldProv[group])) continue;
    for (const f of fields) out[f] = seeded[f];
    const p = seeded.provenance?.[group];
    if (p) newProv[group] = p;
    else delete newProv[group];
  }
  out['provenance'] = newProv;
  if (!out['lastVerified']) out['lastVerified'] = seeded.lastVerified;
  return order(out);
}

function order(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const prov = o['provenance'] as Record<string, unknown> | undefined;
  if (prov) {
    const sorted: Record<string, unknown> = {};
    for (const k of PROVENANCE_FIELDS) if (prov[k] !== undefined) sorted[k] = prov[k];
    o = { ...o, provenance: sorted };
  }
  for (const k of FACILITY_KEY_ORDER) if (o[k] !== undefined) out[k] = o[k];
  for (const k of Object.keys(o)) if (!(k in out) && o[k] !== undefined) out[k] = o[k];
  return out;
}
