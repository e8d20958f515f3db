/**
 * The facility preview in /admin: the public page's structure (src/pages/facilities/[id].astro and
 * src/components/HoursTable.astro), its words (src/i18n) and its stylesheet (src/styles.css), built from the
 * entry being edited. The weekly table comes from the same pure functions as the page (tableRows, holidayRule).
 */
import { createElement as h, Fragment, type ReactNode } from 'react';
import type { Map as ImmutableMap, List } from 'immutable';
import { FacilitySchema, HoursSchema, DAYS, type Day, type Facility, type Hours } from '../lib/schema/index.ts';
import { cleanEntry, validateEntry } from '../lib/decap/save.ts';
import { holidayRule, tableRows } from '../lib/util/hours.ts';
import { formatMinutes, toMinutes } from '../lib/util/jst.ts';
import { formatDate, formatMonthDay } from '../lib/util/hours-text.ts';
import { messages } from '../i18n/index.ts';

/** The page's component styles that the preview needs besides src/styles.css. */
export const PREVIEW_CSS = `
body{padding:0 1rem}.hours-table{margin:.5rem 0;min-width:28rem}.hours-table caption{text-align:left;font-weight:700}
.hours-table td.open{color:var(--ok);font-weight:700}.hours-table td.closed{color:var(--muted)}.hours-table td.some-weeks{color:var(--warn);font-weight:700}
.hours-table .slot-label,.hours-table .slot-reception{display:block;font-size:.8rem;color:var(--muted)}
.preview-problems{border:2px solid #b3261e;border-radius:.5rem;padding:.5rem 1rem;color:#b3261e}`;

type Fields = List<ImmutableMap<string, unknown>>;
interface PreviewProps {
  entry: ImmutableMap<string, unknown>;
  fields: Fields;
}

/** The labels of a select field's options (vocabulary names), found by field path in the collection config. */
function optionLabels(fields: Fields, path: string[]): Map<string, string> {
  let list: Fields | undefined = fields;
  let field: ImmutableMap<string, unknown> | undefined;
  for (const name of path) {
    field = list?.find((f) => f.get('name') === name);
    list = field?.get('fields') as Fields | undefined;
  }
  const options = (field?.get('options') as List<ImmutableMap<string, string>> | undefined)?.toJS() as { value: string; label: string }[] | undefined;
  return new Map((options ?? []).map((o) => [String(o.value), o.label]));
}

/** Defaults the build would apply, so a half-filled form still previews. */
function lenientFacility(data: Record<string, unknown>): Facility {
  const parsed = FacilitySchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const hours = HoursSchema.safeParse(data['hours']);
  const d = data as Partial<Facility>;
  return {
    ...(d as Facility),
    name: { official: '', display: '', ...d.name },
    address: { postalCode: '', published: '', town: '', area: '', ...d.address },
    contact: d.contact ?? {},
    departments: d.departments ?? [],
    access: { stations: [], ...d.access },
    services: d.services ?? [],
    languages: d.languages ?? [],
    status: { state: 'open', ...d.status },
    provenance: d.provenance ?? {},
    hours: hours.success ? hours.data : undefined,
  } as Facility;
}

const m = messages('ja');
const w = m.hours;
const time = (x: string) => formatMinutes(toMinutes(x));
const MARK = { open: '○', 'some-weeks': '△', closed: '／', 'as-weekday': '※' } as const;

function hoursBlock(hours: Hours | undefined, departmentName: (code: string) => string): ReactNode {
  if (!hours) return h('div', { className: 'callout' }, h('p', null, h('strong', null, m.notRegistered)));
  const nthDays = new Set(hours.nthWeekClosures.map((c) => c.day));
  const tables = hours.schedules.map((schedule, i) => {
    const rule = holidayRule(hours, schedule);
    const caption =
      schedule.label ??
      (schedule.departments.length > 0 ? schedule.departments.map(departmentName).join('・') : hours.schedules.length > 1 ? w.allDepartments : w.hoursTitle);
    const rows = tableRows(schedule).map((r, j) =>
      h(
        'tr',
        { key: j },
        h(
          'th',
          { scope: 'row' },
          r.label && h('span', { className: 'slot-label' }, r.label),
          h('span', { className: 'slot-time' }, w.range(time(r.open), `${r.overnight ? w.nextMorning : ''}${time(r.close)}`)),
          (r.receptionOpen || r.receptionClose) &&
            h('span', { className: 'slot-reception' }, `${w.reception} ${w.range(time(r.receptionOpen ?? r.open), time(r.receptionClose ?? r.close))}`),
        ),
        ...DAYS.map((d: Day) => {
          const cell =
            d === 'hol' && rule !== 'slots'
              ? rule === 'closed'
                ? 'closed'
                : 'as-weekday'
              : !r.days.has(d)
                ? 'closed'
                : d !== 'hol' && nthDays.has(d)
                  ? 'some-weeks'
                  : 'open';
          return h('td', { key: d, className: cell }, MARK[cell]);
        }),
      ),
    );
    return h(
      'div',
      { className: 'table-wrap', key: i },
      h(
        'table',
        { className: 'hours-table' },
        h('caption', null, caption),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, w.timeColumn), ...DAYS.map((d) => h('th', { scope: 'col', key: d }, w.day[d])))),
        h('tbody', null, ...rows),
      ),
    );
  });
  const holidayNote = hours.schedules.some((s) => holidayRule(hours, s) === 'slots')
    ? w.holidaysOwn
    : hours.closedOnHolidays
      ? w.holidaysClosed
      : w.holidaysAsWeekday;
  const notes = [
    holidayNote,
    ...hours.nthWeekClosures.map((c) => w.nthWeek([...c.weeks].sort(), w.dayLong[c.day])),
    ...hours.annualClosures.map((c) => w.annual(formatMonthDay(w, `2000-${c.from}`), formatMonthDay(w, `2000-${c.to}`), c.note)),
    ...hours.datedClosures.map((c) => w.dated(formatDate(w, c.from), formatDate(w, c.to), c.note)),
    ...(hours.note ? [hours.note] : []),
  ];
  return h(
    'div',
    { className: 'hours' },
    ...tables,
    h('p', { className: 'note legend' }, w.legend),
    h('ul', { className: 'hours-notes' }, ...notes.map((n, i) => h('li', { key: i }, n))),
  );
}

