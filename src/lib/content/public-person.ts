/**
 * What the directory publishes about a person, and nothing more. Every page, the search index, the JSON-LD
 * and the open data read a person only through `publicPerson`, so the rules live in one place:
 *
 * - no consent, or consent withdrawn: nothing (null);
 * - a section outside `consent.sections`: empty, even if the file holds it (the content check refuses such a
 *   file; this is the second lock);
 * - a qualification shows only when its society is 厚労省広告可能 (医療広告ガイドライン, ADR 0009); the others
 *   are left out of every public page;
 * - a qualification past its 認定期間 is listed as ended, never as current, and never in JSON-LD;
 * - the profile is stale (「情報が古い可能性」) when its newest confirmation is more than 2 years before `today`.
 */
import type { Affiliation, Facility, HeldQualification, Person, PersonSection, Qualification, Skill, Society } from '../schema/index.ts';

export interface StaffVocabularies {
  facilities: ReadonlyMap<string, Facility>;
  qualifications: ReadonlyMap<string, Qualification>;
  societies: ReadonlyMap<string, Society>;
  skills: ReadonlyMap<string, Skill>;
}

export interface PublicAffiliation extends Affiliation {
  /** The facility, for a workplace in the directory. */
  at?: Facility;
  /** No end date (or one not yet reached). */
  current: boolean;
}

export interface PublicQualification extends HeldQualification {
  info: Qualification;
  society: Society;
  /** Inside its 認定期間 on the build day (or no end date recorded). */
  current: boolean;
}

export interface PublicPerson {
  person: Person;
  affiliations: PublicAffiliation[];
  /** Current ones first, then ended ones; advertisable only. */
  qualifications: PublicQualification[];
  societies: Society[];
  committees: Person['memberships']['committees'];
  skills: Skill[];
  otherSkills: string[];
  portfolio: Person['portfolio'];
  /** Facilities the person works at now (affiliations without an end date). */
  currentFacilities: string[];
  /** The newest confirmation date among the sections (the consent date when none is recorded). */
  confirmed: string;
  /** More than 2 years since `confirmed`. */
  stale: boolean;
}

/** YYYY-MM-DD two years before `today` (a 29 February falls back to the 28th). */
export function twoYearsBefore(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y - 2, m - 1, d));
  if (t.getUTCMonth() !== m - 1) t.setUTCDate(0);
  return t.toISOString().slice(0, 10);
}

