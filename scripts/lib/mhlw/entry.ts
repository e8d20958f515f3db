/**
 * What one MHLW record offers content/: the cleaned proposal a matched facility is merged with
 * (./merge.ts), and the file of a facility that content/ does not have yet.
 */
import { FacilitySchema, type Source } from '../../../src/lib/schema/index.ts';
import type { NormalizedAddress } from '../../../src/lib/util/address.ts';
import { splitCorporation } from '../../../src/lib/util/facility-name.ts';
import type { Proposal } from './merge.ts';
import { buildHours, type MhlwRecord } from './records.ts';

/** An area (町丁目) of content/areas, as the importer needs it. */
export interface Area {
  id: string;
  town: string;
  chome?: number;
  postalCode: string;
  point: { lat: number; lon: number };
}

export interface Offer {
  proposal: Proposal & { name: NonNullable<Proposal['name']> };
  /** The record's warnings, then what cleaning it dropped, in Japanese for the report. */
  messages: string[];
}

/** The proposal of one record. Departments: only codes of the vocabulary; 991/992 catch-alls keep their free-text name. */
export function propose(rec: MhlwRecord, departments: ReadonlyMap<string, string>): Offer {
  const messages = [...rec.warnings];
  const known = rec.departments.filter((d) => {
    if (departments.has(d.code)) return true;
    messages.push(`診療科コード ${d.code}（${d.name}）は診療科の一覧にないため取り込みません`);
    return false;
  });
  rec.hoursRows = rec.hoursRows.filter((r) => departments.has(r.code));
  const deptList = [...new Map(known.map((d) => [d.code, d])).values()].map((d) =>
    /99[12]$/.test(d.code) || d.name !== departments.get(d.code) ? { code: d.code, name: d.name } : { code: d.code },
  );
  const built = buildHours(rec);
  messages.push(...built.warnings);
  if (!built.hours && rec.hoursRows.length > 0) messages.push('有効な診療時間がありません');
  const split = splitCorporation(rec.name);
  const name = {
    official: rec.name,
    display: split.display,
    ...(split.corporation ? { corporation: split.corporation } : {}),
    ...(rec.kana ? { kana: rec.kana } : {}),
    ...(rec.en ? { en: rec.en } : {}),
  };
  const proposal: Offer['proposal'] = {
    name,
    kind: rec.kind,
    position: rec.position ? { ...rec.position, precision: 'building' } : undefined,
    website: rec.website,
    departments: deptList,
    hours: built.hours,
    mhlwId: rec.id,
  };
  return { proposal, messages };
}

/** A new facility file for review, or why the record cannot become one. */
export function newFacilityFile(
  rec: MhlwRecord,
  address: NormalizedAddress | undefined,
  { proposal }: Offer,
  ctx: { areas: readonly Area[]; source: Source; snapshot: string },
): { id: string; facility: Record<string, unknown> } | { reason: string } {
  const a = address;
  const area = a && ctx.areas.find((x) => x.town === a.town && (x.chome ?? undefined) === (a.chome ?? undefined));
  if (!a || !area) return { reason: a ? `町丁目「${a.town}${a.chome ?? ''}」が地域の一覧にありません` : '住所から町名を読み取れません' };
  const { source, snapshot } = ctx;
  const id = `m-${rec.id}`;
  const facility = {
    id,
    kind: rec.kind,
    name: proposal.name,
    address: {
      postalCode: area.postalCode,
      published: rec.address.replace(/^東京都\s*/u, ''),
      town: a.town,
      ...(a.chome !== undefined ? { chome: a.chome } : {}),
      ...(a.block ? { block: a.block } : {}),
      ...(a.building ? { building: a.building } : {}),
      area: area.id,
    },
    position: proposal.position ?? { ...area.point, precision: 'chome' },
    ...(rec.website ? { contact: { website: rec.website } } : {}),
    departments: proposal.departments,
    ...(proposal.hours ? { hours: proposal.hours } : {}),
    codes: { mhlw: rec.id },
    provenance: {
      name: source,
      kind: source,
      address: source,
      position: proposal.position ? source : { source: 'derived', dataset: 'geolonia-japanese-addresses', method: 'chome-point', date: snapshot },
      ...(rec.website ? { contact: source } : {}),
      departments: source,
      ...(proposal.hours ? { hours: source } : {}),
      codes: source,
    },
    lastVerified: snapshot,
  };
  const check = FacilitySchema.safeParse(facility);
  if (!check.success) return { reason: check.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(' / ') };
  return { id, facility };
}
