/**
 * The rules a staff profile must keep before anything about the person is built: consent first (no profile
 * without it, no section the person did not agree to, nothing after withdrawal), and every reference to a
 * facility, department, qualification, society or skill resolves. Messages are for the editor: Japanese,
 * with the file and the field.
 */
import {
  PERSON_SECTIONS,
  type Department,
  type Facility,
  type Person,
  type PersonSection,
  type Qualification,
  type Skill,
  type Society,
} from '../schema/index.ts';
import type { ContentProblem } from './problem.ts';

export interface PeopleVocabularies {
  facilities: ReadonlyMap<string, Facility>;
  departments: ReadonlyMap<string, Department>;
  qualifications: ReadonlyMap<string, Qualification>;
  societies: ReadonlyMap<string, Society>;
  skills: ReadonlyMap<string, Skill>;
  /** The privacy policy's versions (content/pages/privacy.md: updated and revisions). */
  policyVersions: ReadonlySet<string>;
}

/** Names of the sections in the editor's words (the consent form uses the same). */
export const SECTION_NAMES: Readonly<Record<PersonSection, string>> = {
  affiliations: '勤務履歴',
  qualifications: '保有資格',
  memberships: '学会・委員会所属',
  skills: '検査・診療技能',
  portfolio: 'ポートフォリオ',
};

/** Whether a section holds anything that would be published. */
export function sectionFilled(p: Person, s: PersonSection): boolean {
  switch (s) {
    case 'affiliations':
      return p.affiliations.length > 0;
    case 'qualifications':
      return p.qualifications.length > 0;
    case 'memberships':
      return p.memberships.societies.length + p.memberships.committees.length > 0;
    case 'skills':
      return p.skills.ids.length + p.skills.other.length > 0;
    case 'portfolio':
      return p.portfolio.achievements.length > 0 || Boolean(p.portfolio.researchmap ?? p.portfolio.orcid ?? p.portfolio.website);
  }
}

export function checkPeople(people: ReadonlyMap<string, Person>, v: PeopleVocabularies, fileOf: (id: string) => string): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const [id, p] of people) {
    const file = fileOf(id);
    const problem = (field: string, message: string) => out.push({ file, field, message });
    const { consent } = p;
    if (!v.policyVersions.has(consent.policyVersion))
      problem(
        'consent.policyVersion',
        `プライバシーポリシーに ${consent.policyVersion} の版はありません（版: ${[...v.policyVersions].sort().reverse().join('、')}）`,
      );
    if (consent.policyVersion > consent.date)
      problem('consent.policyVersion', `同意した日（${consent.date}）より後の版（${consent.policyVersion}）のプライバシーポリシーには同意できません`);
    if (consent.withdrawn !== undefined) {
      if (consent.withdrawn < consent.date) problem('consent.withdrawn', `撤回の日（${consent.withdrawn}）が同意の日（${consent.date}）より前です`);
      for (const s of PERSON_SECTIONS)
        if (sectionFilled(p, s))
          problem(s, `同意が撤回されています（${consent.withdrawn}）。${SECTION_NAMES[s]}を削除してください（撤回後は何も公開しません）`);
      continue;
    }
    for (const s of PERSON_SECTIONS)
      if (sectionFilled(p, s) && !consent.sections.includes(s))
        problem(s, `${SECTION_NAMES[s]}は本人が公開に同意していません（consent.sections に ${s} がありません）。同意がなければ削除してください`);

    p.affiliations.forEach((a, i) => {
      if (a.facility !== undefined && !v.facilities.has(a.facility))
        problem(`affiliations.${i}.facility`, `施設 ${a.facility} は医療機関の一覧（content/facilities）にありません`);
      a.departments.forEach((code, j) => {
        if (!v.departments.has(code)) problem(`affiliations.${i}.departments.${j}`, `診療科コード ${code} は診療科の一覧（content/departments）にありません`);
      });
    });
    p.qualifications.forEach((q, i) => {
      if (!v.qualifications.has(q.qualification))
        problem(`qualifications.${i}.qualification`, `資格 ${q.qualification} は資格の一覧（content/qualifications）にありません`);
    });
    p.memberships.societies.forEach((s, i) => {
      if (!v.societies.has(s)) problem(`memberships.societies.${i}`, `学会 ${s} は学会の一覧（content/societies）にありません`);
    });
    p.skills.ids.forEach((s, i) => {
      if (!v.skills.has(s)) problem(`skills.ids.${i}`, `技能 ${s} は検査・診療技能の一覧（content/skills）にありません`);
    });
  }
  return out;
}

/** The skills and qualifications vocabularies point at departments and societies that exist. */
export function checkStaffVocabularies(v: PeopleVocabularies, fileOf: (folder: string, id: string) => string): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const s of v.skills.values())
    s.departments.forEach((code, i) => {
      if (!v.departments.has(code))
        out.push({
          file: fileOf('skills', s.id),
          field: `departments.${i}`,
          message: `診療科コード ${code} は診療科の一覧（content/departments）にありません`,
        });
    });
  for (const q of v.qualifications.values())
    if (!v.societies.has(q.society))
      out.push({ file: fileOf('qualifications', q.id), field: 'society', message: `学会 ${q.society} は学会の一覧（content/societies）にありません` });
  return out;
}