export function publicPerson(p: Person, v: StaffVocabularies, today: string): PublicPerson | null {
  if (p.consent.withdrawn !== undefined && p.consent.withdrawn <= today) return null;
  const ok = (s: PersonSection) => p.consent.sections.includes(s);

  const affiliations = (ok('affiliations') ? p.affiliations : [])
    .map((a) => ({ ...a, ...(a.facility && v.facilities.has(a.facility) ? { at: v.facilities.get(a.facility) } : {}), current: a.to === undefined || a.to >= today }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.from.localeCompare(a.from));

  const qualifications: PublicQualification[] = [];
  for (const q of ok('qualifications') ? p.qualifications : []) {
    const info = v.qualifications.get(q.qualification);
    const society = info && v.societies.get(info.society);
    if (!info || !society?.advertisable) continue;
    qualifications.push({ ...q, info, society, current: q.validUntil === undefined || q.validUntil >= today });
  }
  qualifications.sort((a, b) => Number(b.current) - Number(a.current) || a.info.code.localeCompare(b.info.code));

  // The newest confirmation of a section; a profile without provenance counts from its consent.
  const dates = Object.values(p.provenance).map((s) => s.date);
  const confirmed = dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : p.consent.date;
  return {
    person: p,
    affiliations,
    qualifications,
    societies: ok('memberships') ? p.memberships.societies.flatMap((s) => v.societies.get(s) ?? []) : [],
    committees: ok('memberships') ? p.memberships.committees : [],
    skills: ok('skills') ? p.skills.ids.flatMap((s) => v.skills.get(s) ?? []) : [],
    otherSkills: ok('skills') ? p.skills.other : [],
    portfolio: ok('portfolio') ? p.portfolio : { achievements: [] },
    currentFacilities: [...new Set(affiliations.filter((a) => a.current && a.at).map((a) => a.facility as string))],
    confirmed,
    stale: confirmed < twoYearsBefore(today),
  };
}

/** The facilities where any of `people` works now, in the order of `all` (the directory's order). */
export function facilitiesOf(people: readonly PublicPerson[], all: readonly Facility[]): Facility[] {
  const ids = new Set(people.flatMap((pp) => pp.currentFacilities));
  return all.filter((f) => ids.has(f.id));
}

/** What the staff browse pages list, computed once from the directory's published people. */
export interface StaffIndex {
  /** People by 職種, in vocabulary order; only 職種 with someone. */
  byProfession: { profession: Person['profession']; people: PublicPerson[] }[];
  /** People by current workplace, in the directory's order. */
  byFacility: { facility: Facility; people: PublicPerson[] }[];
  /** Qualifications someone holds inside its 認定期間, by code. */
  held: Qualification[];
}

export function staffIndex(
  d: {
    people: readonly PublicPerson[];
    facilities: readonly Facility[];
    staffByFacility: ReadonlyMap<string, readonly { staff: PublicPerson }[]>;
    qualifications: ReadonlyMap<string, Qualification>;
  },
  professions: readonly Person['profession'][],
): StaffIndex {
  const byFacility = d.facilities.flatMap((facility) => {
    const people = [...new Set((d.staffByFacility.get(facility.id) ?? []).map((x) => x.staff))];
    return people.length > 0 ? [{ facility, people }] : [];
  });
  const held = new Set(d.people.flatMap((pp) => pp.qualifications.filter((q) => q.current).map((q) => q.info.id)));
  const byProfession = new Map<Person['profession'], PublicPerson[]>();
  for (const pp of d.people) {
    const list = byProfession.get(pp.person.profession);
    if (list) list.push(pp);
    else byProfession.set(pp.person.profession, [pp]);
  }
  return {
    byProfession: professions.flatMap((profession) => {
      const people = byProfession.get(profession) ?? [];
      return people.length > 0 ? [{ profession, people }] : [];
    }),
    byFacility,
    held: [...held].flatMap((id) => d.qualifications.get(id) ?? []).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** A profile as the open data publishes it (/data/people.json): the same values the page shows, nothing else. */
export function openDataPerson(pp: PublicPerson) {
  const p = pp.person;
  const affiliation = (a: PublicAffiliation) => ({
    facility: a.at?.id ?? null,
    place: a.at?.name.display ?? a.place ?? null,
    role: a.role ?? null,
    employment: a.employment,
    departments: a.departments,
    from: a.from,
    to: a.to ?? null,
  });
  const qualification = (q: PublicQualification) => ({
    id: q.info.id,
    code: q.info.code,
    name: q.info.name,
    society: q.society.name,
    acquired: q.acquired ?? null,
    validUntil: q.validUntil ?? null,
    verification: q.verification,
  });
  return {
    id: p.id,
    url: `/people/${p.id}/`,
    name: p.name,
    kana: p.kana ?? null,
    romaji: p.romaji ?? null,
    profession: p.profession,
    licenceCheck: p.licence ?? null,
    affiliations: pp.affiliations.map(affiliation),
    qualifications: pp.qualifications.filter((q) => q.current).map(qualification),
    endedQualifications: pp.qualifications.filter((q) => !q.current).map(qualification),
    societies: pp.societies.map((s) => ({ id: s.id, name: s.name })),
    committees: pp.committees,
    skills: pp.skills.map((s) => ({ id: s.id, name: s.name, en: s.en })),
    otherSkills: pp.otherSkills,
    portfolio: pp.portfolio,
    consent: { date: p.consent.date, policyVersion: p.consent.policyVersion, sections: p.consent.sections },
    provenance: p.provenance,
    lastConfirmed: pp.confirmed,
    mayBeOutdated: pp.stale,
  };
}
