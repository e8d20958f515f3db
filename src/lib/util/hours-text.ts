/**
 * How the hours read in a language: dates and today's status, built from the words the caller passes in
 * (src/i18n's `hours` namespace), so this module holds the logic and no language.
 */
import type { Day } from '../schema/hours.ts';
import type { OpenStatus } from './hours.ts';
import { formatMinutes, toJst } from './jst.ts';

/** The words dates need. */
export interface DateWords {
  monthDay: (month: number, day: number) => string;
  fullDate: (year: number, month: number, day: number) => string;
}

/** The words a status needs. */
export interface StatusWords extends DateWords {
  day: Record<Day, string>;
  dayLong: Record<Day, string>;
  nextMorning: string;
  statusOpen: string;
  statusSoon: string;
  statusClosedToday: string;
  statusClosedNow: string;
  until: (time: string) => string;
  next: (when: string) => string;
  today: string;
  tomorrow: string;
  receptionFrom: (time: string) => string;
  paren: (text: string) => string;
}

/** A date `YYYY-MM-DD` the way the words write it without the year (12月29日, Dec 29). */
export const formatMonthDay = (w: DateWords, date: string): string => w.monthDay(Number(date.slice(5, 7)), Number(date.slice(8, 10)));

/** A date `YYYY-MM-DD` with its year (2026年12月29日, Dec 29, 2026). */
export const formatDate = (w: DateWords, date: string): string => w.fullDate(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));

/** What the status badge says: a headline, an optional detail, and a kind for styling. */
export interface StatusText {
  kind: 'open' | 'soon' | 'closed';
  headline: string;
  detail?: string | undefined;
}

/** The words for an engine status, or undefined when the engine cannot tell (the badge then stays hidden). */
export function describeStatus(s: OpenStatus, w: StatusWords): StatusText | undefined {
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
      n.inDays === 0 ? w.today : n.inDays === 1 ? w.tomorrow : n.inDays < 7 ? w.dayLong[n.weekday] : `${formatMonthDay(w, n.date)}${w.paren(w.day[n.weekday])}`;
    const reception = n.receptionOpen !== undefined ? w.receptionFrom(formatMinutes(n.receptionOpen)) : '';
    next = w.next(`${when} ${formatMinutes(n.open)}${reception}`);
  }
  if (s.closedToday) {
    const note = s.closedToday.note ? w.paren(s.closedToday.note) : '';
    return { kind: 'closed', headline: `${w.statusClosedToday}${note}`, detail: next };
  }
  return next ? { kind: 'closed', headline: next } : { kind: 'closed', headline: w.statusClosedNow };
}
