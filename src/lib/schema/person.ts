/**
 * A staff profile: a person who works (or worked) at a facility and consented to a public profile.
 *
 * Rule zero (GUIDE §5): this file holds only what the person agreed to publish, plus the consent record.
 * Contact details, licence numbers, documents and sections without consent never enter Git; they live in
 * D1, encrypted (migrations/0103_people_private.sql, functions/_lib/people.ts). There is no private field
 * here, so neither the CMS nor a pull request can write one.
 */
import { z } from 'zod';
import { IsoDate, Slug, WebUrl } from './common.ts';

/** 職種: the profession a licence or qualification gives (labels in src/i18n). */
export const PROFESSIONS = ['doctor', 'dentist', 'nurse', 'pharmacist', 'lab-technician', 'radiographer', 'physiotherapist', 'dietitian', 'other'] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** Sections a person consents to publish one by one. Identity (name, 職種) comes with the profile itself. */
export const PERSON_SECTIONS = ['affiliations', 'qualifications', 'memberships', 'skills', 'portfolio'] as const;
export type PersonSection = (typeof PERSON_SECTIONS)[number];

/** Who supplied a section: the person, the facility, or the operator. */
export const PERSON_SOURCES = ['person', 'facility', 'operator'] as const;

const DeptCode = z.string().regex(/^\d{5}$/, { error: '診療科コードは 5 桁の数字です' });

/** Who supplied a section and when it was last confirmed. */
export const PersonSourceSchema = z.object({
  /** 本人, 施設, or 運営者. */
  source: z.enum(PERSON_SOURCES, { error: '提供元は person, facility, operator のどれかです' }),
  /** The day it was supplied or last confirmed. */
  date: IsoDate,
});

/** How a qualification or licence was checked. Roles, never names. */
export const VerificationSchema = z
  .object({
    /**
     * `self-declared` (本人の申告), `document-seen` (a reviewer saw the certificate), `registry-checked`
     * (a reviewer checked 医師等資格確認検索, or the society's or 日本専門医機構's list).
     */
    status: z.enum(['self-declared', 'document-seen', 'registry-checked'], {
      error: '確認の方法は self-declared, document-seen, registry-checked のどれかです',
    }),
    /** The role of who checked: the person, a facility editor, a reviewer or the operator. */
    by: z.enum(['person', 'facility-editor', 'reviewer', 'operator'], { error: '確認した人の役割が正しくありません' }),
    /** The day of the check. */
    date: IsoDate,
    /** A public page where anyone can repeat the check (the registry or the society's list). Optional. */
    url: WebUrl.optional(),
  })
  .refine((v) => v.status !== 'self-declared' || v.by === 'person', { error: '本人の申告（self-declared）の確認者は person です', path: ['by'] })
  .refine((v) => v.status === 'self-declared' || v.by !== 'person', { error: '書類・名簿の確認は本人以外（reviewer など）が行います', path: ['by'] });
export type Verification = z.output<typeof VerificationSchema>;

export const AffiliationSchema = z
  .object({
    /** The facility's id, for a facility in the directory. */
    facility: Slug.optional(),
    /** The place's name, for one outside the directory (e.g. a university hospital). */
    place: z.string().min(1).max(100).optional(),
    /** Role there, e.g. 院長, 副院長, 医長. Optional. */
    role: z.string().max(40).optional(),
    /** 常勤 (`full-time`) or 非常勤 (`part-time`); 非常勤 is always labelled on public pages. */
    employment: z.enum(['full-time', 'part-time'], { error: '勤務形態は full-time（常勤）か part-time（非常勤）です' }),
    /** Departments the person works in there (診療科コード). Default: none. */
    departments: z.array(DeptCode).default([]),
    /** First day. */
    from: IsoDate,
    /** Last day; none means current, and the person shows on that facility's page. */
    to: IsoDate.optional(),
  })
  .refine((a) => (a.facility === undefined) !== (a.place === undefined), {
    error: '施設ID（facility）か施設名（place）のどちらか一方を書いてください',
    path: ['facility'],
  })
  .refine((a) => a.to === undefined || a.to >= a.from, { error: '終了日が開始日より前です', path: ['to'] });
export type Affiliation = z.output<typeof AffiliationSchema>;

export const HeldQualificationSchema = z
  .object({
    /** The qualifications vocabulary id, e.g. `q001` (内科専門医). */
    qualification: Slug,
    /** The day it was awarded. Optional. */
    acquired: IsoDate.optional(),
    /** Last day of the 認定期間; after it the qualification is no longer shown as current. Optional. */
    validUntil: IsoDate.optional(),
    /** How it was checked. */
    verification: VerificationSchema,
  })
  .refine((q) => q.acquired === undefined || q.validUntil === undefined || q.validUntil >= q.acquired, {
    error: '認定期間の終了日が取得日より前です',
    path: ['validUntil'],
  });
export type HeldQualification = z.output<typeof HeldQualificationSchema>;

