/**
 * A medical institution: one YAML file per facility in content/facilities/<id>.yaml.
 * Fields are grouped the way a resident reads a clinic page; provenance says where each group came from.
 */
import { z } from 'zod';
import { GithubLogin, IsoDate, LatLon, PhoneNumber, PostalCode, Slug, WebUrl } from './common.ts';
import { HoursSchema } from './hours.ts';
import { SourceSchema } from './provenance.ts';

export const FACILITY_KINDS = ['clinic', 'hospital'] as const;
export const FACILITY_STATES = ['open', 'closed', 'moved'] as const;
export const POSITION_PRECISIONS = ['exact', 'building', 'chome', 'town'] as const;
/** Languages a facility can serve patients in (ISO 639-1). */
export const LANGUAGES = ['ja', 'en', 'zh', 'ko', 'vi', 'ne', 'tl', 'pt', 'es', 'fr', 'th', 'my', 'ru', 'jsl'] as const;
/** Services a resident filters on. Labels live in src/i18n. */
export const SERVICES = [
  'vaccination',
  'health-checkup',
  'home-visit',
  'online-consultation',
  'dialysis',
  'endoscopy',
  'ct',
  'mri',
  'x-ray',
  'ultrasound',
  'night-clinic',
  'women-doctor',
  'cashless',
  'emergency',
] as const;

export const FacilityNameSchema = z.object({
  /** The name exactly as in the official list, e.g. 「医療法人社団 博和会 中野駅前クリニック」. */
  official: z.string().min(1, { error: '正式名称を入力してください' }),
  /** What residents call it: the official name without the corporation prefix. */
  display: z.string().min(1, { error: '表示名を入力してください' }),
  /** The corporation that runs it (「医療法人社団 博和会」), when the official name has one. */
  corporation: z.string().min(1).optional(),
  /** Reading of the display name in katakana or hiragana (used for 五十音 order). */
  kana: z
    .string()
    .regex(/^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s　A-Za-z0-9＆&]+$/u, { error: '読みはかなで書いてください' })
    .optional(),
  /** English or romanised name. */
  en: z.string().min(1).optional(),
});

export const AddressSchema = z.object({
  /** Postal code (〒), NNN-NNNN. */
  postalCode: PostalCode,
  /** The address exactly as published by the source, without 東京都. */
  published: z.string().min(1, { error: '住所を入力してください' }),
  /** Town (町名), normalised, e.g. 中央. Must be a town of the area vocabulary. */
  town: z.string().min(1),
  /** 丁目 as a number, when the town has them. */
  chome: z.number().int().min(1).max(20).optional(),
  /** Block and building numbers, normalised to hyphens (e.g. 59-16). */
  block: z
    .string()
    .regex(/^[0-9]+(?:-[0-9]+)*$/, { error: '番地は数字とハイフンで書いてください（例: 59-16）' })
    .optional(),
  /** Building name and floor, as published (e.g. 中野NSBビル6階). */
  building: z.string().optional(),
  /** The area vocabulary entry (町丁目) this address belongs to. */
  area: Slug,
});

export const PositionSchema = LatLon.extend({
  /** How close the point is to the entrance: exact, building, the 丁目's representative point, or the town's. */
  precision: z.enum(POSITION_PRECISIONS, { error: '位置の精度は exact / building / chome / town のいずれかです' }),
});

export const ContactSchema = z.object({
  /** Main phone number for patients. */
  phone: PhoneNumber.optional(),
  /** Fax number. */
  fax: PhoneNumber.optional(),
  /** Official website. */
  website: WebUrl.optional(),
  /** Online booking page. */
  booking: WebUrl.optional(),
});

export const FacilityDepartmentSchema = z.object({
  /** MHLW department code (see content/departments). */
  code: z.string().regex(/^\d{5}$/, { error: '診療科コードは 5 桁の数字です' }),
  /** The name as the facility advertises it, when it differs from the vocabulary (required for 991/992 catch-all codes). */
  name: z.string().min(1).optional(),
});

export const StationAccessSchema = z.object({
  /** Station id (see content/stations). */
  station: Slug,
  /** Straight-line distance in metres from the facility position (derived). */
  distanceM: z.number().int().min(0).optional(),
  /** Walking minutes as the facility states them (or derived at 80 m/min, the real-estate convention). */
  walkMinutes: z.number().int().min(0).max(120).optional(),
});

