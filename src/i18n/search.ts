/**
 * Words of the search page (src/pages/[...lang]/search.astro) and its script (src/scripts/search.ts),
 * per locale. Kept apart from ja.ts/en.ts because the script ships them to the browser. Filter *values*
 * stay Japanese in the URL and the index (?dept=眼科); `day`, `time`, `hoursUnknown` and `state` say how
 * each language shows them, the Japanese ones being the very values the index holds.
 */
import { areaMeta, DAY_VALUES, HOURS_UNKNOWN, stationMeta, TIME_VALUES, type FilterKey } from '../lib/search/record.ts';
import type { Lang } from './index.ts';

const ja = {
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
  } as Record<FilterKey, string>,
  day: DAY_VALUES as Record<keyof typeof DAY_VALUES, string>,
  time: TIME_VALUES as Record<keyof typeof TIME_VALUES, string>,
  hoursUnknown: HOURS_UNKNOWN as string,
  /** A facility that is not open any more (shown instead of today's status). */
  state: { closed: '廃止・休止', moved: '移転' } as Record<'closed' | 'moved', string>,
  /** A number after a name: filter values, department suggestions, the browse link. */
  count: (n: number) => `（${n}）`,
  allCount: (n: number) => `（${n} 件）`,
  hoursNote: (n: number) => `診療時間が未登録の医療機関（${n} 件）は、診療日・診療時間の条件に当てはまりません。条件を付けると結果から外れます。`,
  noDepartment: '診療科未登録',
  /** A result's town and 丁目, and its nearest station (the index holds them in Japanese: src/lib/search/record.ts). */
  area: (town: string, chome: number | undefined) => `中野区${areaMeta(town, chome)}`,
  station: stationMeta,
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
  nearNote: (limit: number | undefined) => `現在地から近い順（直線距離）。位置は町丁目の代表点による目安です。${limit ? `関連度の高い ${limit} 件を並べ替えています。` : ''}`,
  nearFailed: '現在地を取得できなかったため、関連度順で表示しています。ブラウザの位置情報の利用を許可すると近い順に並べ替えられます。',
  status: (n: number, q: string | undefined, conditions: string[]) =>
    `${[q ? `「${q}」` : '', conditions.length ? `条件: ${conditions.join('・')}` : ''].filter(Boolean).join(' ')}の検索結果 ${n} 件`,
  failed: '検索の準備に失敗しました。ページを再読み込みするか、下の一覧から探してください。',
};

export type SearchWords = typeof ja;

const en: SearchWords = {
  title: 'Search clinics and hospitals',
  description: 'Search the clinics and hospitals of Nakano City by name, department, area, station or postal code.',
  help: 'Type a department, a town or a station in English or Japanese, or a facility name in Japanese. Separate several words with spaces to find the facilities that match all of them (e.g. Numabukuro internal medicine).',
  filtersHeading: 'Filters',
  clearFilters: 'Clear all filters',
  resultsHeading: 'Results',
  sortLabel: 'Sort by',
  sortRelevance: 'Best match',
  sortName: 'Name (Japanese order)',
  sortNear: 'Nearest to me',
  more: 'Show more',
  browseHeading: 'Browse the lists',
  filterNames: {
    dept: 'Department',
    area: 'Area (town)',
    station: 'Nearest station',
    kind: 'Type',
    day: 'Open on',
    time: 'Opening hours',
    hours: 'Hours registered',
    lang: 'Languages spoken',
    access: 'Accessibility',
    service: 'Services',
  },
  day: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday', hol: 'Public holidays' },
  time: { after18: 'Open after 6 pm', before9: 'Open before 9 am' },
  hoursUnknown: 'Not registered',
  state: { closed: 'Closed or suspended', moved: 'Moved' },
  count: (n) => ` (${n})`,
  allCount: (n) => ` (${n})`,
  hoursNote: (n) =>
    `${n} ${n === 1 ? 'facility has' : 'facilities have'} not registered their hours yet. They never match a day or hours filter, so choosing one leaves them out.`,
  noDepartment: 'Department not registered',
  area: (town, chome) => `${town}${chome ? ` ${chome}-chōme` : ''}, Nakano`,
  station: (name, walkMinutes, metres) =>
    `${name} Sta.${walkMinutes !== undefined ? `, ${walkMinutes} min walk` : metres !== undefined ? `, about ${metres} m` : ''}`,
  facts: (parts) => parts.join(' · '),
  list: (parts) => parts.join(', '),
  distance: (d) => `About ${d} from you (straight line)`,
  hoursUnregistered: 'Hours: not registered',
  oneCharDepartments: (w) => `Departments with “${w}” in their name. Pick one to see only its facilities:`,
  noMatch: (q) => `No facility matches “${q}”.`,
  missing: (words) => `No facility matches ${words.map((w) => `“${w}”`).join(' or ')}.`,
  dropFilters: 'Search again without the filters',
  onlyWord: (w, n) => `Search for “${w}” only (${n})`,
  tryQuery: (q, n) => `Search for “${q}” (${n})`,
  departmentList: (name) => `All ${name} facilities`,
  townList: (name) => `All facilities in ${name}`,
  stationList: (name) => `All facilities near ${name} Sta.`,
  tryAlso: 'You could also try:',
  hint: 'You can search by part of a name (e.g. 警察病院), a department (e.g. dermatology), a town, a station or a postal code. Fewer words often find more.',
  nothingSearchable: 'Nothing to search for: please type a word.',
  prompt: 'Type a facility name, a department, a town or a station.',
  nearNote: (limit) =>
    `Nearest first (straight-line distance). Positions are approximate: the centre of each facility's block.${limit ? ` Only the ${limit} best matches are sorted.` : ''}`,
  nearFailed: 'Your location is not available, so results are shown by best match. Allow location access in your browser to sort them by distance.',
  status: (n, q, conditions) =>
    `${n} ${n === 1 ? 'result' : 'results'}${q ? ` for “${q}”` : ''}${conditions.length ? ` (filters: ${conditions.join(', ')})` : ''}`,
  failed: 'Search could not start. Please reload the page, or browse the lists below.',
};

export const SEARCH_WORDS: Readonly<Record<Lang, SearchWords>> = { ja, en };
