/**
 * Field-by-field merge of an MHLW record into a facility file, honouring provenance:
 * - a group an editor confirmed (source `facility` or `operator`) is never overwritten; a different MHLW
 *   value is reported as a conflict;
 * - a group from the official 厚生局 list (`official-list`, the legal register) is kept; a difference is reported;
 * - a group that is MHLW, derived or has no source yet takes the MHLW value, with MHLW provenance.
 * The YAML document is edited in place (comments and key order survive) and validated before it is written.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Document } from 'yaml';
import { FacilitySchema, type Facility, type ProvenanceField, type Source } from '../../../src/lib/schema/index.ts';
import type { Hours } from '../../../src/lib/schema/hours.ts';
import { nameKey } from '../../../src/lib/util/facility-name.ts';
import { summarizeHours } from './summary.ts';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}
export interface Conflict {
  field: string;
  /** The value kept. */
  local: string;
  /** The value in the MHLW file. */
  mhlw: string;
  /** Who confirmed the kept value. */
  source: Source['source'];
}

/** What the importer offers for one facility, already cleaned. */
export interface Proposal {
  /** Names as in the MHLW file; offered only when they differ beyond spelling (nameKey). */
  name?: Facility['name'] | undefined;
  kind: Facility['kind'];
  position?: { lat: number; lon: number; precision: 'building' } | undefined;
  website?: string | undefined;
  departments: { code: string; name?: string }[];
  hours?: Hours | undefined;
  mhlwId: string;
}

const EDITOR_SOURCES = new Set<Source['source']>(['facility', 'operator']);

/** Short text for a value in the report. */
export function show(field: string, v: unknown, deptName: (code: string) => string): string {
  if (v === undefined || v === null) return '（なし）';
  if (field === 'hours') return summarizeHours(v as Hours);
  if (field === 'departments') return (v as { code: string; name?: string }[]).map((d) => d.name ?? deptName(d.code)).join('、') || '（なし）';
  if (field === 'name') return (v as { official: string }).official;
  if (field === 'position') {
    const p = v as { lat: number; lon: number; precision: string };
    return `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}（${p.precision}）`;
  }
  return String(v);
}

export function mergeInto(
  doc: Document,
  proposal: Proposal,
  opts: { source: Source; deptName: (code: string) => string },
): { changes: FieldChange[]; conflicts: Conflict[]; errors: string[] } {
  const current = FacilitySchema.safeParse(doc.toJS());
  if (!current.success)
    return { changes: [], conflicts: [], errors: ['既存のファイルがスキーマに合わないため取り込みません（npm run check:content で確認してください）'] };
  const f = current.data;
  const changes: FieldChange[] = [];
  const conflicts: Conflict[] = [];
  const setProvenance = (group: ProvenanceField) => doc.setIn(['provenance', group], doc.createNode({ ...opts.source }));

  const offer = (group: ProvenanceField, field: string, path: string[], before: unknown, after: unknown) => {
    if (after === undefined) return;
    const prov = f.provenance[group];
    if (isDeepStrictEqual(before, after)) {
      // Same value: MHLW now vouches for a derived or unsourced value.
      if (!prov || prov.source === 'derived') {
        setProvenance(group);
        changes.push({ field: `${field}（出典）`, before: prov ? '推定' : '（なし）', after: '医療情報ネット' });
      }
      return;
    }
    if (prov && (EDITOR_SOURCES.has(prov.source) || prov.source === 'official-list')) {
      conflicts.push({ field, local: show(field, before, opts.deptName), mhlw: show(field, after, opts.deptName), source: prov.source });
      return;
    }
    doc.setIn(path, doc.createNode(after));
    setProvenance(group);
    changes.push({ field, before: show(field, before, opts.deptName), after: show(field, after, opts.deptName) });
  };

  if (proposal.name && nameKey(proposal.name.official) !== nameKey(f.name.official)) offer('name', 'name', ['name'], f.name, proposal.name);
  offer('kind', 'kind', ['kind'], f.kind, proposal.kind);
  offer('position', 'position', ['position'], f.position, proposal.position);
  offer('contact', 'contact.website', ['contact', 'website'], f.contact.website, proposal.website);
  if (proposal.departments.length > 0) offer('departments', 'departments', ['departments'], f.departments, proposal.departments);
  offer('hours', 'hours', ['hours'], f.hours, proposal.hours);
  if (!f.codes.mhlw) {
    doc.setIn(['codes', 'mhlw'], proposal.mhlwId);
    if (!f.provenance.codes) setProvenance('codes');
    changes.push({ field: 'codes.mhlw', before: '（なし）', after: proposal.mhlwId });
  }

  const after = FacilitySchema.safeParse(doc.toJS());
  if (!after.success) {
    return { changes: [], conflicts, errors: after.error.issues.map((i) => `取り込み後の値がスキーマに合いません: ${i.path.join('.')} ${i.message}`) };
  }
  return { changes, conflicts, errors: [] };
}
