/** Words of the staff profiles: /people/, /people/<id>/, the facility page's スタッフ section, /skills/, /qualifications/. */
import type { Person, PersonSection, Profession, Qualification, Skill, Society, Verification } from '../../lib/schema/index.ts';

type Achievement = Person['portfolio']['achievements'][number];

export const staff = {
  nav: 'スタッフ紹介',
  navSkills: '検査・診療から探す',
  navQualifications: '資格から探す',
  indexTitle: 'スタッフ紹介',
  indexDescription: (n: number) => `中野区の医療機関で働くスタッフ ${n} 名の保有資格・検査・診療技能（本人の同意を得て掲載）`,
  indexLead: '本人が公開に同意したプロフィールだけを載せています。項目ごとに、誰が情報を提供し、いつ確認したかを示します。',
  noPeople: 'まだ公開されているプロフィールはありません。本人の同意が届いたものから掲載します。',
  byProfession: '職種から',
  byFacility: '勤務先から',
  profession: {
    doctor: '医師',
    dentist: '歯科医師',
    nurse: '看護師',
    pharmacist: '薬剤師',
    'lab-technician': '臨床検査技師',
    radiographer: '診療放射線技師',
    physiotherapist: '理学療法士',
    dietitian: '管理栄養士',
    other: 'その他の職種',
  } satisfies Record<Profession, string>,
  /** Profile page. */
  /** A person's name as a list shows it, and the language it is written in. */
  personName: (p: Pick<Person, 'name' | 'romaji'>) => ({ text: p.name, lang: 'ja' as 'ja' | 'en' }),
  /** A profile's link from a page in this language (English pages link to the profile's English section). */
  profileHref: (id: string) => `/people/${id}/`,
  /** A section's id on the profile page, so both languages' copies can be linked and labelled. */
  sectionId: (name: string) => name,
  /** Under the profession: the reading (Japanese) or the name in Japanese (English). */
  nameAside: (p: Pick<Person, 'name' | 'kana'>) => p.kana,
  personTitle: (name: string, profession: string) => `${name}（${profession}）`,
  personDescription: (name: string, profession: string, facilities: string) =>
    `${name}（${profession}${facilities ? `・${facilities}` : ''}）の保有資格・検査・診療技能・勤務先`,
  licence: '免許の確認',
  staleShort: '情報が古い可能性',
  stale: (date: string) => `情報が古い可能性があります（最終確認 ${date}）。受診の前に医療機関へご確認ください。`,
  section: {
    affiliations: '勤務先・勤務履歴',
    qualifications: '保有資格',
    memberships: '学会・委員会',
    skills: '対応できる検査・診療',
    portfolio: '業績・リンク',
  } satisfies Record<PersonSection, string>,
  identitySection: '氏名・職種',
  current: '現在',
  past: '過去の勤務先',
  partTime: '非常勤',
  fullTime: '常勤',
  period: (from: string, to: string | undefined) => `${from} 〜 ${to ?? '現在'}`,
  yearPeriod: (from: number, to: number | undefined) => `${from}年 〜 ${to ? `${to}年` : '現在'}`,
  qualificationName: (q: Pick<Qualification, 'name'>) => q.name,
  society: (s: Pick<Society, 'name' | 'short'>) => s.name,
  validUntil: (d: string) => `認定期間 ${d} まで`,
  ended: (d: string) => `認定期間終了（${d}）`,
  endedHeading: '認定期間が終了した資格',
  acquired: (d: string) => `${d} 取得`,
  verification: {
    'self-declared': '本人の申告',
    'document-seen': '認定証を確認済み',
    'registry-checked': '公的な名簿で確認済み',
  } satisfies Record<Verification['status'], string>,
  verifiedBy: {
    person: '本人',
    'facility-editor': '医療機関の担当者',
    reviewer: '審査担当',
    operator: '運営者',
  } satisfies Record<Verification['by'], string>,
  verificationLine: (status: string, by: string, date: string) => `${status}（${by}・${date}）`,
  verificationSource: '確認先',
  advertisingNote: '厚生労働省に届出のある団体（広告可能な専門性資格）の資格だけを表示しています（医療広告ガイドライン）。',
  societies: '所属学会',
  committees: '委員会',
  otherSkills: 'その他（本人の記述）',
  achievement: { paper: '論文', talk: '発表', award: '受賞', book: '著書' } satisfies Record<Achievement['kind'], string>,
  achievementLine: (a: Achievement) => `${a.title}（${a.year}年）`,
  links: 'リンク',
  researchmap: 'researchmap',
  orcid: 'ORCID',
  website: '本人のウェブサイト',
  provenanceHeading: 'この情報の出典',
  provenanceSource: { person: '本人', facility: '医療機関', operator: '運営者' } satisfies Record<
    NonNullable<Person['provenance']['identity']>['source'],
    string
  >,
  sectionColumn: '項目',
  sourceColumn: '提供元',
  checkedColumn: '最終確認日',
  consentLine: (date: string, policy: string) => `本人の同意（${date}、プライバシーポリシー ${policy} 版）に基づいて掲載しています。`,
  requestChange: 'このプロフィールの修正・削除を依頼（本人・医療機関の方）',
  /** Facility page. */
  facilityStaff: 'スタッフ',
  facilitySkills: '対応できる検査・診療',
  skillCount: (name: string, n: number) => `${name}（担当 ${n} 名）`,
  facilitySkillsNote: 'スタッフ本人が登録し、公開に同意した技能から集計しています。',
  /** Browse pages. */
  skillsTitle: '検査・診療から探す',
  skillsDescription: '対応できるスタッフのいる検査・診療の一覧',
  skillsLead: 'スタッフが登録した検査・診療技能から、医療機関とスタッフを探せます。',
  skillCategory: { exam: '検査', treatment: '治療', care: 'ケア・在宅', prevention: '予防・健診', language: '言語' } satisfies Record<
    Skill['category'],
    string
  >,
  skillTitle: (name: string) => `${name}に対応できる医療機関・スタッフ`,
  skillDescription: (name: string, facilities: number, people: number) => `${name}に対応できる中野区の医療機関 ${facilities} 件・スタッフ ${people} 名`,
  skillName: (s: Pick<Skill, 'name' | 'en'>) => s.name,
  skillReading: (s: Pick<Skill, 'kana' | 'synonyms'>) => `（${s.kana}${s.synonyms.length > 0 ? `／${s.synonyms.join('、')}` : ''}）`,
  qualificationsTitle: '資格から探す',
  qualificationsDescription: '広告可能な専門性資格を持つスタッフのいる医療機関の一覧',
  qualificationsLead: '厚生労働省に届出のある団体の資格（広告可能な専門性資格）を持つスタッフから探せます。',
  qualificationTitle: (name: string) => `${name}のいる医療機関・スタッフ`,
  qualificationDescription: (name: string, facilities: number, people: number) =>
    `${name}を持つスタッフのいる中野区の医療機関 ${facilities} 件・スタッフ ${people} 名`,
  facilitiesHeading: '医療機関',
  peopleHeading: 'スタッフ',
  peopleCount: (n: number) => `${n} 名`,
  noneYet: 'まだ登録がありません。',
  awardedBy: '認定団体',
};
