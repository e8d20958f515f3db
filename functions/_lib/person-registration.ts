/**
 * A staff profile registered from /people/register/ (issue 13): the form becomes a profile checked by the
 * profile schema and the content check's own rules; once the person confirms their email, what is not public
 * (email, phone, licence number, the sections they chose not to publish) is stored in D1 (people_private,
 * encrypted) and the public file is proposed as a pull request labelled `person-registration`. The PR's title,
 * body, branch and commit hold the public id and section names only: no name, email, phone or licence number.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { checkPeople, SECTION_NAMES } from '../../src/lib/check/people.ts';
import type { PersonRegistrationForm } from '../../src/lib/schema/person-registration-form.ts';
import { compact } from '../../src/lib/util/compact.ts';
import { PERSON_SECTIONS, PersonSchema, type Person, type PersonSection } from '../../src/lib/schema/index.ts';
import type { FormIssue } from '../../src/lib/schema/forms.ts';
import { proposeChange, type ContentRepo, type ProposedChange } from './content-pr.ts';
import type { staffVocabulary } from './facilities.ts';

type Data = Record<string, unknown>;

/** The outbox's `github-pr` payload for a registration: the public file only. */
export interface PersonRegistrationJob {
  kind: 'person-registration';
  requestId: string;
  personId: string;
  /** content/people/<id>.yaml as it will be committed. */
  text: string;
  /** Section names published, for the PR body. */
  published: PersonSection[];
}

/** What the ledger keeps about a registration (encrypted); D1's people_private gets it on verification. */
export interface PersonRegistrationPersonal {
  /** The form's values (no bot-check or consent fields), kept in D1 for the edit link's pre-filled form. */
  form: Record<string, unknown>;
  contact: { email: string; phone: string | null };
  licenceNumber: string | null;
  unpublished: Partial<Record<PersonSection, unknown>>;
  job: PersonRegistrationJob;
}

/** The form fields a profile field is shown beside (`affiliations.0.from` → `affFrom`). */
export function personFormField(path: string): string {
  const [group = '', a = '', b = ''] = path.split('.');
  if (group === 'affiliations')
    return (
      { facility: 'facility', place: 'facility', role: 'affRole', employment: 'employment', from: 'affFrom', to: 'affFrom', departments: 'departments' }[b] ??
      'facility'
    );
  if (group === 'qualifications') return 'qualifications';
  if (group === 'memberships') return 'societies';
  if (group === 'skills') return a === 'other' ? 'skillsOther' : 'skills';
  if (group === 'portfolio') return a || 'website';
  if (['name', 'kana', 'romaji', 'profession'].includes(group)) return group;
  return 'form';
}

/**
 * The profile the form describes: `all` with every section as filled in (checked whole), `public` with only the
 * sections the person chose to publish (the file for content/people), `unpublished` the others (for D1).
 */
