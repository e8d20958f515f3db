/**
 * Vocabularies: departments, areas (町丁目), stations, and for staff profiles skills, qualifications and
 * societies. Facilities and people refer to them by id,
 * and the build fails when a reference does not resolve.
 */
import { z } from 'zod';
import { LatLon, PostalCode, Slug, WebUrl } from './common.ts';
import { SourceSchema } from './provenance.ts';

export const DepartmentSchema = z.object({
  /** MHLW 診療科目コード (5 digits, e.g. 01001 内科). The file name is the code. */
  code: z.string().regex(/^\d{5}$/, { error: '診療科コードは 5 桁の数字です' }),
  /** The name as in the MHLW open data (e.g. 耳鼻いんこう科). */
  name: z.string().min(1),
  /** Reading in hiragana (e.g. じびいんこうか). */
  kana: z.string().regex(/^[\p{Script=Hiragana}ー・（）()]+$/u, { error: '読みはひらがなで書いてください' }),
  /** English name. */
  en: z.string().min(1),
  /** Other names residents use (皮フ科, 耳鼻科, こども …). Search and name matching use them. */
  synonyms: z.array(z.string().min(1)).default([]),
  /**
   * Everyday English names (Dentist, Eye Doctor, ENT …), each on one department only. The English search page
   * reads them as this department. Default: none.
   */
  enSynonyms: z.array(z.string().min(1)).default([]),
  /** Broad group for browsing: 内科系, 外科系 … (the first two digits of the code). */
  group: z.enum(['internal', 'surgical', 'paediatric', 'obgyn', 'eye-ent', 'skin-uro', 'mental', 'dental', 'other']),
  /** Where the name and code come from. */
  source: SourceSchema,
});
export type Department = z.output<typeof DepartmentSchema>;

export const AreaSchema = z.object({
  /** `<town-romaji>` or `<town-romaji>-<chome>`, e.g. `nakano-5`. The file name is the id. */
  id: Slug,
  /** Town (町名) as written officially, e.g. 中野, 上鷺宮. */
  town: z.string().min(1),
  /** Reading of the town in hiragana. */
  townKana: z.string().regex(/^[\p{Script=Hiragana}ー]+$/u, { error: '読みはひらがなで書いてください' }),
  /** Town in romaji, for English pages. */
  townEn: z.string().min(1),
  /** 丁目 number, when the town has them. */
  chome: z.number().int().min(1).max(20).optional(),
  /** Postal code of the town. */
  postalCode: PostalCode,
  /** Representative point (approximate; Geolonia). */
  point: LatLon,
  /** Where it comes from. */
  source: SourceSchema,
});
export type Area = z.output<typeof AreaSchema>;

export const StationSchema = z.object({
  /** Romaji id, e.g. `nakano`, `shin-nakano`. The file name is the id. */
  id: Slug,
  /** Station name without 駅. */
  name: z.string().min(1),
  /** Reading in hiragana. */
  kana: z.string().regex(/^[\p{Script=Hiragana}ー]+$/u, { error: '読みはひらがなで書いてください' }),
  /** English name. */
  en: z.string().min(1),
  /** Lines serving it, as named by the operator. */
  lines: z.array(z.string().min(1)).min(1),
  /** Position of the station. */
  point: LatLon,
  /** Is the station inside 中野区? */
  inWard: z.boolean(),
  /** Where it comes from. */
  source: SourceSchema,
});
export type Station = z.output<typeof StationSchema>;

/** What a skill is about, for grouping on the browse pages. */
export const SKILL_CATEGORIES = ['exam', 'treatment', 'care', 'prevention', 'language'] as const;

export const SkillSchema = z.object({
  /** Romaji id, e.g. `abdominal-ultrasound`. The file name is the id. */
  id: Slug,
  /** Name as residents and clinics write it, e.g. 腹部超音波. */
  name: z.string().min(1),
  /** Reading in hiragana (search and sorting). */
  kana: z.string().regex(/^[\p{Script=Hiragana}ー・]+$/u, { error: '読みはひらがなで書いてください' }),
  /** English name. */
  en: z.string().min(1),
  /** 検査, 治療, ケア, 予防, 言語. */
  category: z.enum(SKILL_CATEGORIES, { error: '分類は exam, treatment, care, prevention, language のどれかです' }),
  /** Departments where the skill is usually found (診療科コード). Default: none. */
  departments: z.array(z.string().regex(/^\d{5}$/, { error: '診療科コードは 5 桁の数字です' })).default([]),
  /** Other names residents use (胃カメラ, エコー …). Search matches them. Default: none. */
  synonyms: z.array(z.string().min(1)).default([]),
  /** Everyday English names. Default: none. */
  enSynonyms: z.array(z.string().min(1)).default([]),
  /** Who compiled the entry (the operator) and when. */
  source: SourceSchema,
});
export type Skill = z.output<typeof SkillSchema>;

