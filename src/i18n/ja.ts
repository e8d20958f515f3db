/** UI strings, Japanese (the source of truth for keys). Facts come from content/, never from here. */
export const ja = {
  siteName: '中野区診療所データベース',
  siteTagline: '中野区の医療機関を、診療科・地域・駅から探せます',
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
  langSwitch: 'English',
  breadcrumb: 'パンくずリスト',
  kindClinic: '診療所',
  kindHospital: '病院',
  facilitiesCount: '件',
  derived: '推定',
  unconfirmed: '未確認',
  notRegistered: '未登録',
  lastVerified: '最終確認日',
  requestCorrection: '情報の修正を依頼',
  footerNote: '掲載情報は公的な一覧をもとにしています。受診の前に医療機関へ直接ご確認ください。',
  operator: '運営: アルトライテクノロジーズ株式会社',
} as const;

export type UiKey = keyof typeof ja;
