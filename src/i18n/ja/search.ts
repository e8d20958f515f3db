/**
 * Words of the search page and its script. Filter *values* stay Japanese in the URL and the index
 * (?dept=眼科); `day`, `time`, `hoursUnknown`, `area` and `station` are the very values and formats the
 * index holds (src/lib/search/record.ts; tests/unit/i18n.test.ts checks they agree).
 */
export const search = {
  title: '医療機関を検索',
  description: '中野区の医療機関を名前・診療科・地域・駅・郵便番号で検索できます。',
  help: 'ひらがな・カタカナ・漢字のどれでも探せます。複数の言葉はスペースで区切ると、すべてを含む医療機関を表示します（例: 沼袋 内科）。',
  filtersHeading: '絞り込み',
  clearFilters: '条件をすべて外す',
  resultsHeading: '検索結果',
  sortLabel: '並べ替え',
  sortRelevance: '関連度順',
  sortName: '名前順（五十音）',
  sortNear: '現在地から近い順',
  more: 'さらに表示',
  browseHeading: '一覧から探す',
  /** Keyed by the filter keys of src/lib/search/record.ts (FILTER_KEYS). */
  filterNames: {
    dept: '診療科',
    area: '地域（町名）',
    station: '最寄り駅',
    kind: '種別',
    day: '診療日',
    time: '診療時間',
    hours: '診療時間の登録',
    lang: '対応言語',
    access: 'バリアフリー',
    service: 'サービス',
    skill: '検査・診療（スタッフ）',
    qual: '資格（スタッフ）',
    prof: '職種（スタッフ）',
  },
  day: { mon: '月曜', tue: '火曜', wed: '水曜', thu: '木曜', fri: '金曜', sat: '土曜', sun: '日曜', hol: '祝日' },
  time: { after18: '18時以降', before9: '9時前' },
  hoursUnknown: '未登録',
  /** A facility that is not open any more (shown instead of today's status). */
  state: { closed: '廃止・休止', moved: '移転' },
  /** A number after a name: filter values, department suggestions, the browse link. */
  count: (n: number) => `（${n}）`,
  allCount: (n: number) => `（${n} 件）`,
  hoursNote: (n: number) => `診療時間が未登録の医療機関（${n} 件）は、診療日・診療時間の条件に当てはまりません。条件を付けると結果から外れます。`,
  /** A staff profile among the results. */
  /** Where a person result links: the profile's part in this language. */
  profileHref: (url: string) => url,
  personResult: 'スタッフ',
  noDepartment: '診療科未登録',
  /** A result's town and 丁目, and its nearest station. */
  area: (town: string, chome: number | undefined) => `中野区${town}${chome ? `${chome}丁目` : ''}`,
  station: (name: string, walkMinutes: number | undefined, metres: number | undefined) =>
    `${name}駅${walkMinutes !== undefined ? ` 徒歩${walkMinutes}分` : metres !== undefined ? ` 約${metres}m` : ''}`,
  facts: (parts: string[]) => parts.join('・'),
  list: (parts: string[]) => parts.join('・'),
  distance: (d: string) => `現在地から約 ${d}（直線）`,
  hoursUnregistered: '診療時間: 未登録',
  oneCharDepartments: (w: string) => `「${w}」を含む診療科から選ぶと、その診療科の医療機関だけを表示します:`,
  noMatch: (q: string) => `「${q}」に当てはまる医療機関は見つかりませんでした。`,
  missing: (words: string[]) => `「${words.join('」「')}」を含む医療機関がありません。`,
  dropFilters: '絞り込み条件を外して探す',
  onlyWord: (w: string, n: number) => `「${w}」だけで探す（${n} 件）`,
  tryQuery: (q: string, n: number) => `「${q}」で探す（${n} 件）`,
  departmentList: (name: string) => `診療科「${name}」の一覧`,
  townList: (name: string) => `${name}の医療機関の一覧`,
  stationList: (name: string) => `${name}駅の近くの医療機関の一覧`,
  tryAlso: '次の方法も試せます:',
  hint: '名前の一部だけ（例: 「警察病院」）、読みのひらがな（例: 「ひふか」）、町名・駅名・郵便番号でも探せます。言葉を減らすと見つかることがあります。',
  nothingSearchable: '検索できる文字が入力されていません。',
  prompt: '医療機関の名前・診療科・町名・駅名などを入力してください。',
  nearNote: (limit: number | undefined) =>
    `現在地から近い順（直線距離）。位置は町丁目の代表点による目安です。${limit ? `関連度の高い ${limit} 件を並べ替えています。` : ''}`,
  nearFailed: '現在地を取得できなかったため、関連度順で表示しています。ブラウザの位置情報の利用を許可すると近い順に並べ替えられます。',
  status: (n: number, q: string | undefined, conditions: string[]) =>
    `${[q ? `「${q}」` : '', conditions.length ? `条件: ${conditions.join('・')}` : ''].filter(Boolean).join(' ')}の検索結果 ${n} 件`,
  failed: '検索の準備に失敗しました。ページを再読み込みするか、下の一覧から探してください。',
  /** When a query named a symptom (src/lib/search/symptoms.ts). */
  symptomNote: (names: string, departments: string) => `「${names}」は受診先の目安として、${departments}のある医療機関を表示しています。`,
  symptomKept: (names: string) => `「${names}」の受診先の目安は次のとおりです。いまは選んだ診療科で探しています。`,
  symptomCaution: '受診先の目安です。急な症状は #7119 へ',
  symptomIndex: '症状の一覧',
};