/** Where a symptom is felt, for grouping on the symptom index (/symptoms/). */
export const SYMPTOM_GROUPS = [
  'whole-body',
  'head',
  'eye',
  'ear-nose-throat',
  'mouth-teeth',
  'chest',
  'abdomen',
  'skin',
  'bones-joints',
  'urinary',
  'women',
  'mind',
  'children',
] as const;

/**
 * An everyday symptom or body part and the departments to consider for it (受診先の目安), compiled by the
 * project (docs/operations/symptoms.md). Searching one of its words finds those departments' facilities.
 */
export const SymptomSchema = z
  .object({
    /** Romaji or English id, e.g. `headache`. The file name is the id. */
    id: Slug,
    /** As residents say it: 頭痛, のどの痛み, 子どもの発熱. */
    name: z.string().min(1),
    /** Reading in hiragana. */
    kana: z.string().regex(/^[\p{Script=Hiragana}ー・]+$/u, { error: '読みはひらがなで書いてください' }),
    /** English name. */
    en: z.string().min(1),
    /** Where it is felt: 全身, 頭, 目 … */
    group: z.enum(SYMPTOM_GROUPS, { error: `部位は ${SYMPTOM_GROUPS.join(', ')} のどれかです` }),
    /** Departments to consider, most usual first (診療科コード). */
    departments: z.array(z.string().regex(/^\d{5}$/, { error: '診療科コードは 5 桁の数字です' })).min(1, { error: '受診先の診療科を 1 つ以上書いてください' }),
    /** Other ways residents say it (頭が痛い, 偏頭痛). Search matches them. Default: none. */
    synonyms: z.array(z.string().min(1)).default([]),
    /** Other English names (migraine). Default: none. */
    enSynonyms: z.array(z.string().min(1)).default([]),
    /** When not to wait for a clinic: 「突然の激しい頭痛…は 119 番」. Optional. */
    urgent: z.string().min(1).optional(),
    /** The same in English, for the English page: written whenever `urgent` is. */
    urgentEn: z.string().min(1).optional(),
    /** Who compiled the entry (the operator) and when. */
    source: SourceSchema,
  })
  .refine((s) => !s.urgent === !s.urgentEn, { error: '急ぐときの注意（urgent）は英語（urgentEn）と両方書いてください', path: ['urgentEn'] });
export type Symptom = z.output<typeof SymptomSchema>;

/** Kinds of qualification in the qualifications vocabulary (資格種別). */
export const QUALIFICATION_KINDS = ['specialist', 'instructor', 'certified', 'certificate', 'fellow'] as const;

export const QualificationSchema = z.object({
  /** `q` and the number of the Japan Medical Society Database's 資格ID, e.g. `q001`. The file name is the id. */
  id: Slug,
  /** The database's 資格ID, e.g. Q001. */
  code: z.string().regex(/^Q\d{3,}$/, { error: '資格IDは Q と数字です（例: Q001）' }),
  /** 資格名称, e.g. 内科専門医. */
  name: z.string().min(1),
  /** 専門医, 指導医, 認定医, 認定資格, 学会フェロー. */
  kind: z.enum(QUALIFICATION_KINDS, { error: '資格種別が正しくありません' }),
  /** The society that awards it (societies vocabulary id). */
  society: Slug,
  /** 制度区分: 新専門医制度, 旧制度, 共通 … */
  system: z.string().optional(),
  /** 基本領域, when the database names one. */
  field: z.string().optional(),
  /** Renewal cycle in years. */
  renewalYears: z.number().int().positive().optional(),
  /** The database's note (移行, 新規認定終了 …). */
  note: z.string().optional(),
  /** Where it comes from. */
  source: SourceSchema,
});
export type Qualification = z.output<typeof QualificationSchema>;

export const SocietySchema = z.object({
  /** `soc` and the number of the database's 学会ID, e.g. `soc001`. The file name is the id. */
  id: Slug,
  /** The database's 学会ID, e.g. SOC001. */
  code: z.string().regex(/^SOC\d{3,}$/, { error: '学会IDは SOC と数字です（例: SOC001）' }),
  /** 正式名称, e.g. 一般社団法人日本内科学会. */
  name: z.string().min(1),
  /** 略称, e.g. 内科学会. */
  short: z.string().optional(),
  /**
   * 厚労省広告可能: the society's specialist qualifications may be advertised (医療広告ガイドライン).
   * Public pages show a qualification only when its society has this (ADR 0009).
   */
  advertisable: z.boolean(),
  /** 専門医機構認定: the society's specialty is certified by 日本専門医機構. */
  boardCertified: z.boolean(),
  /** The society's website, where its list of specialists can be checked. */
  website: WebUrl.optional(),
  /** Where it comes from; `date` is the database's 最終確認日. */
  source: SourceSchema,
});
export type Society = z.output<typeof SocietySchema>;
