/** Labels for schema enum values, per language. Keys are checked against the schema's enums. */
import type { DerivationMethod, SourceKind, Dataset } from '../lib/schema/provenance.ts';
import type { FACILITY_KINDS, LANGUAGES, SERVICES } from '../lib/schema/facility.ts';
import type { Department } from '../lib/schema/vocab.ts';
import type { Lang } from './index.ts';

type L = Record<Lang, string>;

export const SOURCE_LABELS: Record<SourceKind, L> = {
  'official-list': { ja: '公的な一覧', en: 'official register' },
  mhlw: { ja: '医療情報ネット（厚生労働省）', en: 'MHLW Medical Information Net' },
  derived: { ja: '推定', en: 'estimated' },
  facility: { ja: '医療機関による登録', en: 'provided by the facility' },
  operator: { ja: '運営者による確認', en: 'confirmed by the operator' },
};

export const DATASET_LABELS: Record<Dataset, L> = {
  'kouseikyoku-hokeniryokikan-2025-08': { ja: '関東信越厚生局「保険医療機関・保険薬局の指定一覧」（2025年8月）', en: 'Kanto-Shinetsu Regional Bureau of Health and Welfare, list of insured medical institutions (Aug 2025)' },
  'mhlw-iryojohonet': { ja: '厚生労働省「医療情報ネット」オープンデータ', en: 'MHLW Medical Information Net open data' },
  'geolonia-japanese-addresses': { ja: 'Geolonia 住所データ（町丁目の代表点）', en: 'Geolonia Japanese addresses (chōme points)' },
  'japanpost-ken-all-2025-10': { ja: '日本郵便 郵便番号データ（2025年10月）', en: 'Japan Post postal code data (Oct 2025)' },
  'ekidata-2024-04-26': { ja: '駅データ.jp（2024年4月26日版）', en: 'ekidata.jp station data (2024-04-26)' },
  'mhlw-shinryo-kamoku-codes': { ja: '医療情報ネットの診療科目コード', en: 'MHLW department codes' },
  'iryoho-sekorei-3-2': { ja: '医療法施行令 第3条の2', en: 'Medical Care Act Enforcement Order, Art. 3-2' },
  'japan-medical-society-database': { ja: 'Japan Medical Society Database（CC BY 4.0）', en: 'Japan Medical Society Database (CC BY 4.0)' },
};

export const METHOD_LABELS: Record<DerivationMethod, L> = {
  'name-corporation-split': { ja: '正式名称から法人名を分けて表示名を作成', en: 'display name split from the corporation name' },
  'name-kind': { ja: '名称に「病院」を含むかで種別を推定（医療法第3条）', en: 'type read from the name ("病院" is reserved for hospitals)' },
  'name-department': { ja: '名称に含まれる診療科名から推定', en: 'departments read from the facility name' },
  'address-normalise': { ja: '住所表記を町名・丁目・番地に分解', en: 'address split into town, chōme and block' },
  'chome-point': { ja: '所在地の丁目の代表点', en: 'representative point of the chōme' },
  'nearest-station': { ja: '丁目の代表点からの直線距離で推定', en: 'straight-line distance from the chōme point' },
  'reading-compose': { ja: '語の読みを組み合わせて作成', en: 'reading composed from its parts' },
};

export const KIND_LABELS: Record<(typeof FACILITY_KINDS)[number], L> = {
  clinic: { ja: '診療所', en: 'Clinic' },
  hospital: { ja: '病院', en: 'Hospital' },
};

export const GROUP_LABELS: Record<Department['group'], L> = {
  internal: { ja: '内科系', en: 'Internal medicine' },
  surgical: { ja: '外科系', en: 'Surgery' },
  paediatric: { ja: '小児科系', en: 'Paediatrics' },
  obgyn: { ja: '産科・婦人科', en: 'Obstetrics and gynaecology' },
  'eye-ent': { ja: '眼科・耳鼻いんこう科', en: 'Eye and ENT' },
  'skin-uro': { ja: '皮膚科・泌尿器科', en: 'Skin and urology' },
  mental: { ja: '精神科・心療内科', en: 'Mental health' },
  dental: { ja: '歯科', en: 'Dentistry' },
  other: { ja: 'その他', en: 'Other' },
};

export const LANGUAGE_LABELS: Record<(typeof LANGUAGES)[number], L> = {
  ja: { ja: '日本語', en: 'Japanese' }, en: { ja: '英語', en: 'English' }, zh: { ja: '中国語', en: 'Chinese' }, ko: { ja: '韓国語', en: 'Korean' },
  vi: { ja: 'ベトナム語', en: 'Vietnamese' }, ne: { ja: 'ネパール語', en: 'Nepali' }, tl: { ja: 'タガログ語', en: 'Tagalog' }, pt: { ja: 'ポルトガル語', en: 'Portuguese' },
  es: { ja: 'スペイン語', en: 'Spanish' }, fr: { ja: 'フランス語', en: 'French' }, th: { ja: 'タイ語', en: 'Thai' }, my: { ja: 'ミャンマー語', en: 'Burmese' },
  ru: { ja: 'ロシア語', en: 'Russian' }, jsl: { ja: '日本手話', en: 'Japanese Sign Language' },
};

export const SERVICE_LABELS: Record<(typeof SERVICES)[number], L> = {
  vaccination: { ja: '予防接種', en: 'Vaccinations' }, 'health-checkup': { ja: '健康診断・健診', en: 'Health check-ups' },
  'home-visit': { ja: '訪問診療', en: 'Home visits' }, 'online-consultation': { ja: 'オンライン診療', en: 'Online consultation' },
  dialysis: { ja: '人工透析', en: 'Dialysis' }, endoscopy: { ja: '内視鏡検査', en: 'Endoscopy' }, ct: { ja: 'CT', en: 'CT' }, mri: { ja: 'MRI', en: 'MRI' },
  'x-ray': { ja: 'レントゲン', en: 'X-ray' }, ultrasound: { ja: '超音波検査', en: 'Ultrasound' }, 'night-clinic': { ja: '夜間診療', en: 'Evening clinic' },
  'women-doctor': { ja: '女性医師', en: 'Female doctor' }, cashless: { ja: 'キャッシュレス決済', en: 'Cashless payment' }, emergency: { ja: '救急対応', en: 'Emergency care' },
};
