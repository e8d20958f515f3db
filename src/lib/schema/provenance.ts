/**
 * Provenance: where each fact came from. GUIDE §5: every value not given by the facility or an
 * official file is *derived* and says how; visitors see 「推定」 for it until an editor confirms it.
 */
import { z } from 'zod';
import { IsoDate } from './common.ts';

/** Kinds of source, most authoritative last. */
export const SOURCE_KINDS = ['official-list', 'mhlw', 'derived', 'facility', 'operator'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Datasets the directory cites. Keys of the 出典 page; the open-data export lists them too. */
export const DATASETS = [
  'kouseikyoku-hokeniryokikan-2025-08',
  'mhlw-iryojohonet',
  'geolonia-japanese-addresses',
  'japanpost-ken-all-2025-10',
  'ekidata-2024-04-26',
  'mhlw-shinryo-kamoku-codes',
  'iryoho-sekorei-3-2',
  'japan-medical-society-database',
] as const;
export type Dataset = (typeof DATASETS)[number];

/** How a derived value was computed. Each method is explained to visitors on the 出典 page. */
export const DERIVATION_METHODS = [
  'name-corporation-split',
  'name-kind',
  'name-department',
  'address-normalise',
  'chome-point',
  'nearest-station',
  'reading-compose',
] as const;
export type DerivationMethod = (typeof DERIVATION_METHODS)[number];

export const SourceSchema = z
  .object({
    /** Where the value came from: 公式一覧, 医療情報ネット, 推定 (derived), the facility itself, or the operator. */
    source: z.enum(SOURCE_KINDS, { error: '出典の種類が正しくありません' }),
    /** The dataset, for `official-list`, `mhlw` and `derived` values (what a derived value was computed from). */
    dataset: z.enum(DATASETS, { error: 'データセット名が正しくありません' }).optional(),
    /** For `facility` and `person`: how their statement reached us, the CMS or the update form. Optional. */
    via: z.enum(['cms', 'form'], { error: '経路は cms か form です' }).optional(),
    /** For `derived`: how it was computed. */
    method: z.enum(DERIVATION_METHODS, { error: '推定方法の名前が正しくありません' }).optional(),
    /** The day the value was taken or last checked against its source. */
    date: IsoDate,
  })
  .refine((s) => s.source !== 'derived' || s.method !== undefined, {
    error: '推定値（derived）には推定方法（method）が必要です',
    path: ['method'],
  });
export type Source = z.output<typeof SourceSchema>;
