/**
 * The MHLW import, without the command line: stream the files, keep one city's rows, build records,
 * match them to content/, merge field by field and (unless a dry run) write the facility files.
 * Returns everything the report needs. scripts/import-mhlw.ts is the CLI around it.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, parseDocument, stringify, type Document } from 'yaml';
import { FacilitySchema, type Source } from '../../../src/lib/schema/index.ts';
import { splitCorporation } from '../../../src/lib/util/facility-name.ts';
import { columnReader, FACILITY_COLUMNS, FACILITY_HEADERS, HOURS_HEADERS } from './columns.ts';
import { createMatcher, resolveDuplicates, type LocalFacility, type Match } from './match.ts';
import { mergeInto, type Conflict, type FieldChange, type Proposal } from './merge.ts';
import { readCsv, type Encoding, type OnProgress } from './reader.ts';
import { addHoursRow, buildHours, facilityFromRow, type MhlwRecord } from './records.ts';

export interface ImportOptions {
  /** 02-1 clinic facility file. */
  facilities: string;
  /** 02-2 clinic department/hours file. */
  hours: string;
  /** 01-1 hospital facility file. */
  hospitalFacilities?: string | undefined;
  /** 01-2 hospital department/hours file. */
  hospitalHours?: string | undefined;
  /** JIS city code, 5 digits (13114 = 中野区); a 6th check digit is ignored. */
  city: string;
  /** The content folder (content/). */
  contentDir: string;
  dryRun: boolean;
  /** Today in Tokyo, when the file name carries no snapshot date. */
  today: string;
  onProgress?: (phase: string, read: number, total: number) => void;
}

export interface FileStats {
  file: string;
  encoding: Encoding | undefined;
  rows: number;
  kept: number;
}

export interface FacilityRef {
  id: string;
  name: string;
}

export interface ImportResult {
  snapshot: string;
  city: string;
  files: FileStats[];
  matched: { byId: number; byNameAddress: number };
  updated: (FacilityRef & { changes: FieldChange[] })[];
  unchanged: number;
  created: (FacilityRef & { mhlwId: string; address: string })[];
  conflicts: (FacilityRef & { conflicts: Conflict[] })[];
  ambiguous: { mhlwId: string; name: string; address: string; reason: string; candidates: FacilityRef[] }[];
  /** MHLW facilities that could not become entries (e.g. an address that cannot be read). */
  skipped: { mhlwId: string; name: string; address: string; reason: string }[];
  /** Local facilities of the imported kinds that the file does not list. Never deleted. */
  missing: (FacilityRef & { address: string })[];
  warnings: { mhlwId: string; name: string; facility?: string | undefined; messages: string[] }[];
  /** Files written (or that would be written in a dry run), relative to the content folder. */
  written: string[];
}

interface LocalEntry {
  file: string;
  doc: Document;
  local: LocalFacility;
}

