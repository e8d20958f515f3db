/**
 * Vocabularies: departments, areas (町丁目) and stations. Facilities refer to them by id,
 * and the build fails when a reference does not resolve.
 */
import { z } from 'zod';
import { LatLon, PostalCode, Slug } from './common.ts';
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
