/**
 * The opening-hours engine: which slots apply on a date, whether a facility is open at an instant,
 * when it next opens, and the rows of the weekly table. One module for the build (facility pages,
 * search filters, importer checks) and the browser (src/scripts/open-status.ts), so it imports only
 * types from the schema (importing the schema's values would pull zod into the client bundle) and
 * takes the holiday calendar as an argument (the full holiday package is too big for the browser;
 * see holidays.ts). Every date and time is Tokyo's (jst.ts).
 */
import type { Day, Hours, Schedule, Slot, Weekday } from '../schema/hours.ts';
import { addDays, fromJst, nthWeekdayOfMonth, toJst, toMinutes, weekdayOf } from './jst.ts';

/** Japanese public holidays, as far as the calendar knows them. */
export interface HolidayCalendar {
  /** Is the date (`YYYY-MM-DD`) a public holiday (振替休日 and 国民の休日 included)? */
  isHoliday(date: string): boolean;
  /** Does the calendar know the year of this date? Outside it the engine answers "unknown", never a guess. */
  covers(date: string): boolean;
}

/** A calendar from a list of holiday dates that is complete between `from` and `to` (inclusive). */
export function calendarFromList(dates: Iterable<string>, from: string, to: string): HolidayCalendar {
  const set = new Set(dates);
  return { isHoliday: (d) => set.has(d), covers: (d) => d >= from && d <= to };
}

/** Weekday keys in `Date#getUTCDay` order. */
export const WEEK_ORDER: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * One opening on one day, in minutes from that day's midnight (Tokyo). `close` and the reception
 * times may exceed 1440 for an overnight slot. A patient can walk in from `start` to `end`.
 */
export interface Opening {
  /** The day the slot starts on. */
  date: string;
  open: number;
  close: number;
  /** Reception opens (受付開始): `receptionOpen` or, when not given, `open`. */
  receptionOpen: number;
  /** Reception closes (受付終了): `receptionClose` or, when not given, `close`. */
  receptionClose: number;
  /** Earliest moment a patient is accepted: the earlier of `open` and `receptionOpen`. */
  start: number;
  /** Last moment a patient is accepted (exclusive): `receptionClose`. */
  end: number;
  label?: string | undefined;
  /** Index of the schedule in `hours.schedules`. */
  schedule: number;
}

/** Why a whole day is closed. */
export type ClosureKind = 'dated' | 'annual' | 'nth-week' | 'holiday' | 'weekly';
export interface DayClosure {
  kind: ClosureKind;
  /** The closure's note (年末年始 …) for dated and annual closures. */
  note?: string | undefined;
}

export interface DayPlan {
  date: string;
  holiday: boolean;
  /** Set when nothing opens that day. */
  closure?: DayClosure | undefined;
  /** Openings that start that day, earliest first. */
  openings: Opening[];
}

export interface EngineOptions {
  /** Only schedules for these department codes (a schedule with no departments applies to all). */
  departments?: readonly string[] | undefined;
}

/** The slot's times in minutes from its day's midnight, with overnight times moved past 1440. */
export function slotMinutes(slot: Slot): Omit<Opening, 'date' | 'label' | 'schedule'> {
  const open = toMinutes(slot.open);
  const rawClose = toMinutes(slot.close);
  const overnight = slot.overnight === true && rawClose <= open;
  const close = overnight ? rawClose + 1440 : rawClose;
  // In an overnight slot, a reception time at or before the closing time is on the next morning.
  const later = (t: string | undefined, fallback: number): number => {
    if (t === undefined) return fallback;
    const m = toMinutes(t);
    return overnight && m <= rawClose ? m + 1440 : m;
  };
  const receptionOpen = later(slot.receptionOpen, open);
  const receptionClose = later(slot.receptionClose, close);
  return { open, close, receptionOpen, receptionClose, start: Math.min(open, receptionOpen), end: receptionClose };
}

const inAnnualRange = (monthDay: string, from: string, to: string): boolean =>
  from <= to ? monthDay >= from && monthDay <= to : monthDay >= from || monthDay <= to;

