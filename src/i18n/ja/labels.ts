/**
 * Labels of schema enum values, keyed by the values (the types check the keys here, tests/unit/i18n.test.ts
 * checks them against the enums in en/ too).
 */
import type { Dataset, DerivationMethod, Department, Facility, ProvenanceField, SourceKind } from '../../lib/schema/index.ts';
import type { DataRequestForm, DataRequestType } from '../../lib/schema/forms.ts';

export const labels = {
  source: {
    'official-list': '公的な一覧',
    mhlw: '医療情報ネット（厚生労働省）',
    derived: '推定',
    facility: '医療機関による登録',
    operator: '運営者による確認',
  } satisfies Record<SourceKind, string>,
  dataset: {
    'kouseikyoku-hokeniryokikan-2025-08': '関東信越厚生局「保険医療機関・保険薬局の指定一覧」（2025年8月）',
    'mhlw-iryojohonet': '厚生労働省「医療情報ネット」オープンデータ',
    'geolonia-japanese-addresses': 'Geolonia 住所データ（町丁目の代表点）',
    'japanpost-ken-all-2025-10': '日本郵便 郵便番号データ（2025年10月）',
    'ekidata-2024-04-26': '駅データ.jp（2024年4月26日版）',
    'mhlw-shinryo-kamoku-codes': '医療情報ネットの診療科目コード',
    'iryoho-sekorei-3-2': '医療法施行令 第3条の2',
    'japan-medical-society-database': 'Japan Medical Society Database（CC BY 4.0）',
  } satisfies Record<Dataset, string>,
  method: {
    'name-corporation-split': '正式名称から法人名を分けて表示名を作成',
    'name-kind': '名称に「病院」を含むかで種別を推定（医療法第3条）',
    'name-department': '名称に含まれる診療科名から推定',
    'address-normalise': '住所表記を町名・丁目・番地に分解',
    'chome-point': '所在地の丁目の代表点',
    'nearest-station': '丁目の代表点からの直線距離で推定',
    'reading-compose': '語の読みを組み合わせて作成',
  } satisfies Record<DerivationMethod, string>,
  kind: { clinic: '診療所', hospital: '病院' } satisfies Record<Facility['kind'], string>,
  group: {
    internal: '内科系',
    surgical: '外科系',
    paediatric: '小児科系',
    obgyn: '産科・婦人科',
    'eye-ent': '眼科・耳鼻いんこう科',
    'skin-uro': '皮膚科・泌尿器科',
    mental: '精神科・心療内科',
    dental: '歯科',
    other: 'その他',
  } satisfies Record<Department['group'], string>,
  language: {
    ja: '日本語', en: '英語', zh: '中国語', ko: '韓国語', vi: 'ベトナム語', ne: 'ネパール語', tl: 'タガログ語',
    pt: 'ポルトガル語', es: 'スペイン語', fr: 'フランス語', th: 'タイ語', my: 'ミャンマー語', ru: 'ロシア語', jsl: '日本手話',
  } satisfies Record<Facility['languages'][number], string>,
  service: {
    vaccination: '予防接種', 'health-checkup': '健康診断・健診', 'home-visit': '訪問診療', 'online-consultation': 'オンライン診療',
    dialysis: '人工透析', endoscopy: '内視鏡検査', ct: 'CT', mri: 'MRI', 'x-ray': 'レントゲン', ultrasound: '超音波検査',
    'night-clinic': '夜間診療', 'women-doctor': '女性医師', cashless: 'キャッシュレス決済', emergency: '救急対応',
  } satisfies Record<Facility['services'][number], string>,
  /** The groups of facts in a facility's source table. */
  provenanceField: {
    name: '名称', kind: '種別', address: '所在地', position: '位置', contact: '連絡先', departments: '診療科', hours: '診療時間',
    access: '最寄り駅・アクセス', services: '対応・設備', languages: '対応言語', profile: '紹介', status: '状態', codes: '医療機関コード',
  } satisfies Record<ProvenanceField, string>,
  /** The rights of a data request (the mails name them from src/lib/schema/forms.ts, checked equal). */
  requestType: {
    disclosure: '開示',
    correction: '訂正',
    addition: '追加',
    deletion: '削除',
    suspension: '利用停止',
    'third-party-stop': '第三者提供の停止',
    'purpose-notice': '利用目的の通知',
    'third-party-record': '第三者提供記録の開示',
  } satisfies Record<DataRequestType, string>,
  relation: { self: '本人', agent: '代理人（法定代理人・委任による代理人）' } satisfies Record<DataRequestForm['relation'], string>,
};