/** YYYYMMDD in a file name (02-1_clinic_facility_info_20260601.zip) as YYYY-MM-DD. */
export function snapshotDate(file: string): string | undefined {
  const m = /(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/u.exec(path.basename(file));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

async function readYamlDir(dir: string): Promise<{ file: string; text: string }[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.yaml')).sort();
  return Promise.all(files.map(async (f) => ({ file: path.join(dir, f), text: await readFile(path.join(dir, f), 'utf8') })));
}

async function loadContent(contentDir: string) {
  const locals: LocalEntry[] = [];
  for (const { file, text } of await readYamlDir(path.join(contentDir, 'facilities'))) {
    const doc = parseDocument(text);
    const data = doc.toJS() as { id?: string; kind?: string; name?: { official?: string }; address?: { published?: string }; codes?: { mhlw?: string } };
    if (!data?.id) continue;
    locals.push({
      file,
      doc,
      local: { id: data.id, official: data.name?.official ?? '', address: data.address?.published ?? '', kind: data.kind ?? '', mhlwId: data.codes?.mhlw },
    });
  }
  const areas = (await readYamlDir(path.join(contentDir, 'areas'))).map(
    ({ text }) => parseYaml(text) as { id: string; town: string; chome?: number; postalCode: string; point: { lat: number; lon: number } },
  );
  const departments = new Map(
    (await readYamlDir(path.join(contentDir, 'departments'))).map(({ text }) => {
      const d = parseYaml(text) as { code: string; name: string };
      return [String(d.code).padStart(5, '0'), d.name] as const;
    }),
  );
  return { locals, areas, departments };
}

/** Stream one facility file and its hours file into records of the city. */
export async function scan(
  pair: { facilities: string; hours: string; kind: 'clinic' | 'hospital' },
  city: string,
  records: Map<string, MhlwRecord>,
  progress: (phase: string) => OnProgress,
): Promise<FileStats[]> {
  const fac = await readCsv(pair.facilities, progress(path.basename(pair.facilities)));
  const get = columnReader(fac.header, FACILITY_HEADERS, pair.facilities);
  const stats: FileStats = { file: pair.facilities, encoding: undefined, rows: 0, kept: 0 };
  const ids = new Set<string>();
  for await (const row of fac.rows) {
    stats.rows++;
    if (`${get(row, FACILITY_COLUMNS.pref).padStart(2, '0')}${get(row, FACILITY_COLUMNS.city).padStart(3, '0')}` !== city) continue;
    const rec = facilityFromRow(get, row, pair.kind);
    if (records.has(rec.id)) rec.warnings.push(`ID ${rec.id} が重複しています。後の行を使いました`);
    records.set(rec.id, rec);
    ids.add(rec.id);
    stats.kept++;
  }
  stats.encoding = fac.encoding();
  const hrs = await readCsv(pair.hours, progress(path.basename(pair.hours)));
  const getH = columnReader(hrs.header, HOURS_HEADERS, pair.hours);
  const hstats: FileStats = { file: pair.hours, encoding: undefined, rows: 0, kept: 0 };
  for await (const row of hrs.rows) {
    hstats.rows++;
    const id = getH(row, 'ID');
    if (!ids.has(id)) continue;
    addHoursRow(records.get(id)!, getH, row);
    hstats.kept++;
  }
  hstats.encoding = hrs.encoding();
  return [stats, hstats];
}

export async function runImport(opts: ImportOptions): Promise<ImportResult> {
  const snapshot = snapshotDate(opts.facilities) ?? opts.today;
  const city = opts.city.slice(0, 5);
  const source: Source = { source: 'mhlw', dataset: 'mhlw-iryojohonet', date: snapshot };
  const progress = (phase: string): OnProgress => (read, total) => opts.onProgress?.(phase, read, total);

  const records = new Map<string, MhlwRecord>();
  const files: FileStats[] = [];
  const kinds = new Set<string>(['clinic']);
  files.push(...(await scan({ facilities: opts.facilities, hours: opts.hours, kind: 'clinic' }, city, records, progress)));
  if (opts.hospitalFacilities && opts.hospitalHours) {
    kinds.add('hospital');
    files.push(...(await scan({ facilities: opts.hospitalFacilities, hours: opts.hospitalHours, kind: 'hospital' }, city, records, progress)));
  }

  const { locals, areas, departments } = await loadContent(opts.contentDir);
  const towns = [...new Set(areas.map((a) => a.town))];
  const match = createMatcher(
    locals.map((l) => l.local),
    towns,
  );
  const matches = new Map<string, Match>();
  for (const rec of records.values()) matches.set(rec.id, match(rec));
  resolveDuplicates(matches);

  const result: ImportResult = {
    snapshot,
    city,
    files,
    matched: { byId: 0, byNameAddress: 0 },
    updated: [],
    unchanged: 0,
    created: [],
    conflicts: [],
    ambiguous: [],
    skipped: [],
    missing: [],
    warnings: [],
    written: [],
  };
  const writes = new Map<string, string>();
  const seen = new Set<string>();
  const deptName = (code: string) => departments.get(code) ?? code;

  for (const rec of records.values()) {
    const m = matches.get(rec.id)!;
    const messages = [...rec.warnings];
    // Departments: only codes of the vocabulary; 991/992 catch-alls keep their free-text name.
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
    const proposal: Proposal = {
      name,
      kind: rec.kind,
      position: rec.position ? { ...rec.position, precision: 'building' } : undefined,
      website: rec.website,
      departments: deptList,
      hours: built.hours,
      mhlwId: rec.id,
    };

    if (m.kind === 'id' || m.kind === 'name-address') {
      if (m.kind === 'id') result.matched.byId++;
      else result.matched.byNameAddress++;
      seen.add(m.local.id);
      const entry = locals.find((l) => l.local.id === m.local.id)!;
      const merged = mergeInto(entry.doc, proposal, { source, deptName });
      const ref = { id: m.local.id, name: m.local.official };
      if (merged.errors.length > 0) messages.push(...merged.errors);
      else if (merged.changes.length > 0) {
        result.updated.push({ ...ref, changes: merged.changes });
        writes.set(entry.file, entry.doc.toString({ lineWidth: 0 }));
      } else result.unchanged++;
      if (merged.conflicts.length > 0) result.conflicts.push({ ...ref, conflicts: merged.conflicts });
      if (messages.length > 0) result.warnings.push({ mhlwId: rec.id, name: rec.name, facility: m.local.id, messages });
      continue;
    }
    if (messages.length > 0) result.warnings.push({ mhlwId: rec.id, name: rec.name, messages });
    if (m.kind === 'ambiguous') {
      m.candidates.forEach((c) => seen.add(c.id));
      result.ambiguous.push({ mhlwId: rec.id, name: rec.name, address: rec.address, reason: m.reason, candidates: m.candidates.map((c) => ({ id: c.id, name: c.official })) });
      continue;
    }
    if (m.kind !== 'new') continue;
    // New facility: an entry for review.
    const a = m.address;
    const area = a && areas.find((x) => x.town === a.town && (x.chome ?? undefined) === (a.chome ?? undefined));
    if (!a || !area) {
      result.skipped.push({ mhlwId: rec.id, name: rec.name, address: rec.address, reason: a ? `町丁目「${a.town}${a.chome ?? ''}」が地域の一覧にありません` : '住所から町名を読み取れません' });
      continue;
    }
    const id = `m-${rec.id}`;
    const facility = {
      id,
      kind: rec.kind,
      name,
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
      departments: deptList,
      ...(built.hours ? { hours: built.hours } : {}),
      codes: { mhlw: rec.id },
      provenance: {
        name: source,
        kind: source,
        address: source,
        position: proposal.position ? source : { source: 'derived', dataset: 'geolonia-japanese-addresses', method: 'chome-point', date: snapshot },
        ...(rec.website ? { contact: source } : {}),
        departments: source,
        ...(built.hours ? { hours: source } : {}),
        codes: source,
      },
      lastVerified: snapshot,
    };
    const check = FacilitySchema.safeParse(facility);
    if (!check.success) {
      result.skipped.push({ mhlwId: rec.id, name: rec.name, address: rec.address, reason: check.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(' / ') });
      continue;
    }
    const header = `# 要確認: 医療情報ネット（${snapshot} 版）にあり、このデータベースになかった施設です。\n# 公式一覧・施設への確認が済むまでレビューで承認しないでください。\n`;
    writes.set(path.join(opts.contentDir, 'facilities', `${id}.yaml`), header + stringify(facility, { lineWidth: 0, aliasDuplicateObjects: false }));
    result.created.push({ id, name: rec.name, mhlwId: rec.id, address: rec.address });
  }

  for (const { local } of locals) {
    if (!seen.has(local.id) && kinds.has(local.kind)) result.missing.push({ id: local.id, name: local.official, address: local.address });
  }
  result.written = [...writes.keys()].map((f) => path.relative(opts.contentDir, f)).sort();
  if (!opts.dryRun) for (const [file, text] of writes) await writeFile(file, text);
  return result;
}