/** The schedules that apply to the departments asked for, with their index. */
export const schedulesFor = (hours: Hours, opts: EngineOptions): [Schedule, number][] =>
  hours.schedules
    .map((s, i) => [s, i] as [Schedule, number])
    .filter(([s]) => !opts.departments || s.departments.length === 0 || s.departments.some((d) => opts.departments!.includes(d)));

/** The slots of a schedule that apply on a day, given whether it is a holiday. */
export function slotsForDay(hours: Hours, schedule: Schedule, weekday: Weekday, holiday: boolean): Slot[] {
  if (holiday) {
    const hol = schedule.slots.filter((s) => s.days.includes('hol'));
    if (hol.length > 0) return hol;
    if (hours.closedOnHolidays) return [];
  }
  return schedule.slots.filter((s) => s.days.includes(weekday));
}

/**
 * What a facility does on one Tokyo date: closures first (dated, annual, 第N週), then holiday rules
 * (`hol` slots win; otherwise `closedOnHolidays`), then the weekday's slots.
 * Throws when the holiday calendar does not cover the date.
 */
export function dayPlan(hours: Hours, date: string, calendar: HolidayCalendar, opts: EngineOptions = {}): DayPlan {
  if (!calendar.covers(date)) throw new RangeError(`holiday calendar does not cover ${date}`);
  const holiday = calendar.isHoliday(date);
  const weekday = WEEK_ORDER[weekdayOf(date)]!;
  const dated = hours.datedClosures.find((c) => date >= c.from && date <= c.to);
  if (dated) return { date, holiday, closure: { kind: 'dated', note: dated.note }, openings: [] };
  const annual = (hours.annualClosures ?? []).find((c) => inAnnualRange(date.slice(5), c.from, c.to));
  if (annual) return { date, holiday, closure: { kind: 'annual', note: annual.note }, openings: [] };
  const nth = nthWeekdayOfMonth(date);
  if (hours.nthWeekClosures.some((c) => c.day === weekday && c.weeks.includes(nth))) {
    return { date, holiday, closure: { kind: 'nth-week' }, openings: [] };
  }
  const openings: Opening[] = [];
  for (const [schedule, index] of schedulesFor(hours, opts)) {
    for (const slot of slotsForDay(hours, schedule, weekday, holiday)) {
      openings.push({ date, ...slotMinutes(slot), label: slot.label, schedule: index });
    }
  }
  openings.sort((a, b) => a.start - b.start || a.end - b.end);
  if (openings.length > 0) return { date, holiday, openings };
  const closedByHoliday = holiday && schedulesFor(hours, opts).some(([s]) => slotsForDay(hours, s, weekday, false).length > 0);
  return { date, holiday, closure: { kind: closedByHoliday ? 'holiday' : 'weekly' }, openings };
}

export type OpenState = 'open' | 'closing-soon' | 'closed' | 'unknown';

export interface NextOpening {
  /** Tokyo date of the opening. */
  date: string;
  /** Days from today (0 = later today). */
  inDays: number;
  /** Weekday key of that date. */
  weekday: Weekday;
  /** Consultation starts, minutes from that date's midnight. */
  open: number;
  /** Reception opens, when it is earlier than the consultation (受付 8:45〜). */
  receptionOpen?: number | undefined;
  /** The instant a patient is first accepted. */
  at: number;
}

export interface OpenStatus {
  state: OpenState;
  /** Tokyo date "now" falls on. */
  today: string;
  /** While open: the instant reception closes (受付終了). */
  until?: number | undefined;
  /** Nothing opens today (本日休診), and why. */
  closedToday?: DayClosure | undefined;
  /** The next opening after now, if one is found within the horizon. */
  next?: NextOpening | undefined;
}

export interface StatusOptions extends EngineOptions {
  /** 「まもなく受付終了」 this many minutes before reception closes. Default 30. */
  soonMinutes?: number;
  /** How many days ahead to look for the next opening. Default 62 (long 臨時休診 included). */
  horizonDays?: number;
}

