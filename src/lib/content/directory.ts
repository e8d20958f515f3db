/**
 * The only module that reads astro:content. Loads every collection once per build and indexes it the
 * ways residents browse: by department, town, 町丁目 and station.
 */
import { getCollection, render } from 'astro:content';
import type { Area, Department, Facility, Page, Qualification, Skill, Society, Station, Symptom } from '../schema/index.ts';
import { toJst } from '../util/jst.ts';
import { publicPerson, type PublicAffiliation, type PublicPerson } from './public-person.ts';
import { readings, type Reading } from './readings.ts';

export interface Town {
  /** Romaji slug of the town, e.g. `nakano`; the URL /areas/<slug>/. */
  slug: string;
  name: string;
  kana: string;
  en: string;
  areas: Area[];
}

export interface Directory {
  facilities: Facility[];
  facility: Map<string, Facility>;
  departments: Map<string, Department>;
  areas: Map<string, Area>;
  stations: Map<string, Station>;
  towns: Town[];
  byDepartment: Map<string, Facility[]>;
  byArea: Map<string, Facility[]>;
  byTown: Map<string, Facility[]>;
  byStation: Map<string, Facility[]>;
  /** Staff profiles as published (src/lib/content/public-person.ts), by reading. */
  people: PublicPerson[];
  person: Map<string, PublicPerson>;
  /** Each person's place in `people` (五十音), the search index's sort key. */
  personRank: Map<string, number>;
  skills: Map<string, Skill>;
  qualifications: Map<string, Qualification>;
  societies: Map<string, Society>;
  /** Symptoms and the departments to consider for each (content/symptoms). */
  symptoms: Map<string, Symptom>;
  /** Current staff of each facility, with the affiliation that puts them there. */
  staffByFacility: Map<string, { staff: PublicPerson; affiliation: PublicAffiliation }[]>;
  /** People with each skill, and with each qualification inside its 認定期間. */
  bySkill: Map<string, PublicPerson[]>;
  byQualification: Map<string, PublicPerson[]>;
  /** Computed readings (kuromoji) of facility names and department names, for the search index only. */
  readings: Map<string, Reading>;
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

/** Japanese collation for names (kana readings when they exist, otherwise the display name). */
const collator = new Intl.Collator('ja');
export const byName = (a: Facility, b: Facility): number =>
  collator.compare(a.name.kana ?? a.name.display, b.name.kana ?? b.name.display) || a.id.localeCompare(b.id);

export const townSlug = (a: Area): string => a.id.replace(/-\d+$/, '');

let cached: Promise<Directory> | undefined;

export function getDirectory(): Promise<Directory> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Directory> {
  const [f, d, a, s, pe, sk, q, so, sy] = await Promise.all([
    getCollection('facilities'),
    getCollection('departments'),
    getCollection('areas'),
    getCollection('stations'),
    getCollection('people'),
    getCollection('skills'),
    getCollection('qualifications'),
    getCollection('societies'),
    getCollection('symptoms'),
  ]);
  const facilities = f.map((e) => e.data).sort(byName);
  const areas = new Map(a.map((e) => [e.data.id, e.data]));
  const dir: Directory = {
    facilities,
    facility: new Map(facilities.map((x) => [x.id, x])),
    departments: new Map(d.map((e) => [e.data.code, e.data])),
    areas,
    stations: new Map(s.map((e) => [e.data.id, e.data])),
    towns: [],
    byDepartment: new Map(),
    byArea: new Map(),
    byTown: new Map(),
    byStation: new Map(),
    people: [],
    person: new Map(),
    personRank: new Map(),
    skills: new Map(sk.map((e) => [e.data.id, e.data])),
    qualifications: new Map(q.map((e) => [e.data.id, e.data])),
    societies: new Map(so.map((e) => [e.data.id, e.data])),
    symptoms: new Map(sy.map((e) => [e.data.id, e.data])),
    staffByFacility: new Map(),
    bySkill: new Map(),
    byQualification: new Map(),
    readings: new Map(),
  };
  const towns = new Map<string, Town>();
  for (const area of [...areas.values()].sort((x, y) => (x.chome ?? 0) - (y.chome ?? 0))) {
    const slug = townSlug(area);
    const t = towns.get(slug) ?? { slug, name: area.town, kana: area.townKana, en: area.townEn, areas: [] };
    t.areas.push(area);
    towns.set(slug, t);
  }
  dir.towns = [...towns.values()].sort((x, y) => collator.compare(x.kana, y.kana));
  for (const fac of facilities) {
    for (const dep of fac.departments) push(dir.byDepartment, dep.code, fac);
    push(dir.byArea, fac.address.area, fac);
    const area = areas.get(fac.address.area);
    if (area) push(dir.byTown, townSlug(area), fac);
    for (const st of fac.access.stations) push(dir.byStation, st.station, fac);
  }
  dir.readings = await readings([
    ...facilities.flatMap((x) => (x.name.kana ? [] : [x.name.display])),
    ...[...dir.departments.values()].flatMap((x) => [x.name, ...x.synonyms]),
  ]);
  const today = toJst(Date.now()).date;
  dir.people = pe
    .flatMap((e) => publicPerson(e.data, { ...dir, facilities: dir.facility }, today) ?? [])
    .sort((x, y) => collator.compare(x.person.kana ?? x.person.name, y.person.kana ?? y.person.name) || x.person.id.localeCompare(y.person.id));
  for (const [i, pp] of dir.people.entries()) {
    dir.person.set(pp.person.id, pp);
    dir.personRank.set(pp.person.id, i);
    for (const aff of pp.affiliations) if (aff.current && aff.at) push(dir.staffByFacility, aff.at.id, { staff: pp, affiliation: aff });
    for (const skill of pp.skills) push(dir.bySkill, skill.id, pp);
    for (const qual of pp.qualifications) if (qual.current) push(dir.byQualification, qual.info.id, pp);
  }
  return dir;
}

/** Editorial pages (privacy policy …) with their rendered body. */
export async function getPage(id: string) {
  const pages = await getCollection('pages');
  const entry = pages.find((p) => p.id === id);
  if (!entry) throw new Error(`content/pages/${id}.md がありません`);
  const { Content } = await render(entry);
  return { data: entry.data as Page, Content };
}
