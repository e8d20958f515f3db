/**
 * What the search index knows about one facility: keyword tokens by weight, filters, result metadata
 * and sort keys. Built from validated content only; <SearchMeta> renders it into the facility page.
 */
import type { Area, Department, Facility, Skill, Station } from '../schema/index.ts';
import type { Hours } from '../schema/hours.ts';
import { hoursFilterFacts } from '../util/hours-filters.ts';
import { fold, indexToken, stationToken, suffixes, words } from './normalize.ts';

/** Pages that get a search record: one fragment file each (the second dist/ file per facility). */
export const INDEXED_PAGES = '{facilities,people}/*/index.html';

/** Filter keys, in the order the search page shows them. The URL uses the same keys (?dept=内科). */
export const FILTER_KEYS = ['dept', 'area', 'station', 'kind', 'day', 'time', 'hours', 'lang', 'access', 'service', 'skill', 'qual', 'prof'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** Checked values per filter, as in the URL (?dept=内科&dept=小児科). */
export type SearchFilters = Partial<Record<FilterKey, string[]>>;

/** Day filter values, Monday first, as residents read a clinic's week. */
export const DAY_VALUES = { mon: '月曜', tue: '火曜', wed: '水曜', thu: '木曜', fri: '金曜', sat: '土曜', sun: '日曜', hol: '祝日' } as const;
export const TIME_VALUES = { after18: '18時以降', before9: '9時前' } as const;
/** The `hours` filter value of facilities without registered hours (they are in no day or time filter). */
export const HOURS_UNKNOWN = '未登録';

/** A result's departments as the index holds them (内科・小児科), and read back for the English page. */
const DEPT_META_SEPARATOR = '・';
export const readDeptMeta = (meta: string): string[] => meta.split(DEPT_META_SEPARATOR);

/** A result's town and 丁目 as the index holds it (沼袋3丁目); `readAreaMeta` reads it back for the English page. */
export const areaMeta = (town: string, chome: number | undefined): string => `${town}${chome ? `${chome}丁目` : ''}`;
export function readAreaMeta(meta: string): { town: string; chome: number | undefined } {
  const m = /^(.*?)(?:(\d+)丁目)?$/u.exec(meta);
  return { town: m?.[1] ?? meta, chome: m?.[2] ? Number(m[2]) : undefined };
}

/** A result's nearest station as the index holds it (中野駅 徒歩5分, 中野駅 約450m); read back by `readStationMeta`. */
export const stationMeta = (name: string, walkMinutes: number | undefined, distanceM: number | undefined): string =>
  `${name}駅${walkMinutes !== undefined ? ` 徒歩${walkMinutes}分` : distanceM !== undefined ? ` 約${distanceM}m` : ''}`;
export function readStationMeta(meta: string): { name: string; walkMinutes: number | undefined; distanceM: number | undefined } | undefined {
  const m = /^(.+)駅(?: 徒歩(\d+)分| 約(\d+)m)?$/u.exec(meta);
  return m ? { name: m[1]!, walkMinutes: m[2] ? Number(m[2]) : undefined, distanceM: m[3] ? Number(m[3]) : undefined } : undefined;
}

export interface SearchVocabulary {
  departments: ReadonlyMap<string, Department>;
  areas: ReadonlyMap<string, Area>;
  stations: ReadonlyMap<string, Station>;
  /**
   * Computed readings of names (src/lib/content/readings.ts): runs of morpheme readings. Optional: without
   * them a name is found by its characters and its editor-written reading only.
   */
  readings?: ReadonlyMap<string, readonly (readonly string[])[]>;
}

/** Japanese labels for enum values (from src/i18n/labels.ts), passed in so this module stays i18n-free. */
export interface FilterLabels {
  kind: Readonly<Record<Facility['kind'], string>>;
  language: Readonly<Record<Facility['languages'][number], string>>;
  service: Readonly<Record<Facility['services'][number], string>>;
  stepFree: string;
  accessibleToilet: string;
  /** Labels of non-open states (閉院・休止, 移転). */
  state: Readonly<Record<'closed' | 'moved', string>>;
}

export interface SearchRecord {
  /** Pagefind words by weight (10 = the name itself), heaviest first. */
  keywords: { weight: number; tokens: string[] }[];
  filters: SearchFilters;
  /** Shown in a result: title, dept, area, station, kind, state, lat, lon, hours (JSON for today's status). */
  meta: Record<string, string>;
  /** `name`: the facility's place in 五十音 order (zero-padded, so Pagefind sorts it as text or number alike). */
  sort: { name: string };
}

/** Token weights: the name decides navigational queries, then departments, then places. */
const W = { name: 10, namePart: 6, department: 5, place: 3, nearStation: 3, farStation: 2, other: 1 } as const;

class Keywords {
  private readonly best = new Map<string, number>();
  add(weight: number, ...tokens: string[]): void {
    for (const t of tokens) if (t && (this.best.get(t) ?? 0) < weight) this.best.set(t, weight);
  }
  /** Folded text as one word, and every suffix of it at `partWeight` (substring search). */
  text(weight: number, partWeight: number, text: string | undefined): void {
    if (!text) return;
    const f = fold(text);
    this.add(weight, indexToken(f));
    this.add(partWeight, ...suffixes(f).slice(1).map(indexToken));
  }
  /**
   * A computed reading: each run from each of its morphemes on, so 「はしもと」 and 「いいん」 find 橋本医院
   * (ハシモト・イイン) while 「もと」 does not. Word boundaries, not every character: a reading is long.
   */
  reading(weight: number, runs: readonly (readonly string[])[] | undefined): void {
    for (const run of runs ?? []) for (let i = 0; i < run.length; i++) this.add(weight, indexToken(fold(run.slice(i).join(''))));
  }
  /**
   * Groups by weight. A token that is a prefix of another token of at least its weight adds nothing
   * (Pagefind matches prefixes), so it is dropped: this keeps facility pages small.
   */
  groups(): SearchRecord['keywords'] {
    // What a query word must be a prefix of to match: the token without its closing y (see indexToken).
    const body = (t: string) => (t.startsWith('z') ? t : t.slice(0, -1));
    const all = [...this.best.entries()].map(([t, w]) => ({ t, w, b: body(t) })).sort((x, y) => (x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
    // Sorted by body, every token whose body extends b follows directly.
    const kept = all.filter(({ b, w }, i) => {
      for (let j = i + 1; j < all.length && all[j]!.b.startsWith(b); j++) if (all[j]!.w >= w) return false;
      return true;
    });
    const byWeight = new Map<number, string[]>();
    for (const { t, w } of kept) byWeight.set(w, [...(byWeight.get(w) ?? []), t]);
    return [...byWeight.entries()].sort(([a], [b]) => b - a).map(([weight, tokens]) => ({ weight, tokens }));
  }
}

const termsCache = new WeakMap<ReadonlyMap<string, Department>, { term: string; all: string[] }[]>();
/** Every department term (name, synonyms) with all the spellings of its department, longest first. */
function departmentTerms(departments: ReadonlyMap<string, Department>) {
  let terms = termsCache.get(departments);
  if (!terms) {
    terms = [...departments.values()]
      .flatMap((d) => {
        const all = [...new Set([d.name, d.kana, ...d.synonyms].map(fold))];
        return [d.name, ...d.synonyms].map((t) => ({ term: fold(t), all }));
      })
      .filter((t) => [...t.term].length >= 2)
      .sort((a, b) => b.term.length - a.term.length);
    termsCache.set(departments, terms);
  }
  return terms;
}

/**
 * The name spelled with each department's other names: 松崎皮フ科 → 松崎皮膚科, 松崎ひふか;
 * 西山耳鼻咽喉科医院 → 西山耳鼻科医院. Residents type the spelling they know, not the one on the sign.
 */
function nameVariants(folded: string, departments: ReadonlyMap<string, Department>): string[] {
  const out = new Set<string>();
  let rest = folded;
  for (const { term, all } of departmentTerms(departments)) {
    if (!rest.includes(term)) continue;
    rest = rest.split(term).join('\u0000');
    for (const other of all) if (other !== term) out.add(folded.split(term).join(other));
  }
  return [...out];
}

/** Hours as the open-status engine reads them (labels and past dated closures dropped). */
function hoursPayload(hours: Hours, today: string): string {
  return JSON.stringify({
    schedules: hours.schedules.map((s) => ({ departments: s.departments, slots: s.slots.map(({ label: _label, ...slot }) => slot) })),
    closedOnHolidays: hours.closedOnHolidays,
    nthWeekClosures: hours.nthWeekClosures,
    datedClosures: hours.datedClosures.filter((c) => c.to >= today),
    annualClosures: hours.annualClosures,
  });
}

/**
 * What a facility's current staff offer, from their published profiles (src/lib/content/public-person.ts):
 * skills with their readings and other names, advertisable qualifications inside their 認定期間, and 職種 labels.
 */
export interface StaffFacts {
  skills: Pick<Skill, 'name' | 'kana' | 'synonyms'>[];
  qualifications: string[];
  professions: string[];
}
const NO_STAFF: StaffFacts = { skills: [], qualifications: [], professions: [] };

/** Skills and qualifications weigh as departments do: 「腹部超音波」 is what the resident looks for. */
function addStaff(kw: Keywords, staff: StaffFacts): void {
  for (const sk of staff.skills) for (const term of [sk.name, sk.kana, ...sk.synonyms]) kw.text(W.department, W.department, term);
  for (const q of staff.qualifications) kw.text(W.department, W.department, q);
}
const staffFilters = (staff: StaffFacts): Pick<SearchFilters, 'skill' | 'qual' | 'prof'> => ({
  skill: [...new Set(staff.skills.map((s) => s.name))],
  qual: [...new Set(staff.qualifications)],
  prof: [...new Set(staff.professions)],
});

export function searchRecord(
  f: Facility,
  vocab: SearchVocabulary,
  labels: FilterLabels,
  nameRank: number,
  today: string,
  staff: StaffFacts = NO_STAFF,
): SearchRecord {
  const kw = new Keywords();
  const area = vocab.areas.get(f.address.area);
  const deps = f.departments.map((d) => ({ own: d.name, v: vocab.departments.get(d.code) }));
  const stations = f.access.stations.flatMap((s) => {
    const v = vocab.stations.get(s.station);
    return v ? [{ ...s, v }] : [];
  });

  // Names: the display name weighs most; its parts (東京警察病院 → 警察病院) a little less.
  kw.text(W.name, W.namePart, f.name.display);
  kw.text(W.name, W.namePart, f.name.kana);
  if (!f.name.kana) kw.reading(W.namePart, vocab.readings?.get(f.name.display));
  kw.add(W.name, ...nameVariants(fold(f.name.display), vocab.departments).map(indexToken));
  for (const w of words(f.name.official)) kw.text(W.namePart, W.other, w);
  for (const w of words(f.name.en ?? '')) kw.add(W.namePart, indexToken(w));

  // Departments under every name residents use: vocabulary name, reading, synonyms, the facility's own.
  for (const d of deps) {
    for (const term of [d.own, d.v?.name, d.v?.kana, ...(d.v?.synonyms ?? [])]) kw.text(W.department, W.department, term);
    // 耳鼻科 → じびか: a synonym's reading, for readings and romaji (jibika) typed.
    for (const term of d.v?.synonyms ?? []) kw.reading(W.department, vocab.readings?.get(term));
  }

  // Places: town and its reading, 町丁目, address numbers, postal code, the ward itself.
  if (area) {
    kw.text(W.place, W.place, area.town);
    kw.text(W.place, W.place, area.townKana);
    if (area.chome) kw.add(W.place, indexToken(fold(`${area.town}${area.chome}丁目`)));
  }
  if (f.address.chome && f.address.block) kw.add(W.place, indexToken(fold(`${f.address.town}${f.address.chome}-${f.address.block}`)));
  kw.add(W.place, indexToken(fold(f.address.postalCode)));
  kw.add(W.other, indexToken('中野区'), indexToken('東京都中野区'));

  // Stations: plain words (中野 also matches the town) and whole-station tokens for 「中野駅」.
  stations.forEach((s, i) => {
    const w = i === 0 ? W.nearStation : W.farStation;
    for (const name of [s.v.name, s.v.kana]) kw.add(w, indexToken(fold(name)), stationToken(name));
  });

  kw.add(W.other, indexToken(fold(labels.kind[f.kind])));
  addStaff(kw, staff);
  if (f.contact.phone) kw.add(W.place, indexToken(fold(f.contact.phone)));

  // Filters.
  const facts = hoursFilterFacts(f.hours);
  const filters: SearchRecord['filters'] = {
    dept: [...new Set(deps.flatMap((d) => (d.v ? [d.v.name] : [])))],
    area: area ? [area.town] : [],
    station: stations.map((s) => s.v.name),
    kind: [labels.kind[f.kind]],
    day: facts ? (Object.keys(DAY_VALUES) as (keyof typeof DAY_VALUES)[]).filter((d) => facts[d]).map((d) => DAY_VALUES[d]) : [],
    time: facts ? (Object.keys(TIME_VALUES) as (keyof typeof TIME_VALUES)[]).filter((t) => facts[t]).map((t) => TIME_VALUES[t]) : [],
    hours: facts ? [] : [HOURS_UNKNOWN],
    lang: f.languages.filter((l) => l !== 'ja').map((l) => labels.language[l]),
    access: [...(f.access.stepFree ? [labels.stepFree] : []), ...(f.access.accessibleToilet ? [labels.accessibleToilet] : [])],
    service: f.services.map((s) => labels.service[s]),
    ...staffFilters(staff),
  };
  for (const k of FILTER_KEYS) if (filters[k]?.length === 0) delete filters[k];

  const meta: Record<string, string> = { title: f.name.display, kind: labels.kind[f.kind] };
  const deptNames = deps.map((d) => d.own ?? d.v?.name).filter((x): x is string => !!x);
  if (deptNames.length) meta['dept'] = deptNames.join(DEPT_META_SEPARATOR);
  if (area) meta['area'] = areaMeta(area.town, area.chome);
  const near = stations[0];
  if (near) meta['station'] = stationMeta(near.v.name, near.walkMinutes, near.distanceM);
  if (f.status.state !== 'open') meta['state'] = labels.state[f.status.state];
  if (f.position) {
    meta['lat'] = f.position.lat.toFixed(5);
    meta['lon'] = f.position.lon.toFixed(5);
    // Known only to the 丁目 or the town: the map draws an area, not a point.
    if (f.position.precision === 'chome' || f.position.precision === 'town') meta['approx'] = f.position.precision;
  }
  if (f.hours) meta['hours'] = hoursPayload(f.hours, today);

  return { keywords: kw.groups(), filters, meta, sort: { name: String(nameRank).padStart(6, '0') } };
}

/** What the index knows about a staff profile: the person's names and what their facility records carry. */
export interface PersonFacts {
  name: string;
  kana?: string | undefined;
  romaji?: string | undefined;
  /** The 職種 label (医師). */
  profession: string;
  /** Current workplaces' display names. */
  facilities: string[];
  /** Departments of the current affiliations (vocabulary names). */
  departments: string[];
  staff: StaffFacts;
}

/** `type` meta of a person's result; facilities have none. */
export const PERSON_RESULT = 'person';
/** People sort after every facility in 名前順 (their rank is offset by this). */
const PERSON_RANK_OFFSET = 500_000;

export function personSearchRecord(p: PersonFacts, nameRank: number): SearchRecord {
  const kw = new Keywords();
  kw.text(W.name, W.namePart, p.name.replace(/\s+/gu, ''));
  for (const w of words(p.name)) kw.text(W.namePart, W.other, w);
  kw.text(W.name, W.namePart, p.kana?.replace(/\s+/gu, ''));
  for (const w of words(p.romaji ?? '')) kw.add(W.namePart, indexToken(w));
  addStaff(kw, p.staff);
  for (const d of p.departments) kw.text(W.department, W.department, d);
  for (const f of p.facilities) kw.text(W.place, W.other, f);
  kw.add(W.other, indexToken(fold(p.profession)));
  const filters: SearchFilters = { ...staffFilters({ ...p.staff, professions: [p.profession] }), dept: [...new Set(p.departments)] };
  for (const k of FILTER_KEYS) if (filters[k]?.length === 0) delete filters[k];
  const meta: Record<string, string> = { title: p.name, type: PERSON_RESULT, kind: p.profession };
  if (p.facilities.length) meta['facility'] = p.facilities.join(DEPT_META_SEPARATOR);
  if (p.staff.qualifications.length) meta['qual'] = p.staff.qualifications.join(DEPT_META_SEPARATOR);
  return { keywords: kw.groups(), filters, meta, sort: { name: String(PERSON_RANK_OFFSET + nameRank).padStart(6, '0') } };
}

const ranks = new WeakMap<readonly Facility[], Map<string, number>>();
/** Each facility's position in a list already in 五十音 order (the directory's), computed once per list. */
export function nameRank(sorted: readonly Facility[], id: string): number {
  let m = ranks.get(sorted);
  if (!m) ranks.set(sorted, (m = new Map(sorted.map((f, i) => [f.id, i]))));
  return m.get(id) ?? sorted.length;
}
