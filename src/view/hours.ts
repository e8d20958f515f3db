/**
 * The weekly hours of a facility as data: one table per schedule (時間帯 × 月〜日・祝), the notes under it and
 * the closures still to come. The public page (src/components/HoursTable.astro) and the CMS preview
 * (src/admin/preview.ts) both render this, so the preview shows the visitors' table.
 */
import { DAYS, type Day, type Hours } from '../lib/schema/index.ts';
import { holidayRule, tableRows } from '../lib/util/hours.ts';
import { formatTime as time, toMinutes } from '../lib/util/jst.ts';
import { formatDate, formatMonthDay } from '../lib/util/hours-text.ts';
import { messages, type Lang } from '../i18n/index.ts';

/** What a cell of the table says about that day and time. */
export type Cell = 'open' | 'some-weeks' | 'closed' | 'as-weekday';

export interface HoursRow {
  label: string | undefined;
  /** 9:00〜12:30 */
  range: string;
  /** 受付 8:45〜12:00, when reception hours differ. */
  reception: string | undefined;
  cells: Cell[];
}

export interface HoursView {
  days: { day: Day; short: string; long: string }[];
  timeColumn: string;
  tables: { caption: string; rows: HoursRow[] }[];
  /** The holiday rule first, then closures on some weeks, each year, and the facility's own note. */
  notes: string[];
  legend: string;
  closuresTitle: string;
  /** Dated closures that have not ended by `today`. */
  upcoming: { from: string; to: string; fromText: string; toText: string; note: string | undefined }[];
  /** The visible mark of each cell and what a screen reader says instead. */
  mark: Record<Cell, string>;
  spoken: Record<Cell, string>;
}

/** The hours `hours` in `lang`; `departments` names the schedules' departments, `today` (YYYY-MM-DD, JST) picks the closures to list. */
export function hoursView(hours: Hours, departments: { code: string; name: string }[], lang: Lang, today: string): HoursView {
  const w = messages(lang).hours;
  const nameOf = (code: string) => departments.find((d) => d.code === code)?.name ?? code;
  const nthDays = new Set(hours.nthWeekClosures.map((c) => c.day));
  const tables = hours.schedules.map((schedule) => {
    const rule = holidayRule(hours, schedule);
    const caption =
      schedule.label ??
      (schedule.departments.length > 0 ? w.scheduleCaption(schedule.departments.map(nameOf)) : hours.schedules.length > 1 ? w.allDepartments : w.hoursTitle);
    const rows = tableRows(schedule).map((r) => {
      const closeReception = r.receptionClose ?? r.close;
      const nextMorning = r.overnight && toMinutes(closeReception) <= toMinutes(r.close) ? w.nextMorning : '';
      return {
        label: r.label,
        range: w.range(time(r.open), `${r.overnight ? w.nextMorning : ''}${time(r.close)}`),
        reception:
          r.receptionOpen || r.receptionClose
            ? `${w.reception} ${w.range(r.receptionOpen ? time(r.receptionOpen) : '', `${nextMorning}${time(closeReception)}`)}`
            : undefined,
        cells: DAYS.map((d): Cell => {
          if (d === 'hol' && rule !== 'slots') return rule === 'closed' ? 'closed' : 'as-weekday';
          if (!r.days.has(d)) return 'closed';
          return d !== 'hol' && nthDays.has(d) ? 'some-weeks' : 'open';
        }),
      };
    });
    return { caption, rule, rows };
  });
  const holidayNote = tables.some((t) => t.rule === 'slots') ? w.holidaysOwn : hours.closedOnHolidays ? w.holidaysClosed : w.holidaysAsWeekday;
  return {
    days: DAYS.map((day) => ({ day, short: w.day[day], long: w.dayLong[day] })),
    timeColumn: w.timeColumn,
    tables: tables.map(({ caption, rows }) => ({ caption, rows })),
    notes: [
      holidayNote,
      ...hours.nthWeekClosures.map((c) => w.nthWeek([...c.weeks].sort(), w.dayLong[c.day])),
      ...hours.annualClosures.map((c) => w.annual(formatMonthDay(w, `2000-${c.from}`), formatMonthDay(w, `2000-${c.to}`), c.note)),
      ...(hours.note ? [hours.note] : []),
    ],
    legend: w.legend,
    closuresTitle: w.closuresTitle,
    upcoming: hours.datedClosures
      .filter((c) => c.to >= today)
      .map((c) => ({ from: c.from, to: c.to, fromText: formatDate(w, c.from), toText: formatDate(w, c.to), note: c.note })),
    mark: { open: '○', 'some-weeks': '△', closed: '／', 'as-weekday': '※' },
    spoken: { open: w.open, 'some-weeks': w.someWeeksClosed, closed: w.closed, 'as-weekday': w.asWeekday },
  };
}