export function formToPerson(
  f: PersonRegistrationForm,
  o: { id: string; today: string; policyVersion: string },
): { all: Data; public: Data; unpublished: Partial<Record<PersonSection, unknown>> } {
  const place = f.facility ? { facility: f.facility } : f.place ? { place: f.place } : undefined;
  const sections: Record<PersonSection, unknown> = {
    affiliations: place
      ? [compact({ ...place, role: f.affRole, employment: f.employment ?? 'full-time', departments: [...new Set(f.departments)], from: f.affFrom })]
      : [],
    qualifications: [...new Set(f.qualifications)].map((qualification) => ({
      qualification,
      verification: { status: 'self-declared', by: 'person', date: o.today },
    })),
    memberships: { societies: [...new Set(f.societies)], committees: [] },
    skills: {
      ids: [...new Set(f.skills)],
      other: [
        ...new Set(
          (f.skillsOther ?? '')
            .split(/[\n,、，]/)
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ],
    },
    portfolio: compact({ achievements: [], researchmap: f.researchmap, orcid: f.orcid, website: f.website }),
  };
  const filled = (s: PersonSection): boolean => {
    const v = sections[s] as Data | unknown[];
    if (Array.isArray(v)) return v.length > 0;
    return Object.values(v).some((x) => (Array.isArray(x) ? x.length > 0 : x !== undefined));
  };
  const publish = new Set(f.publish);
  const identity = compact({ id: o.id, name: f.name, kana: f.kana, romaji: f.romaji, profession: f.profession });
  const provenance = (list: readonly PersonSection[]) =>
    Object.fromEntries([['identity', { source: 'person', date: o.today }], ...list.filter(filled).map((s) => [s, { source: 'person', date: o.today }])]);
  const consent = (list: readonly PersonSection[]) => ({ date: o.today, policyVersion: o.policyVersion, method: 'form', sections: [...list] });
  const shown = PERSON_SECTIONS.filter((s) => publish.has(s));
  const empty: Record<PersonSection, unknown> = {
    affiliations: [],
    qualifications: [],
    memberships: { societies: [], committees: [] },
    skills: { ids: [], other: [] },
    portfolio: { achievements: [] },
  };
  return {
    all: { ...identity, ...sections, consent: consent(PERSON_SECTIONS), provenance: provenance(PERSON_SECTIONS) },
    public: {
      ...identity,
      ...Object.fromEntries(PERSON_SECTIONS.map((s) => [s, publish.has(s) ? sections[s] : empty[s]])),
      consent: consent(shown),
      provenance: provenance(shown),
    },
    unpublished: Object.fromEntries(PERSON_SECTIONS.filter((s) => !publish.has(s) && filled(s)).map((s) => [s, sections[s]])),
  };
}

const HEADER = '# 本人が登録フォームから送った公開プロフィール（公開に同意した項目だけ）。非公開の値は D1 にだけあります。\n';

type Vocab = Awaited<ReturnType<typeof staffVocabulary>>;
const asMap = (ids: readonly string[]) => new Map(ids.map((id) => [id, {} as never]));

/**
 * The registration checked whole (every section, published or not, so D1 holds only valid values). Returns the
 * public file and what stays private, or the problems by form field with the field's name.
 */
export function checkRegistration(
  f: PersonRegistrationForm,
  o: { id: string; today: string; vocab: Vocab; label: (field: string) => string },
): { ok: true; text: string; published: PersonSection[]; unpublished: Partial<Record<PersonSection, unknown>> } | { ok: false; issues: FormIssue[] } {
  const built = formToPerson(f, { id: o.id, today: o.today, policyVersion: o.vocab.policyVersion });
  const issue = (path: string, message: string): FormIssue => {
    const field = personFormField(path);
    return { field, reason: 'invalid', path, message: `${o.label(field)}: ${message}` };
  };
  const all = PersonSchema.safeParse(built.all, { error: (iss) => z.locales.ja().localeError(iss) });
  if (!all.success) return { ok: false, issues: all.error.issues.map((i) => issue(i.path.map(String).join('.'), i.message)) };
  const rules = checkPeople(
    new Map([[o.id, all.data]]),
    {
      facilities: asMap(o.vocab.facilities),
      departments: asMap(o.vocab.ids.departments),
      qualifications: asMap(o.vocab.ids.qualifications),
      societies: asMap(o.vocab.ids.societies),
      skills: asMap(o.vocab.ids.skills),
      policyVersions: new Set([o.vocab.policyVersion]),
    },
    () => 'form',
  );
  if (rules.length > 0) return { ok: false, issues: rules.map((p) => issue(p.field, p.message)) };
  const pub: Person = PersonSchema.parse(built.public);
  return {
    ok: true,
    text: `${HEADER}${stringify(built.public, { lineWidth: 0 })}`,
    published: pub.consent.sections,
    unpublished: built.unpublished,
  };
}

const CHECKLIST = [
  '資格は医師等資格確認検索で確認（医師・歯科医師・薬剤師など。登録番号は `npm run requests -- show <受付番号>` で見る。PR には書かない）',
  '勤務先の公表電話番号へ折り返して、本人がそこに勤めていることを確認',
  '確認した資格の verification を self-declared から registry-checked / document-seen に直す',
];

/** The pull request for a verified registration: one new file, public values only. */
export function personRegistrationProposal(job: PersonRegistrationJob): ProposedChange {
  const sections = PERSON_SECTIONS.map((s) => `- ${SECTION_NAMES[s]}: ${job.published.includes(s) ? '公開' : '非公開（D1 にだけ保存）'}`);
  return {
    kind: 'person-registration',
    subject: job.personId,
    files: [{ path: `content/people/${job.personId}.yaml`, text: job.text }],
    title: `[スタッフ掲載の登録] ${job.personId}`,
    body: [
      `本人が登録フォームから送ったプロフィールです（受付番号 ${job.requestId}、メール確認済み）。`,
      '',
      '### 公開する項目（本人の同意）',
      ...sections,
      '',
      '### 審査担当者の確認',
      ...CHECKLIST.map((c) => `- [ ] ${c}`),
      '',
      '<sub>連絡先・登録番号・非公開の項目はこの PR に含めていません（運営者の台帳と D1 にだけ暗号化して保存）。</sub>',
    ].join('\n'),
  };
}

export async function proposePersonRegistration(
  repo: ContentRepo,
  job: PersonRegistrationJob,
): Promise<{ ok: true; result: string } | { ok: false; error: string }> {
  const r = await proposeChange(repo, personRegistrationProposal(job));
  return r.ok ? { ok: true, result: r.url } : r;
}

/** The outbox's `github-pr` payload for a withdrawal: the file to remove. */
export interface PersonWithdrawalJob {
  kind: 'person-withdrawal';
  requestId: string;
  personId: string;
}

/** 公開をやめる: a PR that removes the profile's file. Public id only. */
export async function proposePersonWithdrawal(
  repo: ContentRepo,
  job: PersonWithdrawalJob,
): Promise<{ ok: true; result: string } | { ok: false; error: string }> {
  const r = await proposeChange(repo, {
    kind: 'person-withdrawal',
    subject: job.personId,
    files: [{ path: `content/people/${job.personId}.yaml`, text: null }],
    title: `[スタッフ掲載の取り下げ] ${job.personId}`,
    body: [
      `本人が「公開をやめる」から申し出た取り下げです（受付番号 ${job.requestId}、登録メールアドレスで確認済み）。プロフィールのファイルを削除します。`,
      '',
      '### 審査担当者の確認',
      '- [ ] 速やかにマージする（本人の申し出による利用停止。内容の審査は要りません）',
      '- [ ] マージ後 `npm run requests -- set-status <受付番号> answered --by <担当者>` で本人に知らせる',
      '',
      '<sub>D1 の非公開記録は取り下げ済みの印が付いています。削除の請求があれば `npm run requests -- purge-person` で消します。</sub>',
    ].join('\n'),
  });
  return r.ok ? { ok: true, result: r.url } : r;
}
