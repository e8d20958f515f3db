/**
 * The facility preview in /admin: the public page's structure (src/pages/facilities/[id].astro), built from the
 * entry being edited. Its facts come from the page's view model (src/view/facility.ts) and its weekly table from
 * the page's hours view (src/view/hours.ts), in the page's words and stylesheet (src/styles.css);
 * tests/build/facility-preview.test.ts checks that the preview and the built page say the same.
 */
import { createElement as h, Fragment, type ReactNode } from 'react';
import type { Map as ImmutableMap, List } from 'immutable';
import { FacilitySchema, HoursSchema, type Facility, type Source } from '../lib/schema/index.ts';
import { validateEntry } from '../lib/decap/save.ts';
import { cleanEntry } from '../lib/util/facility-edit.ts';
import { toJst } from '../lib/util/jst.ts';
import { messages } from '../i18n/index.ts';
import { facilityView, type Fact, type FactItem } from '../view/facility.ts';
import { hoursView } from '../view/hours.ts';

/** The page's component styles that the preview needs besides src/styles.css. */
export const PREVIEW_CSS = `
body{padding:0 1rem}.hours-table{margin:.5rem 0;min-width:28rem}.hours-table caption{text-align:left;font-weight:700}
.hours-table td.open{color:var(--ok);font-weight:700}.hours-table td.closed{color:var(--muted)}.hours-table td.some-weeks{color:var(--warn);font-weight:700}
.hours-table .slot-label,.hours-table .slot-reception{display:block;font-size:.8rem;color:var(--muted)}
.visually-hidden,.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
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

function hoursBlock(f: Facility, departmentName: (code: string) => string | undefined): ReactNode {
  if (!f.hours) return h('div', { className: 'callout' }, h('p', null, h('strong', null, m.notRegistered), `: ${m.hoursNotRegistered}`));
  const departments = f.departments.map((d) => ({ code: d.code, name: d.name ?? departmentName(d.code) ?? d.code }));
  const v = hoursView(f.hours, departments, 'ja', toJst(Date.now()).date);
  const head = h(
    'tr',
    null,
    h('th', { scope: 'col' }, v.timeColumn),
    ...v.days.map((d) => h('th', { scope: 'col', key: d.day }, h('abbr', { title: d.long }, d.short))),
  );
  const tables = v.tables.map((t, i) =>
    h(
      'div',
      { className: 'table-wrap', key: i },
      h(
        'table',
        { className: 'hours-table' },
        h('caption', null, t.caption),
        h('thead', null, head),
        h(
          'tbody',
          null,
          ...t.rows.map((r, j) =>
            h(
              'tr',
              { key: j },
              h(
                'th',
                { scope: 'row' },
                r.label && h('span', { className: 'slot-label' }, r.label),
                h('span', { className: 'slot-time' }, r.range),
                r.reception && h('span', { className: 'slot-reception' }, r.reception),
              ),
              ...r.cells.map((c, k) =>
                h('td', { key: k, className: c }, h('span', { 'aria-hidden': true }, v.mark[c]), h('span', { className: 'sr-only' }, v.spoken[c])),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  const range = m.hours.range('', '');
  return h(
    'div',
    { className: 'hours' },
    ...tables,
    h('p', { className: 'note legend', 'aria-hidden': true }, v.legend),
    h('ul', { className: 'hours-notes' }, ...v.notes.map((n, i) => h('li', { key: i }, n))),
    v.upcoming.length > 0 &&
      h(
        Fragment,
        null,
        h('h3', { className: 'closures-title' }, v.closuresTitle),
        h(
          'ul',
          { className: 'closures' },
          ...v.upcoming.map((c, i) =>
            h('li', { key: i }, h('time', null, c.fromText), c.to !== c.from && [range, h('time', { key: 't' }, c.toText)], ` ${c.note ?? ''}`),
          ),
        ),
      ),
  );
}

/** The 推定 badge of src/components/DerivedBadge.astro, with its method for screen readers. */
function badge(source: Source | undefined): ReactNode {
  if (source?.source !== 'derived') return null;
  const method = source.method ? m.labels.method[source.method] : '';
  return h('span', { className: 'badge derived', title: method }, m.derived, h('span', { className: 'visually-hidden' }, `（${method}）`));
}
const item = (i: FactItem): ReactNode[] => [
  i.href ? h('a', { key: 'a', href: i.href, rel: i.external ? 'external noopener' : undefined }, i.text) : i.text,
  i.suffix ?? null,
  i.note ? h('span', { key: 'n', className: 'note' }, ` ${i.note}`) : null,
];

/** A view model's facts as the page's definition list (src/components/FactList.astro). */
function factList(facts: Fact[]): ReactNode {
  const value = (f: Fact): ReactNode => {
    if (f.items.length === 0) return f.empty;
    const items =
      f.as === 'list'
        ? h('ul', { className: 'inline' }, ...f.items.map((i, n) => h('li', { key: n }, ...item(i))))
        : f.items.flatMap((i, n) => [n > 0 ? m.comma : null, ...item(i)]);
    return h(Fragment, null, items, f.note ? h('span', { className: 'note' }, f.note, badge(f.source)) : badge(f.source));
  };
  return h('dl', { className: 'facts' }, ...facts.map((x, i) => [h('dt', { key: `t${i}` }, x.label), h('dd', { key: `d${i}` }, value(x))]));
}

export function FacilityPreview({ entry, fields }: PreviewProps): ReactNode {
  const data = cleanEntry((entry.get('data') as ImmutableMap<string, unknown>).toJS() as Record<string, unknown>);
  const f = lenientFacility(data);
  const problems = validateEntry('facilities', data);
  const departments = optionLabels(fields, ['departments', 'code']);
  const stations = optionLabels(fields, ['access', 'stations', 'station']);
  // The Japanese address is the facility's published text; the 町丁目's romaji only matters in English.
  const view = facilityView(f, { department: (c) => departments.get(c), station: (id) => stations.get(id), area: { townEn: '', chome: undefined } }, 'ja');
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
    view.status &&
      h(
        'p',
        { className: 'callout', role: 'status' },
        h('strong', null, view.status.headline),
        view.status.since && `（${view.status.since}）`,
        view.status.note && ` ${view.status.note}`,
      ),
    h('h1', null, f.name.display || '（表示名が未入力です）'),
    h(
      'p',
      null,
      f.kind && h('span', { className: 'badge kind' }, view.kind.label),
      badge(view.kind.source),
      f.name.kana && h('span', { className: 'note' }, ` ${f.name.kana}`),
    ),
    factList(view.facts),
    h('h2', { id: 'hours' }, m.hoursHeading),
    hoursBlock(f, (c) => departments.get(c)),
    h('h2', { id: 'access' }, m.access),
    factList(view.access),
    view.positionApprox && h('p', { className: 'note' }, m.positionApprox),
    view.services.length > 0 &&
      h(Fragment, null, h('h2', null, m.services), h('ul', { className: 'inline' }, ...view.services.map((s) => h('li', { key: s }, s)))),
    view.languages.length > 0 &&
      h(Fragment, null, h('h2', null, m.languages), h('ul', { className: 'inline' }, ...view.languages.map((l) => h('li', { key: l }, l)))),
    f.profile && h(Fragment, null, h('h2', null, m.profile), h('p', null, f.profile)),
    h('p', null, `${m.lastVerified}: `, h('time', null, f.lastVerified ?? '（保存した日になります）')),
  );
}
