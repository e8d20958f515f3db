/**
 * Japanese public holidays from @holiday-jp/holiday_jp (maintained; 1970–2050, 振替休日 and 国民の休日
 * included), for the build and the CLIs. The package's data is ~230 KB (14 KB gzipped), too much for
 * the status script, so pages carry only the few holidays of the next two years (`holidaysBetween`),
 * and the browser builds its calendar from them with `calendarFromList` (hours.ts).
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { calendarFromList, type HolidayCalendar } from './hours.ts';

/** Every holiday date the package knows, sorted. Keys only: the package's Date helpers use local time. */
const ALL: readonly string[] = Object.keys(holidayJp.holidays).sort();
const FIRST_YEAR = ALL[0]!.slice(0, 4);
const LAST_YEAR = ALL[ALL.length - 1]!.slice(0, 4);

/** The full calendar (1970-01-01 … 2050-12-31 with package 2.5.1). */
export const holidayCalendar: HolidayCalendar = calendarFromList(ALL, `${FIRST_YEAR}-01-01`, `${LAST_YEAR}-12-31`);

/** Holiday dates from `from` to `to` inclusive (`YYYY-MM-DD`), clipped to the years the package covers. */
export const holidaysBetween = (from: string, to: string): string[] => ALL.filter((d) => d >= from && d <= to);