export const CommitteeSchema = z.object({
  /** The organisation, e.g. 中野区医師会. */
  organisation: z.string().min(1).max(100),
  /** The committee and role, e.g. 学術委員会 委員. */
  role: z.string().min(1).max(100),
  /** First year. */
  from: z.number().int().min(1950).max(2100),
  /** Last year; none means current. */
  to: z.number().int().min(1950).max(2100).optional(),
});

export const AchievementSchema = z.object({
  /** 論文, 発表, 受賞, 著書. */
  kind: z.enum(['paper', 'talk', 'award', 'book'], { error: '種類は paper, talk, award, book のどれかです' }),
  /** Title as published. */
  title: z.string().min(1).max(300),
  /** Year. */
  year: z.number().int().min(1950).max(2100),
  /** A page about it. Optional. */
  url: WebUrl.optional(),
  /** DOI, e.g. 10.1234/abcd. Optional. */
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, { error: 'DOI は 10. で始まる形で書いてください（例: 10.1234/abcd）' })
    .optional(),
});

const sections = {
  /** 勤務履歴: current and past workplaces. */
  affiliations: z.array(AffiliationSchema).default([]),
  /** 保有資格, each with how it was checked. */
  qualifications: z.array(HeldQualificationSchema).default([]),
  /** 学会・委員会所属. */
  memberships: z
    .object({
      /** Societies (societies vocabulary ids). */
      societies: z.array(Slug).default([]),
      /** Committees. */
      committees: z.array(CommitteeSchema).default([]),
    })
    .default({ societies: [], committees: [] }),
  /** 検査・診療技能. */
  skills: z
    .object({
      /** Skills from the skills vocabulary (ids). */
      ids: z.array(Slug).default([]),
      /** Skills in the person's own words, beside the vocabulary. */
      other: z.array(z.string().min(1).max(60)).default([]),
    })
    .default({ ids: [], other: [] }),
  /** 本人が登録するポートフォリオ: achievements and links. */
  portfolio: z
    .object({
      /** Papers, talks, awards, books. */
      achievements: z.array(AchievementSchema).default([]),
      /** researchmap page. */
      researchmap: z.url({ protocol: /^https$/, hostname: /^researchmap\.jp$/, error: 'researchmap の URL は https://researchmap.jp/… です' }).optional(),
      /** ORCID iD as a URL. */
      orcid: z
        .string()
        .regex(/^https:\/\/orcid\.org\/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, { error: 'ORCID は https://orcid.org/0000-0000-0000-0000 の形です' })
        .optional(),
      /** The person's own site. */
      website: WebUrl.optional(),
    })
    .default({ achievements: [] }),
};

export const ConsentSchema = z.object({
  /** The day the person consented. */
  date: IsoDate,
  /** The privacy-policy version consented to (its `updated` date, content/pages/privacy.md). */
  policyVersion: IsoDate,
  /** How: the online form, a paper form, or in person. */
  method: z.enum(['form', 'paper', 'in-person'], { error: '同意の方法は form, paper, in-person のどれかです' }),
  /** Sections the person agreed to publish. A section not listed must be empty. */
  sections: z.array(z.enum(PERSON_SECTIONS, { error: '公開する項目の名前が正しくありません' })).default([]),
  /** The day consent was withdrawn; after it nothing about the person is built. */
  withdrawn: IsoDate.optional(),
});

export const PersonSchema = z
  .object({
    /** Stable ASCII id, the file name and the permalink /people/<id>/. */
    id: Slug,
    /** Name as the person wants it shown, e.g. 中野 花子. */
    name: z.string().min(1).max(60),
    /** Reading in hiragana. Optional. */
    kana: z
      .string()
      .regex(/^[\p{Script=Hiragana}ー\s]+$/u, { error: '読みはひらがなで書いてください' })
      .optional(),
    /** Name in Latin letters for English pages, e.g. Hanako Nakano. Optional. */
    romaji: z
      .string()
      .regex(/^[A-Za-z][A-Za-z .'-]*$/, { error: 'ローマ字は半角英字で書いてください' })
      .optional(),
    /** 職種. */
    profession: z.enum(PROFESSIONS, { error: '職種が正しくありません' }),
    /** How the licence for the 職種 was checked (医師等資格確認検索); the licence number is never stored here. Optional. */
    licence: VerificationSchema.optional(),
    ...sections,
    /** The consent record. */
    consent: ConsentSchema,
    /** Who supplied each section and when it was last confirmed; `identity` covers name and 職種. */
    provenance: z
      .object({
        /** Name, reading and 職種. */
        identity: PersonSourceSchema.optional(),
        /** 勤務履歴. */
        affiliations: PersonSourceSchema.optional(),
        /** 保有資格. */
        qualifications: PersonSourceSchema.optional(),
        /** 学会・委員会所属. */
        memberships: PersonSourceSchema.optional(),
        /** 検査・診療技能. */
        skills: PersonSourceSchema.optional(),
        /** ポートフォリオ. */
        portfolio: PersonSourceSchema.optional(),
      })
      .default({}),
  })
  // A key the schema does not know is refused, not dropped: the file is public and its Git history permanent.
  .strict();
export type Person = z.output<typeof PersonSchema>;
