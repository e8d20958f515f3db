/**
 * Words of the hours table and the 「診療中」 status, per locale, and how a status reads. Kept apart from
 * ja.ts/en.ts because the status script ships them to the browser and should carry nothing else.
 */
import type { Day } from '../lib/schema/hours.ts';
import type { OpenStatus } from '../lib/util/hours.ts';
import { formatMinutes, toJst } from '../lib/util/jst.ts';
import type { Lang } from './index.ts';

interface HoursWords {
  hoursTitle: string;
  timeColumn: string;
  day: Record<Day, string>;
  dayLong: Record<Day, string>;
  open: string;
  closed: string;
  someWeeksClosed: string;
  asWeekday: string;
  reception: string;
  nextMorning: string;
  range: (from: string, to: string) => string;
  allDepartments: string;
  nthWeek: (weeks: number[], day: string) => string;
  holidaysClosed: string;
  holidaysAsWeekday: string;
  holidaysOwn: string;
  annual: (from: string, to: string, note: string | undefined) => string;
  dated: (from: string, to: string, note: string | undefined) => string;
  closuresTitle: string;
  legend: string;
  statusOpen: string;
  statusSoon: string;
  statusClosedToday: string;
  statusClosedNow: string;
  until: (time: string) => string;
  next: (when: string) => string;
  today: string;
  tomorrow: string;
  monthDay: (month: number, day: number) => string;
  receptionFrom: (time: string) => string;
  paren: (text: string) => string;
  fullDate: (year: number, month: number, day: number) => string;
}

const ja: HoursWords = {
  hoursTitle: '診療時間',
  timeColumn: '診療時間',
  day: { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun: '日', hol: '祝' },
  dayLong: { mon: '月曜', tue: '火曜', wed: '水曜', thu: '木曜', fri: '金曜', sat: '土曜', sun: '日曜', hol: '祝日' },
  open: '診療',
  closed: '休診',
  someWeeksClosed: '休診の週あり',
  asWeekday: '曜日どおり',
  reception: '受付',
  nextMorning: '翌',
  range: (a, b) => `${a}〜${b}`,
  allDepartments: '全診療科',
  nthWeek: (weeks, day) => `第${weeks.join('・第')}${day}は休診`,
  holidaysClosed: '祝日は休診',
  holidaysAsWeekday: '祝日も曜日どおりに診療',
  holidaysOwn: '祝日は「祝」の列の時間に診療',
  annual: (a, b, note) => `毎年 ${a}〜${b} は休診${note ? `（${note}）` : ''}`,
  dated: (a, b, note) => `${a === b ? a : `${a}〜${b}`} 休診${note ? `（${note}）` : ''}`,
  closuresTitle: '休診のお知らせ',
  legend: '○ 診療　△ 休診の週あり　／ 休診',
  statusOpen: '診療中',
  statusSoon: 'まもなく受付終了',
  statusClosedToday: '本日休診',
  statusClosedNow: '受付時間外',
  until: (t) => `受付は ${t} まで`,
  next: (w) => `次の診療: ${w}`,
  today: '本日',
  tomorrow: '明日',
  monthDay: (m, d) => `${m}月${d}日`,
  receptionFrom: (t) => `（受付 ${t}〜）`,
  paren: (x) => `（${x}）`,
  fullDate: (y, m, d) => `${y}年${m}月${d}日`,
};

const en: HoursWords = {
  hoursTitle: 'Opening hours',
  timeColumn: 'Hours',
  day: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun', hol: 'Hol' },
  dayLong: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun', hol: 'Holiday' },
  open: 'open',
  closed: 'closed',
  someWeeksClosed: 'closed some weeks',
  asWeekday: 'as weekday',
  reception: 'Reception',
  nextMorning: 'next day ',
  range: (a, b) => `${a}–${b}`,
  allDepartments: 'All departments',
  nthWeek: (weeks, day) => `Closed on the ${weeks.map((w) => ['1st', '2nd', '3rd', '4th', '5th'][w - 1]).join(' and ')} ${day} of the month`,
  holidaysClosed: 'Closed on public holidays',
  holidaysAsWeekday: 'Open on public holidays at the usual weekday hours',
  holidaysOwn: 'On public holidays, the hours in the “Hol” column apply',
  annual: (a, b, note) => `Closed every year ${a}–${b}${note ? ` (${note})` : ''}`,
  dated: (a, b, note) => `Closed ${a === b ? a : `${a}–${b}`}${note ? ` (${note})` : ''}`,
  closuresTitle: 'Upcoming closures',
  legend: '○ open　△ closed some weeks　／ closed',
  statusOpen: 'Open now',
  statusSoon: 'Reception closes soon',
  statusClosedToday: 'Closed today',
  statusClosedNow: 'Reception closed',
  until: (t) => `reception until ${t}`,
  next: (w) => `Next opening: ${w}`,
  today: 'today',
  tomorrow: 'tomorrow',
  monthDay: (m, d) => `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${d}`,
  receptionFrom: (t) => ` (reception from ${t})`,
  paren: (x) => ` (${x})`,
  fullDate: (y, m, d) => `${en.monthDay(m, d)}, ${y}`,
};

export const hoursWords: Record<Lang, HoursWords> = { ja, en };

/** A date `YYYY-MM-DD` the way the locale writes it without the year (12月29日, Dec 29). */
export const formatMonthDay = (lang: Lang, date: string): string =>
  hoursWords[lang].monthDay(Number(date.slice(5, 7)), Number(date.slice(8, 10)));

/** A date `YYYY-MM-DD` with its year (2026年12月29日, Dec 29, 2026). */
export const formatDate = (lang: Lang, date: string): string =>
  hoursWords[lang].fullDate(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));

/** What the status badge says: a headline, an optional detail, and a kind for styling. */
export interface StatusText {
  kind: 'open' | 'soon' | 'closed';
  headline: string;
  detail?: string | undefined;
}

/** The words for an engine status, or undefined when the engine cannot tell (the badge then stays hidden). */
export function describeStatus(s: OpenStatus, lang: Lang): StatusText | undefined {
  const w = hoursWords[lang];
  if (s.state === 'unknown') return undefined;
  if (s.state === 'open' || s.state === 'closing-soon') {
    const end = toJst(s.until!);
    const time = `${end.date > s.today ? w.nextMorning : ''}${formatMinutes(end.minutes)}`;
    return { kind: s.state === 'open' ? 'open' : 'soon', headline: s.state === 'open' ? w.statusOpen : w.statusSoon, detail: w.until(time) };
  }
  let next: string | undefined;
  if (s.next) {
    const n = s.next;
    const when =
      n.inDays === 0 ? w.today : n.inDays === 1 ? w.tomorrow : n.inDays < 7 ? w.dayLong[n.weekday] : `${formatMonthDay(lang, n.date)}${w.paren(w.day[n.weekday])}`;
    const reception = n.receptionOpen !== undefined ? w.receptionFrom(formatMinutes(n.receptionOpen)) : '';
    next = w.next(`${when} ${formatMinutes(n.open)}${reception}`);
  }
  if (s.closedToday) {
    const note = s.closedToday.note ? w.paren(s.closedToday.note) : '';
    return { kind: 'closed', headline: `${w.statusClosedToday}${note}`, detail: next };
  }
  return next ? { kind: 'closed', headline: next } : { kind: 'closed', headline: w.statusClosedNow };
}
