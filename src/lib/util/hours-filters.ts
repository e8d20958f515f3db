/**
 * The search filters' facts about a facility's hours (平日・土曜・日曜・祝日・18時以降・9時前),
 * derived from the same engine as the facility page, so a filter never disagrees with the table.
 */
import type { Hours, Weekday } from '../schema/hours.ts';
import { schedulesFor, slotMinutes, slotsForDay, type EngineOptions } from './hours.ts';

export interface HoursFilterFacts {
  mon: boolean;
  tue: boolean;
  wed: boolean;
  thu: boolean;
  fri: boolean;
  /** Open on some Saturday (第2・第4土曜休診 still counts as open on Saturdays). */
  sat: boolean;
  sun: boolean;
  /** Open on public holidays (its own 祝 hours, or the weekday's when not closed on holidays). */
  hol: boolean;
  /** Accepts patients after 18:00 on some day (reception closes later than 18:00, or runs overnight). */
  after18: boolean;
  /** Accepts patients before 9:00 on some day (reception or consultation starts earlier, or an overnight slot). */
  before9: boolean;
}

const DAY_KEYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The filter facts; `undefined` when no hours are registered (the search shows those as 「未登録」, not as closed). */
export function hoursFilterFacts(hours: Hours | undefined, opts: EngineOptions = {}): HoursFilterFacts | undefined {
  if (!hours) return undefined;
  const schedules = schedulesFor(hours, opts).map(([s]) => s);
  const closedEveryWeek = (day: Weekday) => [1, 2, 3, 4, 5].every((n) => hours.nthWeekClosures.some((c) => c.day === day && c.weeks.includes(n)));
  const facts = { after18: false, before9: false } as HoursFilterFacts;
  for (const day of DAY_KEYS) facts[day] = !closedEveryWeek(day) && schedules.some((s) => slotsForDay(hours, s, day, false).length > 0);
  facts.hol = schedules.some((s) => DAY_KEYS.some((day) => slotsForDay(hours, s, day, true).length > 0));
  for (const s of schedules) {
    for (const slot of s.slots) {
      const m = slotMinutes(slot);
      if (m.end > 18 * 60) facts.after18 = true;
      if (m.start < 9 * 60 || m.close > 24 * 60) facts.before9 = true;
    }
  }
  return facts;
}
