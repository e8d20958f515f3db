/**
 * The MHLW import, without the command line: stream the files, keep one city's rows, build records,
 * match them to content/, merge field by field and (unless a dry run) write the facility files.
 * Returns everything the report needs. scripts/import-mhlw.ts is the CLI around it.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, parseDocument, stringify, type Document } from 'yaml';
import type { Source } from '../../../src/lib/schema/index.ts';
import type { NormalizedAddress } from '../../../src/lib/util/address.ts';
import { columnReader, FACILITY_COLUMNS, FACILITY_HEADERS, HOURS_HEADERS } from './columns.ts';
import { newFacilityFile, propose, type Area, type Offer } from './entry.ts';
import { createMatcher, resolveDuplicates, type LocalFacility, type Match } from './match.ts';
import { mergeInto, type Conflict, type FieldChange } from './merge.ts';
import { readCsv, type Encoding, type OnProgress } from './reader.ts';
import { addHoursRow, facilityFromRow, type MhlwRecord } from './records.ts';

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

interface Content {
  locals: LocalEntry[];
  areas: Area[];
  /** Department code → name, from the vocabulary. */
  departments: Map<string, string>;
}

async function loadContent(contentDir: string): Promise<Content> {
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
  const areas = (await readYamlDir(path.join(contentDir, 'areas'))).map(({ text }) => parseYaml(text) as Area);
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

/** Everything one run shares while it goes through the records. */
interface Run {
  opts: ImportOptions;
  snapshot: string;
  source: Source;
  content: Content;
  result: ImportResult;
  /** File → new text, written at the end unless a dry run. */
  writes: Map<string, string>;
  /** Local facilities the file lists (merged, or a candidate of an ambiguous match). */
  seen: Set<string>;
}

export async function runImport(opts: ImportOptions): Promise<ImportResult> {
  const snapshot = snapshotDate(opts.facilities) ?? opts.today;
  const city = opts.city.slice(0, 5);
  const { records, files, kinds } = await readRecords(opts, city);
  const content = await loadContent(opts.contentDir);
  const matches = matchRecords(records, content);
  const run: Run = {
    opts,
    snapshot,
    source: { source: 'mhlw', dataset: 'mhlw-iryojohonet', date: snapshot },
    content,
    result: emptyResult(snapshot, city, files),
    writes: new Map(),
    seen: new Set(),
  };
  for (const rec of records.values()) applyRecord(run, rec, matches.get(rec.id)!);
  run.result.missing = missingFrom(run, kinds);
  await writeFiles(run);
  return run.result;
}

/** Read: the clinic files, and the hospital files when both are given, into records of the city. */
async function readRecords(opts: ImportOptions, city: string) {
  const progress =
    (phase: string): OnProgress =>
    (read, total) =>
      opts.onProgress?.(phase, read, total);
  const records = new Map<string, MhlwRecord>();
  const files: FileStats[] = [];
  const kinds = new Set<string>(['clinic']);
  files.push(...(await scan({ facilities: opts.facilities, hours: opts.hours, kind: 'clinic' }, city, records, progress)));
  if (opts.hospitalFacilities && opts.hospitalHours) {
    kinds.add('hospital');
    files.push(...(await scan({ facilities: opts.hospitalFacilities, hours: opts.hospitalHours, kind: 'hospital' }, city, records, progress)));
  }
  return { records, files, kinds };
}

/** Match: every record against content/, then duplicates claiming one local facility are resolved. */
function matchRecords(records: ReadonlyMap<string, MhlwRecord>, content: Content): Map<string, Match> {
  const towns = [...new Set(content.areas.map((a) => a.town))];
  const match = createMatcher(
    content.locals.map((l) => l.local),
    towns,
  );
  const matches = new Map<string, Match>();
  for (const rec of records.values()) matches.set(rec.id, match(rec));
  resolveDuplicates(matches);
  return matches;
}

function emptyResult(snapshot: string, city: string, files: FileStats[]): ImportResult {
  return {
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
}

/** One record: merged into its facility, reported as ambiguous, or offered as a new facility. */
function applyRecord(run: Run, rec: MhlwRecord, m: Match): void {
  const offer = propose(rec, run.content.departments);
  if (m.kind === 'id' || m.kind === 'name-address') return mergeMatched(run, rec, m, offer);
  if (offer.messages.length > 0) run.result.warnings.push({ mhlwId: rec.id, name: rec.name, messages: offer.messages });
  if (m.kind === 'ambiguous') {
    m.candidates.forEach((c) => run.seen.add(c.id));
    run.result.ambiguous.push({
      mhlwId: rec.id,
      name: rec.name,
      address: rec.address,
      reason: m.reason,
      candidates: m.candidates.map((c) => ({ id: c.id, name: c.official })),
    });
    return;
  }
  if (m.kind === 'new') createFacility(run, rec, m.address, offer);
}

/** Merge: field by field into the matched facility's YAML document. */
function mergeMatched(run: Run, rec: MhlwRecord, m: Extract<Match, { kind: 'id' | 'name-address' }>, { proposal, messages }: Offer): void {
  const { result, content } = run;
  if (m.kind === 'id') result.matched.byId++;
  else result.matched.byNameAddress++;
  run.seen.add(m.local.id);
  const entry = content.locals.find((l) => l.local.id === m.local.id)!;
  const merged = mergeInto(entry.doc, proposal, { source: run.source, deptName: (code) => content.departments.get(code) ?? code });
  const ref = { id: m.local.id, name: m.local.official };
  if (merged.errors.length > 0) messages.push(...merged.errors);
  else if (merged.changes.length > 0) {
    result.updated.push({ ...ref, changes: merged.changes });
    run.writes.set(entry.file, entry.doc.toString({ lineWidth: 0 }));
  } else result.unchanged++;
  if (merged.conflicts.length > 0) result.conflicts.push({ ...ref, conflicts: merged.conflicts });
  if (messages.length > 0) result.warnings.push({ mhlwId: rec.id, name: rec.name, facility: m.local.id, messages });
}

/** Create: a new facility file for review, or a skipped record with the reason. */
function createFacility(run: Run, rec: MhlwRecord, address: NormalizedAddress | undefined, offer: Offer): void {
  const made = newFacilityFile(rec, address, offer, { areas: run.content.areas, source: run.source, snapshot: run.snapshot });
  if ('reason' in made) {
    run.result.skipped.push({ mhlwId: rec.id, name: rec.name, address: rec.address, reason: made.reason });
    return;
  }
  const header = `# 要確認: 医療情報ネット（${run.snapshot} 版）にあり、このデータベースになかった施設です。\n# 公式一覧・施設への確認が済むまでレビューで承認しないでください。\n`;
  run.writes.set(
    path.join(run.opts.contentDir, 'facilities', `${made.id}.yaml`),
    header + stringify(made.facility, { lineWidth: 0, aliasDuplicateObjects: false }),
  );
  run.result.created.push({ id: made.id, name: rec.name, mhlwId: rec.id, address: rec.address });
}

/** Summary: local facilities of the imported kinds that the file does not list (never deleted). */
function missingFrom(run: Run, kinds: ReadonlySet<string>): ImportResult['missing'] {
  return run.content.locals
    .filter(({ local }) => !run.seen.has(local.id) && kinds.has(local.kind))
    .map(({ local }) => ({ id: local.id, name: local.official, address: local.address }));
}

/** Write: the changed and new files, unless a dry run; either way the result lists them. */
async function writeFiles(run: Run): Promise<void> {
  run.result.written = [...run.writes.keys()].map((f) => path.relative(run.opts.contentDir, f)).sort();
  if (!run.opts.dryRun) for (const [file, text] of run.writes) await writeFile(file, text);
}
