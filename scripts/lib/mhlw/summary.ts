/** Hours as one line for a pull-request description: 「月火木金 9:00–12:30, 15:00–18:30 / 水土 9:00–12:30 / 祝休」. */
import type { Day, Hours } from '../../../src/lib/schema/hours.ts';
import { formatTime } from '../../../src/lib/util/jst.ts';

const DAY_JA: Record<Day, string> = { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun: '日', hol: '祝' };
const ORDER: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'hol'];
const t = formatTime;

export function summarizeHours(h: Hours): string {
  const parts = h.schedules.map((s) => {
    const byDays = new Map<string, string[]>();
    for (const slot of s.slots) {
      const days = ORDER.filter((d) => slot.days.includes(d))
        .map((d) => DAY_JA[d])
        .join('');
      const reception =
        slot.receptionOpen || slot.receptionClose
          ? `（受付${slot.receptionOpen ? t(slot.receptionOpen) : ''}〜${slot.receptionClose ? t(slot.receptionClose) : ''}）`
          : '';
      byDays.set(days, [...(byDays.get(days) ?? []), `${t(slot.open)}–${slot.overnight ? '翌' : ''}${t(slot.close)}${reception}`]);
    }
    const text = [...byDays].map(([d, ranges]) => `${d} ${ranges.join(', ')}`).join(' / ');
    return s.departments.length > 0 ? `[${s.departments.join(',')}] ${text}` : text;
  });
  if (h.closedOnHolidays && !h.schedules.some((s) => s.slots.some((x) => x.days.includes('hol')))) parts.push('祝休');
  for (const c of h.nthWeekClosures) parts.push(`第${c.weeks.join('・')}${DAY_JA[c.day]}休`);
  for (const c of h.annualClosures) parts.push(`毎年${c.from}〜${c.to}休`);
  for (const c of h.datedClosures) parts.push(`${c.from}〜${c.to}休`);
  return parts.join(' / ');
}
