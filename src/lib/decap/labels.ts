/**
 * What an editor reads next to each field: a Japanese label and, where the format is not obvious,
 * a hint with an example. Keyed by `<collection>:<path>` with list items as `[]`
 * (e.g. `facilities:hours.schedules[].slots[].open`). The config test fails when a schema field has no label.
 */
import { WEEKDAYS, FACILITY_STATES, POSITION_PRECISIONS } from '../schema/index.ts';
import { messages } from '../../i18n/index.ts';

export interface FieldText {
  label: string;
  hint?: string;
}

const DATE_HINT = '例: 2026-04-01';
const TIME_HINT = '半角の 24 時間表記（例: 09:00、18:30）';
const source = (c: string): Record<string, FieldText> => ({
  [`${c}:source`]: { label: '出典' },
  [`${c}:source.source`]: { label: '出典の種類' },
  [`${c}:source.dataset`]: { label: 'データセット' },
  [`${c}:source.method`]: { label: '推定方法' },
  [`${c}:source.date`]: { label: '取得日', hint: DATE_HINT },
});

export const FIELD_TEXT: Readonly<Record<string, FieldText>> = {
  // 医療機関
  'facilities:id': { label: '施設 ID', hint: '半角英小文字・数字・ハイフン（例: nakano-ekimae-clinic）。ページの URL になり、あとから変えられません' },
  'facilities:kind': { label: '種別', hint: 'ベッド数 20 床以上は病院、それ未満は診療所です' },
  'facilities:name': { label: '名称' },
  'facilities:name.official': { label: '正式名称', hint: '保険医療機関の届出どおりに（例: 医療法人社団 博和会 中野駅前クリニック）' },
  'facilities:name.display': { label: '表示名', hint: '患者さんが呼ぶ名前。法人名を除いたもの（例: 中野駅前クリニック）' },
  'facilities:name.corporation': { label: '法人名', hint: '例: 医療法人社団 博和会' },
  'facilities:name.kana': { label: '読み（かな）', hint: '五十音順の並べ替えに使います（例: なかのえきまえくりにっく）' },
  'facilities:name.en': { label: '英語名', hint: '例: Nakano Ekimae Clinic' },
  'facilities:address': { label: '住所' },
  'facilities:address.postalCode': { label: '郵便番号', hint: '例: 164-0001' },
  'facilities:address.published': { label: '住所（表記どおり）', hint: '「東京都」を除いて、公表している表記のまま（例: 中野区中野五丁目52番15号）' },
  'facilities:address.town': { label: '町名', hint: '例: 中野、上鷺宮' },
  'facilities:address.chome': { label: '丁目', hint: '数字だけ（例: 5）。丁目のない町は空欄' },
  'facilities:address.block': { label: '番地', hint: '数字とハイフン（例: 52-15）' },
  'facilities:address.building': { label: '建物名・階', hint: '例: 中野NSBビル6階' },
  'facilities:address.area': { label: '地域（町丁目）', hint: '住所の町名・丁目と同じものを選んでください' },
  'facilities:position': { label: '地図の位置', hint: 'わかる場合だけ。空欄なら町丁目の代表点を使います' },
  'facilities:position.lat': { label: '緯度', hint: '例: 35.7058' },
  'facilities:position.lon': { label: '経度', hint: '例: 139.6658' },
  'facilities:position.precision': { label: '位置の精度' },
  'facilities:contact': { label: '連絡先' },
  'facilities:contact.phone': { label: '電話番号', hint: '半角数字とハイフン（例: 03-1234-5678）' },
  'facilities:contact.fax': { label: 'FAX 番号', hint: '例: 03-1234-5679' },
  'facilities:contact.website': { label: 'ホームページ', hint: 'https:// から' },
  'facilities:contact.booking': { label: '予約ページ', hint: 'https:// から' },
  'facilities:departments': { label: '診療科', hint: '標榜している診療科を選んでください' },
  'facilities:departments[].code': { label: '診療科' },
  'facilities:departments[].name': { label: '表記（一覧と違う場合）', hint: '「その他」を選んだときは必ず書いてください（例: 漢方内科）' },
  'facilities:hours': { label: '診療時間', hint: '曜日ごとに違う時間帯は、時間帯を分けて追加します' },
  'facilities:hours.schedules': { label: '診療時間の表', hint: 'ふつうは 1 つ。診療科ごとに時間が違うときだけ表を分けます' },
  'facilities:hours.schedules[].departments': { label: 'この表の診療科', hint: '空欄ならすべての診療科に当てはまります' },
  'facilities:hours.schedules[].label': { label: '表の名前', hint: '表が複数あるとき（例: 小児科、予防接種・健診）' },
  'facilities:hours.schedules[].slots': {
    label: '時間帯',
    hint: '例:「月火木金 9:00〜12:30」で 1 つ、「月火木金 15:00〜18:30」で 1 つ、「水土 9:00〜12:30」で 1 つ',
  },
  'facilities:hours.schedules[].slots[].days': { label: '曜日', hint: '同じ時間の曜日をまとめて選べます' },
  'facilities:hours.schedules[].slots[].open': { label: '開始', hint: TIME_HINT },
  'facilities:hours.schedules[].slots[].close': { label: '終了', hint: TIME_HINT },
  'facilities:hours.schedules[].slots[].receptionOpen': { label: '受付開始', hint: '開始と違う場合だけ' },
  'facilities:hours.schedules[].slots[].receptionClose': { label: '受付終了', hint: '終了と違う場合だけ（例: 18:00）' },
  'facilities:hours.schedules[].slots[].label': { label: '名前', hint: '例: 午前、午後、夜間' },
  'facilities:hours.schedules[].slots[].overnight': { label: '日付をまたぐ（夜間）', hint: '終了が翌日になる枠だけオンにします' },
  'facilities:hours.closedOnHolidays': { label: '祝日は休診', hint: '祝日の時間帯（曜日「祝」）を登録した場合はそちらが優先されます' },
  'facilities:hours.nthWeekClosures': { label: '第◯週の休診', hint: '例: 第2土曜休診 → 週「第2」、曜日「土」' },
  'facilities:hours.nthWeekClosures[].weeks': { label: '週' },
  'facilities:hours.nthWeekClosures[].day': { label: '曜日' },
  'facilities:hours.datedClosures': { label: '臨時休診・期間の休診', hint: '年が決まっている休み（例: 2026-08-13〜2026-08-16 夏季休診）' },
  'facilities:hours.datedClosures[].from': { label: '初日', hint: DATE_HINT },
  'facilities:hours.datedClosures[].to': { label: '最終日', hint: '1 日だけなら初日と同じ日' },
  'facilities:hours.datedClosures[].note': { label: '内容', hint: '例: 夏季休診、臨時休診' },
  'facilities:hours.annualClosures': { label: '毎年の休診', hint: '毎年同じ日付の休み（例: 12-29〜01-03 年末年始）' },
  'facilities:hours.annualClosures[].from': { label: '初日（月-日）', hint: '例: 12-29' },
  'facilities:hours.annualClosures[].to': { label: '最終日（月-日）', hint: '例: 01-03' },
  'facilities:hours.annualClosures[].note': { label: '内容', hint: '例: 年末年始' },
  'facilities:hours.note': { label: '補足', hint: '表にできないこと（例: 最終受付は終了 30 分前）' },
  'facilities:access': { label: 'アクセス' },
  'facilities:access.stations': { label: '最寄り駅', hint: '近い順に' },
  'facilities:access.stations[].station': { label: '駅' },
  'facilities:access.stations[].distanceM': { label: '距離（m）', hint: '自動で計算した直線距離。わからなければ空欄' },
  'facilities:access.stations[].walkMinutes': { label: '徒歩（分）', hint: '案内している徒歩分数（例: 5）' },
  'facilities:access.parking': { label: '駐車場', hint: '例: 2台、なし（近隣にコインパーキング）' },
  'facilities:access.stepFree': { label: '段差なし・エレベーターあり' },
  'facilities:access.accessibleToilet': { label: '車いす対応トイレ' },
  'facilities:access.note': { label: '道順など', hint: '例: 中野駅北口から徒歩5分、1階が薬局のビル' },
  'facilities:services': { label: '対応している診療・設備' },
  'facilities:languages': { label: '日本語以外の対応言語' },
  'facilities:profile': { label: '紹介文', hint: '2,000 字まで。広告にあたる表現（「最高の」など）は使えません' },
  'facilities:editors': { label: '編集できる GitHub アカウント', hint: '審査担当者だけが変更できます' },
  'facilities:status': { label: '営業の状態' },
  'facilities:status.state': { label: '状態' },
  'facilities:status.since': { label: 'いつから', hint: DATE_HINT },
  'facilities:status.movedTo': { label: '移転先', hint: '移転の場合は移転先の施設を選んでください' },
  'facilities:status.note': { label: 'お知らせ', hint: 'ページに表示されます（例: 2026年4月1日に中野三丁目へ移転しました）' },
  'facilities:codes': { label: '公的な番号' },
  'facilities:codes.insurance': { label: '保険医療機関コード', hint: '9〜10 桁の数字' },
  'facilities:codes.mhlw': { label: '医療情報ネット ID', hint: '13 桁の数字' },
  'facilities:provenance': { label: '出典（保存時に自動で記録）' },
  'facilities:lastVerified': { label: '最終確認日（保存した日になります）' },
  // 人物
  'people:id': { label: 'ID', hint: '半角英小文字・数字・ハイフン' },
  'people:name': { label: '氏名' },
  'people:kana': { label: '読み（かな）' },
  'people:role': { label: '役職', hint: '例: 院長' },
  'people:facilities': { label: '勤務先' },
  'people:qualifications': { label: '専門医・資格' },
  'people:societies': { label: '所属学会' },
  'people:skills': { label: '得意分野' },
  'people:consent': { label: '公開の同意' },
  'people:consent.publish': { label: 'プロフィールの公開に同意している' },
  'people:consent.date': { label: '同意（撤回）した日', hint: DATE_HINT },
  'people:private': { label: '非公開の記録（サイトには出ません）' },
  'people:private.email': { label: 'メールアドレス' },
  'people:private.phone': { label: '電話番号' },
  'people:private.notes': { label: 'メモ' },
  // 診療科
  'departments:code': { label: '診療科コード', hint: '5 桁の数字（例: 01001）' },
  'departments:name': { label: '名称' },
  'departments:kana': { label: '読み（ひらがな）' },
  'departments:en': { label: '英語名' },
  'departments:synonyms': { label: '別名', hint: '例: 皮フ科、耳鼻科' },
  'departments:enSynonyms': { label: '英語の別名', hint: '英語ページの検索で使う日常の呼び方。例: Dentist、Eye Doctor、ENT（ほかの診療科と重ならないこと）' },
  'departments:group': { label: '分類' },
  ...source('departments'),
  // 地域
  'areas:id': { label: 'ID', hint: '例: nakano-5' },
  'areas:town': { label: '町名' },
  'areas:townKana': { label: '町名の読み（ひらがな）' },
  'areas:townEn': { label: '町名（ローマ字）' },
  'areas:chome': { label: '丁目' },
  'areas:postalCode': { label: '郵便番号' },
  'areas:point': { label: '代表点' },
  'areas:point.lat': { label: '緯度' },
  'areas:point.lon': { label: '経度' },
  ...source('areas'),
  // 駅
  'stations:id': { label: 'ID', hint: '例: shin-nakano' },
  'stations:name': { label: '駅名（「駅」を除く）' },
  'stations:kana': { label: '読み（ひらがな）' },
  'stations:en': { label: '英語名' },
  'stations:lines': { label: '路線' },
  'stations:point': { label: '位置' },
  'stations:point.lat': { label: '緯度' },
  'stations:point.lon': { label: '経度' },
  'stations:inWard': { label: '中野区内の駅' },
  ...source('stations'),
  // ページ
  'pages:title': { label: 'タイトル' },
  'pages:description': { label: '要約（200 字まで）' },
  'pages:updated': { label: '更新日', hint: DATE_HINT },
  'pages:revisions': { label: '改定履歴', hint: '新しい順に' },
  'pages:revisions[].date': { label: '日付' },
  'pages:revisions[].summary': { label: '内容' },
};

