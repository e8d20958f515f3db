/**
 * Calendar arithmetic in Asia/Tokyo, whatever the time zone of the machine or browser.
 * Japan has had no daylight saving time since 1951, so JST is exactly UTC+9 all year: shifting the
 * epoch by nine hours and reading the UTC fields gives Tokyo's wall clock without Intl (which keeps the
 * client script small). Dates are plain `YYYY-MM-DD` strings, which compare and sort correctly as text.
 */

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A moment in Tokyo: the calendar date, weekday (0 = Sunday … 6 = Saturday) and minutes since midnight. */
export interface JstMoment {
  date: string;
  weekday: number;
  minutes: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Tokyo's date, weekday and time of day at an instant (milliseconds since the epoch). */
export function toJst(epochMs: number): JstMoment {
  const d = new Date(epochMs + JST_OFFSET_MS);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    weekday: d.getUTCDay(),
    minutes: d.getUTCHours() * 60 + d.getUTCMinutes(),
  };
}

/** The instant of a Tokyo date plus minutes (minutes may exceed 1440 for the next morning). */
export const fromJst = (date: string, minutes = 0): number => Date.parse(`${date}T00:00:00Z`) - JST_OFFSET_MS + minutes * 60_000;

/** The date `n` days after (or before) a date. */
export function addDays(date: string, n: number): string {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Weekday of a date, 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Which occurrence of its weekday in the month a date is: 1 for the 1st–7th, 2 for the 8th–14th … 5. */
export const nthWeekdayOfMonth = (date: string): number => Math.ceil(Number(date.slice(8, 10)) / 7);

/** `HH:MM` → minutes since midnight (24:00 → 1440). */
export const toMinutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Minutes since midnight → `H:MM` as clinics write it (9:00, 18:30); 1440+ is shown as the next morning's time. */
export const formatMinutes = (m: number): string => `${Math.floor((m % 1440) / 60)}:${pad(m % 60)}`;

/** `HH:MM` as clinics write it: 09:00 → 9:00; 24:00 stays 24:00 (a slot that runs to midnight). */
export const formatTime = (t: string): string => (t === '24:00' ? t : formatMinutes(toMinutes(t)));
