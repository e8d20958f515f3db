/** The search page's DOM: filter checkboxes with their counts, result lines, and the suggestions. */
import type { Hours } from '../../lib/schema/hours.ts';
import type { PagefindFilterCounts, ResultData } from '../../lib/search/pagefind-types.ts';
import { FILTER_KEYS, HOURS_UNKNOWN, PERSON_RESULT, readAreaMeta, readDeptMeta, readStationMeta } from '../../lib/search/record.ts';
import { openStatus } from '../../lib/util/hours.ts';
import type { SymptomTerm } from '../../lib/search/symptoms.ts';
import type { SearchFilters } from '../../lib/search/record.ts';
import { nameOf, type SearchPage } from './page.ts';
import { stateUrl, type SearchState } from './url-state.ts';
import { wireSave } from '../save-button.ts';
import type { Link, Suggestions } from './suggest.ts';
import { describeStatus, hoursWords, searchWords, type SearchWords } from './words.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | boolean> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...children);
  return e;
}

/** Filter checkboxes with the number of results each would give; checked values stay visible at 0. */
export function renderFilters(
  view: { groups: HTMLElement; hoursNote: HTMLElement },
  { ui, lang, label }: SearchPage,
  state: SearchState,
  counts: PagefindFilterCounts,
  totals: PagefindFilterCounts,
): void {
  const { groups, hoursNote } = view;
  const focused = document.activeElement instanceof HTMLInputElement && groups.contains(document.activeElement) ? document.activeElement.id : undefined;
  groups.replaceChildren();
  for (const key of FILTER_KEYS) {
    const all = totals[key] ?? {};
    const values = Object.keys(all).filter((v) => (counts[key]?.[v] ?? 0) > 0 || state.filters[key]?.includes(v));
    if (key === 'hours' || values.length === 0) continue;
    const ordered =
      key === 'day' || key === 'time'
        ? values
        : values.sort((a, b) => (counts[key]?.[b] ?? 0) - (counts[key]?.[a] ?? 0) || label(key, a).localeCompare(label(key, b), lang));
    const ul = el('ul');
    ordered.forEach((v, i) => {
      const id = `f-${key}-${i}`;
      const box = el('input', { type: 'checkbox', id, name: key, value: v, checked: !!state.filters[key]?.includes(v) });
      ul.append(el('li', {}, box, ' ', el('label', { htmlFor: id }, label(key, v), el('span', { className: 'count' }, ui.count(counts[key]?.[v] ?? 0)))));
    });
    groups.append(el('fieldset', {}, el('legend', {}, ui.filterNames[key]), ul));
  }
  const unknown = totals['hours']?.[HOURS_UNKNOWN] ?? 0;
  hoursNote.hidden = unknown === 0;
  hoursNote.textContent = ui.hoursNote(unknown);
  if (focused) document.getElementById(focused)?.focus();
}

function todayStatus({ lang, calendar }: SearchPage, hoursJson: string | undefined): HTMLElement | undefined {
  if (!hoursJson) return undefined;
  try {
    const text = describeStatus(openStatus(JSON.parse(hoursJson) as Hours, Date.now(), calendar), hoursWords[lang]);
    if (!text) return undefined;
    return el('span', { className: `state ${text.kind}` }, text.headline, text.detail ? ` ${text.detail}` : '');
  } catch {
    return undefined;
  }
}

/** A result's state (廃止・休止, 移転) as the index holds it → the page's words. */
function stateLabel(ui: SearchWords, value: string): string {
  const key = (Object.keys(searchWords.ja.state) as (keyof SearchWords['state'])[]).find((k) => searchWords.ja.state[k] === value);
  return key ? ui.state[key] : value;
}

/** A staff profile: name (to the profile, its English section from the English page), 職種, workplaces, qualifications. */
function personItem({ ui, label }: SearchPage, d: ResultData): HTMLLIElement {
  const m = d.meta;
  const first = el('p', {}, el('a', { href: ui.profileHref(d.url) }, m['title'] ?? d.url), el('span', { className: 'badge' }, ui.personResult));
  const facts = [
    m['kind'] && label('prof', m['kind']),
    m['facility'] && ui.list(readDeptMeta(m['facility'])),
    m['qual'] && ui.list(readDeptMeta(m['qual'])),
  ].filter((x): x is string => !!x);
  return el('li', {}, first, el('p', { className: 'note' }, ui.facts(facts)));
}