/** Is the facility accepting patients at `now`, until when, and when does it next open? */
export function openStatus(hours: Hours, now: number, calendar: HolidayCalendar, opts: StatusOptions = {}): OpenStatus {
  const { soonMinutes = 30, horizonDays = 62 } = opts;
  const t = toJst(now);
  const yesterday = addDays(t.date, -1);
  if (!calendar.covers(t.date) || !calendar.covers(yesterday)) return { state: 'unknown', today: t.date };
  const todayPlan = dayPlan(hours, t.date, calendar, opts);
  // Openings running now, in minutes from today's midnight; yesterday's overnight slots reach into today.
  const current = [...dayPlan(hours, yesterday, calendar, opts).openings.map((o) => ({ start: o.start - 1440, end: o.end - 1440 })), ...todayPlan.openings];
  let until: number | undefined;
  for (const o of current) if (o.start <= t.minutes && t.minutes < o.end) until = Math.max(until ?? 0, o.end);
  // Back-to-back slots (reception of one until 12:00, the next from 12:00) read as one opening.
  for (let grew = until !== undefined; grew;) {
    grew = false;
    for (const o of current) {
      if (until !== undefined && o.start <= until && o.end > until) {
        until = o.end;
        grew = true;
      }
    }
  }
  const closedToday = todayPlan.openings.length === 0 ? todayPlan.closure : undefined;
  const next = findNext(hours, t.date, until ?? t.minutes, calendar, opts, horizonDays);
  if (until !== undefined) {
    const state = until - t.minutes <= soonMinutes ? 'closing-soon' : 'open';
    return { state, today: t.date, until: fromJst(t.date, until), closedToday, next };
  }
  return { state: 'closed', today: t.date, closedToday, next };
}

function findNext(hours: Hours, today: string, after: number, calendar: HolidayCalendar, opts: EngineOptions, horizon: number): NextOpening | undefined {
  for (let i = 0; i <= horizon; i++) {
    const date = addDays(today, i);
    if (!calendar.covers(date)) return undefined;
    const o = dayPlan(hours, date, calendar, opts).openings.find((x) => i > 0 || x.start > after);
    if (o) {
      return {
        date,
        inDays: i,
        weekday: WEEK_ORDER[weekdayOf(date)]!,
        open: o.open,
        receptionOpen: o.receptionOpen < o.open ? o.receptionOpen : undefined,
        at: fromJst(date, o.start),
      };
    }
  }
  return undefined;
}

/** One row of the weekly table: a time range and the days it applies to. */
export interface TableRow {
  open: string;
  close: string;
  receptionOpen?: string | undefined;
  receptionClose?: string | undefined;
  label?: string | undefined;
  overnight: boolean;
  days: Set<Day>;
}

/**
 * The rows of a schedule's weekly table (時間帯 × 曜日), earliest first. Slots with the same times,
 * reception times and label share a row, so 「月火木金 9:00–12:30」 and 「土 9:00–12:30」 are one row.
 */
export function tableRows(schedule: Schedule): TableRow[] {
  const rows = new Map<string, TableRow>();
  for (const s of schedule.slots) {
    const key = [s.open, s.close, s.receptionOpen, s.receptionClose, s.label].join('|');
    const row = rows.get(key) ?? {
      open: s.open,
      close: s.close,
      receptionOpen: s.receptionOpen,
      receptionClose: s.receptionClose,
      label: s.label,
      overnight: s.overnight === true && toMinutes(s.close) <= toMinutes(s.open),
      days: new Set<Day>(),
    };
    s.days.forEach((d) => row.days.add(d));
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => toMinutes(a.open) - toMinutes(b.open) || toMinutes(a.close) - toMinutes(b.close));
}

/** How the 祝 column of a schedule reads: its own `hol` slots, closed, or the weekday's hours. */
export const holidayRule = (hours: Hours, schedule: Schedule): 'slots' | 'closed' | 'as-weekday' =>
  schedule.slots.some((s) => s.days.includes('hol')) ? 'slots' : hours.closedOnHolidays ? 'closed' : 'as-weekday';

/** Only what the open-status engine reads, for a page's data attribute: no labels, no closures ended before `from`. */
export function engineHours(hours: Hours, from: string): Hours {
  return {
    ...hours,
    schedules: hours.schedules.map((s) => ({ departments: s.departments, slots: s.slots.map(({ label: _label, ...slot }) => slot) })),
    datedClosures: hours.datedClosures.filter((c) => c.to >= from),
    note: undefined,
  } as Hours;
}