export const AccessSchema = z.object({
  /** Nearby stations, nearest first. */
  stations: z.array(StationAccessSchema).default([]),
  /** Parking, as the facility states it (e.g. 「2台」「なし（近隣にコインパーキング）」). */
  parking: z.string().max(200).optional(),
  /** Step-free entrance or an elevator to the floor. */
  stepFree: z.boolean().optional(),
  /** A wheelchair-accessible toilet. */
  accessibleToilet: z.boolean().optional(),
  /** Free text on getting there (e.g. 「中野駅北口から徒歩 5 分、1 階が薬局のビル」). */
  note: z.string().max(500).optional(),
});

export const StatusSchema = z.object({
  /** open, closed (廃止・休止) or moved (移転). */
  state: z.enum(FACILITY_STATES, { error: '状態は open / closed / moved のいずれかです' }).default('open'),
  /** When the state took effect. */
  since: IsoDate.optional(),
  /** For `moved`: the facility id at the new address. */
  movedTo: Slug.optional(),
  /** Free note shown to visitors. */
  note: z.string().max(300).optional(),
});

export const CodesSchema = z.object({
  /** 保険医療機関コード, 10 digits: prefecture (2) + 点数表 (1: 医科, 3: 歯科) + 7 digits. */
  insurance: z
    .string()
    .regex(/^\d{10}$|^\d{9}$/, { error: '医療機関コードは 9〜10 桁の数字です' })
    .optional(),
  /** The 13-digit ID of the MHLW 医療情報ネット open data (not the insurance code). */
  mhlw: z
    .string()
    .regex(/^\d{13}$/, { error: '医療情報ネットの ID は 13 桁の数字です' })
    .optional(),
});

/** Field groups whose source is recorded in `provenance`. */
export const PROVENANCE_FIELDS = [
  'name',
  'kind',
  'address',
  'position',
  'contact',
  'departments',
  'hours',
  'access',
  'services',
  'languages',
  'profile',
  'status',
  'codes',
] as const;
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number];

export const ProvenanceSchema = z.object(
  Object.fromEntries(PROVENANCE_FIELDS.map((f) => [f, SourceSchema.optional()])) as Record<ProvenanceField, z.ZodOptional<typeof SourceSchema>>,
);

export const FacilitySchema = z
  .object({
    /** Stable ASCII id, the file name; never reused, even after a facility closes. */
    id: Slug,
    /** 診療所 (clinic, < 20 beds) or 病院 (hospital, ≥ 20 beds). */
    kind: z.enum(FACILITY_KINDS, { error: '種別は clinic（診療所）または hospital（病院）です' }),
    /** Names. */
    name: FacilityNameSchema,
    /** Address. */
    address: AddressSchema,
    /** Map position and its precision. */
    position: PositionSchema.optional(),
    /** Phone, fax, website, booking. */
    contact: ContactSchema.default({}),
    /** Departments (標榜診療科). */
    departments: z.array(FacilityDepartmentSchema).default([]),
    /** Weekly hours; absent means not yet registered (shown as 「未登録」). */
    hours: HoursSchema.optional(),
    /** Stations, parking, step-free access. */
    access: AccessSchema.default({ stations: [] }),
    /** Services and equipment. */
    services: z.array(z.enum(SERVICES, { error: 'サービスの値が正しくありません' })).default([]),
    /** Languages patients can be seen in, besides Japanese. */
    languages: z.array(z.enum(LANGUAGES, { error: '言語コードが正しくありません' })).default([]),
    /** A short public introduction written by the facility. */
    profile: z.string().max(2000).optional(),
    /** GitHub accounts allowed to edit this facility (set by reviewers only). */
    editors: z.array(GithubLogin).default([]),
    /** Open, closed or moved. */
    status: StatusSchema.default({ state: 'open' }),
    /** Official identifiers. */
    codes: CodesSchema.default({}),
    /** Where each field group came from. */
    provenance: ProvenanceSchema.default({}),
    /** The last day someone checked this page against the facility or an official source. */
    lastVerified: IsoDate,
  })
  .superRefine((f, ctx) => {
    if (f.status.state === 'moved' && !f.status.movedTo) {
      ctx.addIssue({ code: 'custom', path: ['status', 'movedTo'], message: '移転の場合は移転先の施設 ID が必要です' });
    }
  });
export type Facility = z.output<typeof FacilitySchema>;
export type FacilityInput = z.input<typeof FacilitySchema>;
