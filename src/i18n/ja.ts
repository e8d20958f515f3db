/**
 * Every UI string, Japanese: the source of truth for the keys (en.ts must have the same, by type). Words
 * every page shares are here; the rest are namespaces, one file each in ja/. Facts come from content/.
 */
import { facility } from './ja/facility.ts';
import { contact, corrections, dataRequest, forms } from './ja/forms.ts';
import { hours } from './ja/hours.ts';
import { formErrors } from './ja/form-errors.ts';
import { labels } from './ja/labels.ts';
import { names } from './ja/names.ts';
import { about, allFacilities, areas, departmentPage, home, stations } from './ja/pages.ts';
import { search } from './ja/search.ts';
import { staff } from './ja/staff.ts';
import { update } from './ja/update.ts';
import { register } from './ja/register.ts';
import { withdraw } from './ja/withdraw.ts';
import { editLink } from './ja/edit-link.ts';
import { symptoms } from './ja/symptoms.ts';

// One object literal, no spreads: the bundler drops it from a browser script that only needs langPrefix.
export const ja = {
  siteName: '中野区診療所データベース',
  demoBanner: 'これは架空のデータによるデモです。掲載している医療機関・人物はすべて架空で、実在しません。',
  skipToContent: '本文へ移動',
  navHome: 'ホーム',
  navDepartments: '診療科から探す',
  navAreas: '地域から探す',
  navStations: '駅から探す',
  navAll: 'すべての医療機関',
  navSearch: '検索',
  navAbout: '出典・データについて',
  navPrivacy: 'プライバシーポリシー',
  navContact: 'お問い合わせ',
  /** aria-label of the header and footer navigation. */
  siteNav: 'サイト内',
  footerNav: 'サイト情報',
  /** og:locale of the page. */
  ogLocale: 'ja_JP',
  langSwitch: 'English',
  breadcrumb: 'パンくずリスト',
  derived: '推定',
  notRegistered: '未登録',
  /** Between the items of a value written in one line (内科、小児科). */
  comma: '、',
  lastVerified: '最終確認日',
  requestCorrection: '情報の修正を依頼',
  footerNote: '掲載情報は公的な一覧をもとにしています。受診の前に医療機関へ直接ご確認ください。',
  operator: '運営: アルトライテクノロジーズ株式会社',
  /** Between two links in a line of text. */
  sep: '・',
  homeLead: '中野区にある病院・診療所（保険医療機関）を、診療科・地域・駅から探せます。',
  searchLabel: '医療機関名・診療科・地域で検索',
  searchPlaceholder: '例: 沼袋 内科、ひふか、中野駅',
  searchButton: '検索',
  searchNoJs: '検索には JavaScript が必要です。JavaScript を使わない場合は、下の一覧から探せます。',
  browseByDepartment: '診療科から探す',
  browseByArea: '地域（町名・丁目）から探す',
  browseByStation: '駅から探す',
  browseAll: 'すべての医療機関の一覧',
  allDepartments: 'すべての診療科',
  /** A number after a name in a list (内科 12件). */
  listCount: (n: number) => `${n}件`,
  /** A number of facilities in a sentence of its own (12 件). */
  facilityCount: (n: number) => `${n} 件`,
  noFacilities: 'この条件に当てはまる医療機関は登録されていません。',
  departments: '診療科',
  address: '所在地',
  kind: '種別',
  phone: '電話',
  fax: 'FAX',
  website: 'ウェブサイト',
  booking: '予約',
  nearestStations: '最寄り駅',
  straightLine: '直線距離',
  /** Distance to a station in a facility list. */
  distance: (m: number) => `約 ${m} m（直線距離）`,
  hoursHeading: '診療時間',
  hoursNotRegistered: '診療時間は未登録です。受診の前に医療機関へお問い合わせください。',
  hoursInvite: '医療機関の方へ: 診療時間や診療科を登録・修正できます。',
  access: 'アクセス',
  parking: '駐車場',
  stepFree: '段差なし・エレベーター',
  accessibleToilet: '車いす対応トイレ',
  services: '対応・設備',
  languages: '対応言語',
  profile: '紹介',
  statusClosed: 'この医療機関は廃止・休止しています',
  statusMoved: 'この医療機関は移転しました',
  provenance: 'この情報の出典',
  corporation: '開設者（法人）',
  officialName: '正式名称',
  derivedExplain: '「推定」は公的な一覧から機械的に推定した値で、医療機関には未確認です。',
  positionApprox: '地図上の位置は丁目の代表点（おおよその位置）です。',
  yes: 'あり',
  no: 'なし',
  chome: '丁目',
  stationsInWard: '中野区内の駅',
  stationsNearby: '区外の近隣駅',
  page: 'ページ',
  prevPage: '前のページ',
  nextPage: '次のページ',
  notFoundTitle: 'ページが見つかりません',
  notFoundBody: 'お探しのページは移動または削除された可能性があります。',
  englishSummary: 'English summary',
  /** An editorial page (content/pages). */
  lastRevised: '最終改定日',
  revisionHistory: '改定履歴',
  /** The content/pages entry of the privacy policy in this language. */
  privacyPage: 'privacy',
  /** The QR code of a page's URL (src/components/QrCode.astro). */
  list: {
    title: 'マイリスト（保存した医療機関）',
    printTitle: '紹介先リスト',
    description: '保存した医療機関の一覧。今日の診療状況を表示し、リンクで共有したり印刷したりできます。',
    intro: '保存した医療機関は、このブラウザの中（localStorage）にだけ記録されます。当社のサーバーには送られません。',
    save: '保存',
    saved: '保存済み（マイリストから外す）',
    savedNote: 'マイリストに保存しました',
    removedNote: 'マイリストから外しました',
    empty: 'まだ保存した医療機関はありません。医療機関のページの「保存」から追加できます。',
    shared: '共有されたリストを表示しています。',
    keep: 'このリストを自分のマイリストに保存',
    kept: '自分のマイリストに保存しました',
    remove: '外す',
    share: 'このリストのリンクをコピー',
    print: '印刷する（紹介先リスト）',
    phone: '電話',
    noJs: 'マイリストの表示には JavaScript が必要です。',
    notFound: 'この医療機関は掲載されていません',
    hoursUnknown: '診療時間は未登録です',
  },
  map: {
    show: '地図で表示',
    hide: '地図を閉じる',
    region: '地図',
    loading: '地図を読み込んでいます…',
    failed: '地図を表示できませんでした。住所と最寄り駅は上の一覧にあります。',
    legendExact: '医療機関の位置',
    legendApprox: '位置はおおよそ（丁目の代表点のまわり）',
    legendStation: '駅',
    attribution: '地理院タイル',
    noPosition: '位置の分かる医療機関がありません。',
    zoomIn: '拡大',
    zoomOut: '縮小',
    keyboard: '地図は矢印キーで動かし、＋・－キーで拡大・縮小できます。',
  },
  share: { share: '共有する', copy: 'リンクをコピー', copied: 'リンクをコピーしました', failed: 'コピーできませんでした。アドレス: ' },
  qr: { show: 'QRコードを表示', label: 'このページの URL の QR コード', caption: 'スマートフォンで読み取ると、このページを開けます:' },
  names,
  labels,
  hours,
  search,
  forms,
  formErrors,
  contact,
  corrections,
  dataRequest,
  home,
  allFacilities,
  areas,
  departmentPage,
  stations,
  about,
  facility,
  staff,
  update,
  register,
  withdraw,
  editLink,
  symptoms,
};

/** The shape every language has: the keys of ja.ts with string and function values. */
export type Messages = typeof ja;
