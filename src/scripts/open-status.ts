/**
 * Progressive enhancement for <OpenStatus>: fills the hidden badge with 「診療中」「まもなく受付終了」
 * 「本日休診」 or 「次の診療: 木曜 9:00」 and refreshes it every minute. Without JavaScript the badge stays
 * hidden and the weekly table says everything. The element carries the facility's hours and the
 * holidays of the next two years (generated from @holiday-jp/holiday_jp at build time); outside that
 * range the engine answers "unknown" and the badge stays hidden rather than guess.
 */
import type { Hours } from '../lib/schema/hours.ts';
import { calendarFromList, openStatus } from '../lib/util/hours.ts';
import { describeStatus } from '../lib/util/hours-text.ts';
import { hoursWords } from '../i18n/client/hours.ts';

function render(el: HTMLElement): void {
  const { hours, holidays = '', holidaysFrom = '', holidaysTo = '', departments, lang } = el.dataset;
  if (!hours) return;
  const calendar = calendarFromList(holidays.split(' '), holidaysFrom, holidaysTo);
  const status = openStatus(JSON.parse(hours) as Hours, Date.now(), calendar, {
    departments: departments ? departments.split(' ') : undefined,
  });
  const text = describeStatus(status, hoursWords[lang === 'en' ? 'en' : 'ja']);
  el.hidden = !text;
  if (!text) return;
  el.dataset['state'] = text.kind;
  const [headline, detail] = el.children as unknown as [HTMLElement, HTMLElement];
  headline.textContent = text.headline;
  detail.textContent = text.detail ?? '';
  detail.hidden = !text.detail;
}

const renderAll = () => document.querySelectorAll<HTMLElement>('[data-open-status]').forEach(render);
renderAll();
setInterval(renderAll, 60_000);
