/** Words of the browse pages (home, lists by department, area and station) and of /about/. */
export const home = {
  listed: (n: number) => `掲載 ${n} 件`,
};

export const allFacilities = {
  description: (n: number) => `中野区の医療機関 ${n} 件の一覧`,
  lead: (n: number) => `${n} 件（名称順）`,
};

export const areas = {
  order: '町名は五十音順です。',
  title: (area: string) => `${area}の医療機関`,
  description: (area: string, n: number) => `中野区${area}の医療機関 ${n} 件`,
};

export const departmentPage = {
  title: (department: string) => `${department}の医療機関`,
  description: (department: string, n: number) => `中野区で${department}を掲げる医療機関 ${n} 件`,
};

export const stations = {
  indexNote: '各駅から直線距離 1.5 km 以内（丁目の代表点で推定）の医療機関を表示します。',
  title: (station: string) => `${station}周辺の医療機関`,
  description: (station: string, lines: string[], n: number) => `${station}（${lines.join('・')}）から直線距離 1.5 km 以内の医療機関 ${n} 件`,
  nearestNote: '近い順。距離は丁目の代表点からの直線距離による推定で、実際の道のりより短く出ます。',
};

export const about = {
  description: '掲載データの出典、ライセンス、推定値の作り方',
  introHtml: (n: number) =>
    `このサイトは、中野区にある保険医療機関 ${n} 件を、公的な一覧をもとに掲載しています。診療時間・電話番号などの公的な一覧にない情報は、医療機関ご自身による登録や厚生労働省の「医療情報ネット」のオープンデータで順次補います。<strong>掲載内容は受診の前に医療機関へ直接ご確認ください。</strong>`,
  estimatedHeading: '推定値について',
  estimatedBody:
    '次の値は、公的な一覧から機械的に推定したもので、ページ上では「推定」と表示しています。医療機関が確認・修正すると、出典は「医療機関による登録」に変わります。',
  sourcesHeading: '出典とライセンス',
  licence: 'ライセンス',
  openDataHeading: 'オープンデータ',
  openDataBody: '掲載中の公開情報は機械判読可能な形式でも提供しています（出典の表示が必要です）。',
  openDataPeople: '（スタッフ紹介。本人が公開に同意した項目だけ）',
  operatorHeading: '運営',
};