export function resultItem(page: SearchPage, d: ResultData, distanceM?: number): HTMLLIElement {
  const { ui, label } = page;
  const m = d.meta;
  if (m['type'] === PERSON_RESULT) return personItem(page, d);
  const heading = el('a', { href: d.url }, m['title'] ?? d.url);
  const first = el('p', {}, heading);
  if (m['state']) first.append(el('span', { className: 'state gone' }, stateLabel(ui, m['state'])));
  else {
    const s = todayStatus(page, m['hours']);
    if (s) first.append(s);
  }
  const area = m['area'] ? readAreaMeta(m['area']) : undefined;
  const station = m['station'] ? readStationMeta(m['station']) : undefined;
  const facts = [
    m['kind'] && label('kind', m['kind']),
    m['dept'] ? ui.list(readDeptMeta(m['dept']).map((d) => label('dept', d))) : ui.noDepartment,
    area && ui.area(label('area', area.town), area.chome),
    station ? ui.station(label('station', station.name), station.walkMinutes, station.distanceM) : m['station'],
  ].filter((x): x is string => !!x);
  const li = el('li', {}, first, el('p', { className: 'note' }, ui.facts(facts)));
  // For the map (src/scripts/map.ts), which draws the results as shown.
  if (m['lat'] && m['lon'])
    Object.assign(li.dataset, { lat: m['lat'], lon: m['lon'], name: m['title'] ?? '', href: d.url, ...(m['approx'] ? { approx: m['approx'] } : {}) });
  if (distanceM !== undefined)
    li.append(el('p', { className: 'note' }, ui.distance(distanceM < 1000 ? `${Math.round(distanceM / 10) * 10} m` : `${(distanceM / 1000).toFixed(1)} km`)));
  if (!m['hours'] && !m['state']) li.append(el('p', { className: 'note' }, ui.hoursUnregistered));
  const id = /^\/facilities\/([^/]+)\/$/.exec(d.url)?.[1];
  if (id) li.append(saveBox(page, id, heading));
  return li;
}

/** 「保存」 for one result, described by its name for a screen reader (the page has one button per result). */
function saveBox({ save }: SearchPage, id: string, heading: HTMLAnchorElement): HTMLElement {
  heading.id = `result-${id}`;
  const button = el('button', { type: 'button', className: 'button secondary' }, save.save);
  button.setAttribute('aria-pressed', 'false');
  button.setAttribute('aria-describedby', heading.id);
  const status = el('span', { className: 'note' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const box = el('p', { className: 'save' }, button, ' ', status);
  Object.assign(box.dataset, { save: id, labelSave: save.save, labelSaved: save.saved, savedNote: save.savedNote, removedNote: save.removedNote });
  wireSave(box);
  return box;
}

const linkList = (items: Link[]) => el('ul', { className: 'inline' }, ...items.map((i) => el('li', {}, el('a', { href: i.href }, i.text))));

/**
 * Puts the suggestions in `box`. When nothing matched, returns how to add the better queries found later
 * (between the tips and the browse links).
 */
export function renderSuggestions(box: HTMLElement, s: Suggestions): ((found: Link[]) => void) | undefined {
  box.replaceChildren();
  if (s.departments) box.append(el('p', {}, s.departments.intro), linkList(s.departments.links));
  const m = s.noMatch;
  if (!m) return undefined;
  const callout = el('div', { className: 'callout' }, el('p', {}, el('strong', {}, m.heading)));
  if (m.missing) callout.append(el('p', {}, m.missing));
  const tipsArea = el('div');
  const showTips = (found: Link[]) => {
    const all = [...m.tips, ...found, ...m.browse];
    tipsArea.replaceChildren(...(all.length ? [el('p', {}, m.tryAlso), linkList(all)] : []));
  };
  showTips([]);
  callout.append(tipsArea, el('p', { className: 'note' }, m.hint));
  box.append(callout);
  return showTips;
}

/**
 * The symptom note: which departments a symptom word was searched as (each a link to that department
 * alone), that this is only a guide, and the symptom index. Hidden when no symptom was named.
 */
export function renderSymptoms(box: HTMLElement, page: SearchPage, symptoms: readonly SymptomTerm[], checked: SearchFilters): void {
  const { ui, prefix, label, vocab } = page;
  box.hidden = symptoms.length === 0;
  if (!symptoms.length) return box.replaceChildren();
  const names = ui.list(symptoms.map((s) => nameOf(vocab.symptoms?.find((v) => v.id === s.id) ?? s)));
  const departments = [...new Set(symptoms.flatMap((s) => s.departments))];
  const links = departments.map((d) => el('li', {}, el('a', { href: stateUrl({ q: '', filters: { dept: [d] }, sort: '' }, prefix) }, label('dept', d))));
  const lead = checked.dept?.length ? ui.symptomKept(names) : ui.symptomNote(names, ui.list(departments.map((d) => label('dept', d))));
  box.replaceChildren(
    el('p', {}, lead),
    el('ul', { className: 'inline' }, ...links),
    el('p', {}, el('strong', {}, ui.symptomCaution), ' ', el('a', { href: `${prefix}/symptoms/#${symptoms[0]!.id}` }, ui.symptomIndex)),
  );
}
