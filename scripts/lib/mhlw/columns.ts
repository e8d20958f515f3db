/**
 * The column map of the four MHLW 医療情報ネット files (2026-06 edition headers, see
 * tests/fixtures/mhlw/header_*.csv). Columns are found by header name, not position, so the
 * hospital files (three more bed columns) and corrected derivatives (extra 注記 columns) read the same.
 */
import { MhlwReadError } from './reader.ts';

export const DAY_COLUMNS = ['月', '火', '水', '木', '金', '土', '日'] as const;
export const HOURS_DAY_COLUMNS = [...DAY_COLUMNS, '祝'] as const;

export const FACILITY_COLUMNS = {
  id: 'ID',
  name: '正式名称',
  kana: '正式名称（フリガナ）',
  shortName: '略称',
  en: '英語表記（ローマ字表記）',
  kind: '機関区分',
  pref: '都道府県コード',
  city: '市区町村コード',
  address: '所在地',
  lat: '所在地座標（緯度）',
  lon: '所在地座標（経度）',
  url: '案内用ホームページアドレス',
  holidayClosed: '祝日に休診',
  otherClosures: 'その他の休診日（gw、お盆等）',
} as const;

export const weeklyColumn = (day: (typeof DAY_COLUMNS)[number]) => `毎週決まった曜日に休診（${day}）`;
export const nthWeekColumn = (week: number, day: (typeof DAY_COLUMNS)[number]) => `決まった週に休診（定期週）第${week}週（${day}）`;

export const HOURS_COLUMNS = { id: 'ID', code: '診療科目コード', name: '診療科目名', slot: '診療時間帯' } as const;
export const hoursColumn = (day: (typeof HOURS_DAY_COLUMNS)[number], what: '診療開始時間' | '診療終了時間' | '外来受付開始時間' | '外来受付終了時間') =>
  `${day}_${what}`;

/** Every header a facility file must have. */
export const FACILITY_HEADERS: string[] = [
  ...Object.values(FACILITY_COLUMNS),
  ...DAY_COLUMNS.map(weeklyColumn),
  ...[1, 2, 3, 4, 5].flatMap((w) => DAY_COLUMNS.map((d) => nthWeekColumn(w, d))),
];

/** Every header an hours file must have. */
export const HOURS_HEADERS: string[] = [
  ...Object.values(HOURS_COLUMNS),
  ...HOURS_DAY_COLUMNS.flatMap((d) => [hoursColumn(d, '診療開始時間'), hoursColumn(d, '診療終了時間')]),
  ...HOURS_DAY_COLUMNS.flatMap((d) => [hoursColumn(d, '外来受付開始時間'), hoursColumn(d, '外来受付終了時間')]),
];

/** A row reader by header name. Fails with the missing columns named when the file is not the expected one. */
export function columnReader(header: string[], required: string[], file: string): (row: string[], name: string) => string {
  const index = new Map(header.map((h, i) => [h.replace(/^\uFEFF/, ''), i]));
  const missing = required.filter((h) => !index.has(h));
  if (missing.length > 0) {
    throw new MhlwReadError(
      `${file}: 医療情報ネットの形式ではありません。列が見つかりません: ${missing.slice(0, 5).join('、')}${missing.length > 5 ? ` ほか ${missing.length - 5} 列` : ''}`,
    );
  }
  return (row, name) => (row[index.get(name)!] ?? '').trim();
}