const fact = (label: string, value: ReactNode): ReactNode[] => [h('dt', { key: `${label}-t` }, label), h('dd', { key: `${label}-d` }, value)];

export function FacilityPreview({ entry, fields }: PreviewProps): ReactNode {
  const data = cleanEntry((entry.get('data') as ImmutableMap<string, unknown>).toJS() as Record<string, unknown>);
  const f = lenientFacility(data);
  const problems = validateEntry('facilities', data);
  const departments = optionLabels(fields, ['departments', 'code']);
  const stations = optionLabels(fields, ['access', 'stations', 'station']);
  const departmentName = (code: string) => departments.get(code) ?? code;
  const derived = (group: keyof Facility['provenance']) =>
    f.provenance[group]?.source === 'derived' ? h('span', { className: 'badge derived' }, m.derived) : null;
  return h(
    'main',
    { id: 'main' },
    problems.length > 0 &&
      h(
        'div',
        { className: 'preview-problems', role: 'alert' },
        h('strong', null, '保存前に直す項目があります'),
        h('ul', null, ...problems.map((p, i) => h('li', { key: i }, `${p.where}: ${p.message}`))),
      ),
    f.status.state !== 'open' &&
      h(
        'p',
        { className: 'callout' },
        h('strong', null, f.status.state === 'moved' ? m.statusMoved : m.statusClosed),
        f.status.since ? `（${f.status.since}）` : '',
        f.status.note ? ` ${f.status.note}` : '',
      ),
    h('h1', null, f.name.display || '（表示名が未入力です）'),
    h(
      'p',
      null,
      f.kind && h('span', { className: 'badge kind' }, m.labels.kind[f.kind]),
      derived('kind'),
      f.name.kana && h('span', { className: 'note' }, ` ${f.name.kana}`),
    ),
    h(
      'dl',
      { className: 'facts' },
      f.name.official && f.name.official !== f.name.display ? fact(m.officialName, f.name.official) : null,
      f.name.corporation ? fact(m.corporation, f.name.corporation) : null,
      fact(
        m.departments,
        f.departments.length > 0
          ? h(Fragment, null, f.departments.map((d) => d.name ?? departmentName(d.code)).join('、'), derived('departments'))
          : m.notRegistered,
      ),
      fact(m.address, `〒${f.address.postalCode} 東京都${f.address.published}`),
      fact(m.phone, f.contact.phone ?? m.notRegistered),
      f.contact.fax ? fact(m.fax, f.contact.fax) : null,
      f.contact.website ? fact(m.website, f.contact.website) : null,
      f.contact.booking ? fact(m.booking, f.contact.booking) : null,
    ),
    h('h2', { id: 'hours' }, m.hoursHeading),
    hoursBlock(f.hours, departmentName),
    h('h2', { id: 'access' }, m.access),
    h(
      'dl',
      { className: 'facts' },
      fact(
        m.nearestStations,
        f.access.stations.length > 0
          ? h(
              'ul',
              { className: 'inline' },
              ...f.access.stations.map((s, i) =>
                h('li', { key: i }, `${stations.get(s.station) ?? s.station}${s.walkMinutes !== undefined ? ` 徒歩 ${s.walkMinutes} 分` : ''}`),
              ),
            )
          : m.notRegistered,
      ),
      f.access.parking ? fact(m.parking, f.access.parking) : null,
      f.access.stepFree !== undefined ? fact(m.stepFree, f.access.stepFree ? m.yes : m.no) : null,
      f.access.accessibleToilet !== undefined ? fact(m.accessibleToilet, f.access.accessibleToilet ? m.yes : m.no) : null,
      f.access.note ? fact(m.access, f.access.note) : null,
    ),
    f.services.length > 0 &&
      h(Fragment, null, h('h2', null, m.services), h('ul', { className: 'inline' }, ...f.services.map((s) => h('li', { key: s }, m.labels.service[s] ?? s)))),
    f.languages.length > 0 &&
      h(
        Fragment,
        null,
        h('h2', null, m.languages),
        h('ul', { className: 'inline' }, ...f.languages.map((l) => h('li', { key: l }, m.labels.language[l] ?? l))),
      ),
    f.profile && h(Fragment, null, h('h2', null, m.profile), h('p', null, f.profile)),
    h('p', null, `${m.lastVerified}: `, h('time', null, f.lastVerified ?? '（保存した日になります）')),
  );
}