const { labels, hours } = messages('ja');
/** The table's day names (月 … 祝), as the public hours table heads them. */
const DAY_JA = hours.day;

/**
 * Labels for enum values, by the schema path that holds them. Visitors' labels (src/i18n, `labels`)
 * are reused so an editor picks exactly the words the public page shows.
 */
export const ENUM_TEXT: Readonly<Record<string, Record<string, string>>> = {
  'facilities:kind': labels.kind,
  'facilities:services': labels.service,
  'facilities:languages': labels.language,
  'facilities:hours.schedules[].slots[].days': DAY_JA,
  'facilities:hours.nthWeekClosures[].day': Object.fromEntries(WEEKDAYS.map((d) => [d, `${DAY_JA[d]}曜日`])),
  'facilities:position.precision': Object.fromEntries(
    POSITION_PRECISIONS.map((p) => [p, { exact: '入口の位置', building: '建物の位置', chome: '丁目の代表点', town: '町の代表点' }[p]]),
  ),
  'facilities:status.state': Object.fromEntries(FACILITY_STATES.map((s) => [s, { open: '診療中', closed: '廃止・休止', moved: '移転' }[s]])),
  'departments:group': labels.group,
  '*:source.source': labels.source,
  '*:source.dataset': labels.dataset,
  '*:source.method': labels.method,
};

/** The label of one enum value; the value itself when no label exists (the test requires one). */
export const enumLabel = (collection: string, path: string, value: string): string | undefined => {
  const generic = `*:${path.split('.').slice(-2).join('.')}`;
  return (ENUM_TEXT[`${collection}:${path}`] ?? ENUM_TEXT[generic])?.[value];
};
