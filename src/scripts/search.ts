/**
 * The search page in the browser: reads ?q=…&dept=…&sort=… from the URL, normalises the query with the
 * same module the build used for the index (src/lib/search/normalize.ts), asks Pagefind, and renders
 * results, filter counts and suggestions. Typing replaces the history entry; submitting and changing a
 * filter push one, so the back button steps through searches. The page's language (data-lang) picks the
 * words (src/i18n/search.ts); on the English page, vocabulary names typed in English are searched as the
 * Japanese names the index holds, and filter values and results are shown with English labels.
 */
import { FILTER_KEYS, readAreaMeta, readDeptMeta, readStationMeta, type FilterKey } from '../lib/search/record.ts';
import { fold, foldLatin, normalizeQuery } from '../lib/search/normalize.ts';
import { pagefindFilters, searchAll, searchPage, type PagefindFilters } from '../lib/search/query.ts';
import type { Hours } from '../lib/schema/hours.ts';
import { calendarFromList, openStatus, type HolidayCalendar } from '../lib/util/hours.ts';
import { describeStatus } from '../i18n/hours.ts';
import { langPrefix, type Lang } from '../i18n/index.ts';
import { SEARCH_WORDS, type SearchWords } from '../i18n/search.ts';

/** `en`: the name in English, on the English page only. */
interface Vocab {
  departments: { code: string; name: string; kana: string; synonyms: string[]; n: number; en?: string; enSynonyms?: string[] }[];
  towns: { slug: string; name: string; kana: string; n: number; en?: string }[];
  stations: { id: string; name: string; kana: string; n: number; en?: string }[];
}
interface ResultData {
  url: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<ResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
type Filters = PagefindFilters;
interface Pagefind {
  options: (o: object) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: { filters?: Filters; sort?: Record<string, 'asc' | 'desc'> }) => Promise<PagefindResponse | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

const PAGE = 20;
/** Distance sorting reads each result's position, so it covers at most this many results. */
const NEAR_LIMIT = 300;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const app = $<HTMLDivElement>('search-app');
const form = $<HTMLFormElement>('search-form');
const input = $<HTMLInputElement>('search-q');
const filterForm = $<HTMLFormElement>('search-filters');
const groups = $<HTMLDivElement>('filter-groups');
const statusEl = $<HTMLParagraphElement>('search-status');
const list = $<HTMLOListElement>('search-results');
const more = $<HTMLButtonElement>('search-more');
const suggest = $<HTMLDivElement>('search-suggest');
const sortSelect = $<HTMLSelectElement>('search-sort');
const sortNote = $<HTMLParagraphElement>('sort-note');
const hoursNote = $<HTMLParagraphElement>('hours-note');

const lang: Lang = app.dataset['lang'] === 'en' ? 'en' : 'ja';
const ui = SEARCH_WORDS[lang];
const prefix = langPrefix(lang);
const vocab = JSON.parse(app.dataset['vocab'] ?? '{}') as Vocab;
/** Index value → label shown, per filter (the English page's; none on the Japanese page). */
const labels = JSON.parse(app.dataset['labels'] ?? '{}') as Partial<Record<FilterKey, Record<string, string>>>;
const label = (key: FilterKey, value: string): string => labels[key]?.[value] ?? value;
const hoursUnknown = SEARCH_WORDS.ja.hoursUnknown;
/** A result's state (廃止・休止, 移転) as the index holds it → the page's words. */
const stateLabel = (value: string): string => {
  const key = (Object.keys(SEARCH_WORDS.ja.state) as (keyof SearchWords['state'])[]).find((k) => SEARCH_WORDS.ja.state[k] === value);
  return key ? ui.state[key] : value;
};
/** A vocabulary entry's name as the page shows it. */
const nameOf = (x: { name: string; en?: string | undefined }): string => x.en ?? x.name;
const calendar: HolidayCalendar = calendarFromList((app.dataset['holidays'] ?? '').split(' '), app.dataset['holidaysFrom'] ?? '', app.dataset['holidaysTo'] ?? '');

interface State {
  q: string;
  filters: Partial<Record<FilterKey, string[]>>;
  sort: '' | 'name' | 'near';
}

function readUrl(): State {
  const p = new URLSearchParams(location.search);
  const filters: State['filters'] = {};
  for (const k of FILTER_KEYS) {
    const v = p.getAll(k).filter(Boolean);
    if (v.length) filters[k] = v;
  }
  const sort = p.get('sort');
  return { q: p.get('q') ?? '', filters, sort: sort === 'name' || sort === 'near' ? sort : '' };
}

function toUrl(s: State): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  for (const k of FILTER_KEYS) for (const v of s.filters[k] ?? []) p.append(k, v);
  if (s.sort) p.set('sort', s.sort);
  const qs = p.toString();
  return `${prefix}/search/${qs ? `?${qs}` : ''}`;
}

/** A word (or a name of several words) as the resident typed it, and what is searched for it. */
interface QueryWord {
  typed: string;
  search: string;
}

/**
 * English vocabulary names, compared without case, accents, spaces or punctuation → the Japanese name the
 * index holds: Internal Medicine → 内科, Eye Doctor → 眼科, Higashi-Nakano → 東中野, Nakano Sta. → 中野駅, hospital → 病院.
 * Empty on the Japanese page. The most common department wins where two share an English name.
 */
const englishNames = new Map<string, string>();
if (lang === 'en') {
  const add = (en: string | undefined, ja: string) => {
    if (en && foldLatin(en) && !englishNames.has(foldLatin(en))) englishNames.set(foldLatin(en), ja);
  };
  for (const d of vocab.departments) add(d.en, d.name);
  for (const t of vocab.towns) add(t.en, t.name);
  // Everyday names (Dentist, ENT, Eye Doctor) after the official ones, which win a tie.
  for (const d of vocab.departments) for (const other of d.enSynonyms ?? []) add(other, d.name);
  for (const s of vocab.stations) for (const suffix of ['', ' station', ' sta']) add(s.en && `${s.en}${suffix}`, suffix ? `${s.name}駅` : s.name);
  for (const [ja, en] of Object.entries(labels.kind ?? {})) add(en, ja);
}
/** The longest English name a query phrase of at most this many words can be (Pain Clinic (Internal Medicine)). */
const MAX_NAME_WORDS = 6;

function queryWords(q: string): QueryWord[] {
  const typed = q.trim().split(/[\s\u3000]+/u).filter(Boolean);
  const out: QueryWord[] = [];
  for (let i = 0; i < typed.length; ) {
    // The longest run of words from here that is an English name; else the word as typed.
    let n = englishNames.size ? Math.min(MAX_NAME_WORDS, typed.length - i) : 0;
    let ja: string | undefined;
    for (; n > 0; n--) if ((ja = englishNames.get(foldLatin(typed.slice(i, i + n).join(''))))) break;
    if (ja) out.push({ typed: typed.slice(i, i + n).join(' '), search: ja });
    else out.push({ typed: typed[i]!, search: typed[i]! });
    i += Math.max(n, 1);
  }
  return out;
}
/** What is searched for a query: on the English page, its English names in Japanese. */
const searchText = (q: string): string => queryWords(q).map((w) => w.search).join(' ');

interface PagefindModule {
  createInstance: (o: { noWorker?: boolean }) => Pagefind;
}
let module: Promise<PagefindModule> | undefined;
const loadModule = () => {
  // A URL in a variable: the bundler must leave this import alone (Pagefind's files are written after the build).
  const url = '/pagefind/pagefind.js';
  module ??= import(/* @vite-ignore */ url) as Promise<PagefindModule>;
  return module;
};

/**
 * Two Pagefind instances. Results come from one on the main thread that never loads every filter index:
 * Pagefind counts every loaded filter value on each search, which takes seconds at 20,000 facilities.
 * The counts come from a second instance in Pagefind's Web Worker, after the results, one at a time.
 */
let results: Promise<Pagefind> | undefined;
/** Whether the results instance has loaded: from then on the browser answers every search itself. */
let localReady = false;
const resultsIndex = () =>
  (results ??= loadModule().then(async (m) => {
    const pf = m.createInstance({ noWorker: true });
    await pf.options({ excerptLength: 0 });
    await pf.init();
    localReady = true;
    // Said on the page, for tests and benchmarks that must know which side answers.
    app.dataset['local'] = 'ready';
    return pf;
  }));
let counts: Promise<Pagefind> | undefined;
const countsIndex = () =>
  (counts ??= loadModule().then(async (m) => {
    const pf = m.createInstance({});
    await pf.options({ excerptLength: 0 });
    await pf.filters();
    return pf;
  }));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | boolean> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...children);
  return e;
}

/** Filter checkboxes with the number of results each would give; checked values stay visible at 0. */
function renderFilters(state: State, counts: PagefindResponse['filters'], totals: PagefindResponse['totalFilters']): void {
  const focused = document.activeElement instanceof HTMLInputElement && groups.contains(document.activeElement) ? document.activeElement.id : undefined;
  groups.replaceChildren();
  for (const key of FILTER_KEYS) {
    const all = totals[key] ?? {};
    const values = Object.keys(all).filter((v) => (counts[key]?.[v] ?? 0) > 0 || state.filters[key]?.includes(v));
    if (key === 'hours' || values.length === 0) continue;
    const ordered =
      key === 'day' || key === 'time' ? values : values.sort((a, b) => (counts[key]?.[b] ?? 0) - (counts[key]?.[a] ?? 0) || label(key, a).localeCompare(label(key, b), lang));
    const ul = el('ul');
    ordered.forEach((v, i) => {
      const id = `f-${key}-${i}`;
      const box = el('input', { type: 'checkbox', id, name: key, value: v, checked: !!state.filters[key]?.includes(v) });
      ul.append(el('li', {}, box, ' ', el('label', { htmlFor: id }, label(key, v), el('span', { className: 'count' }, ui.count(counts[key]?.[v] ?? 0)))));
    });
    groups.append(el('fieldset', {}, el('legend', {}, ui.filterNames[key]), ul));
  }
  const unknown = totals['hours']?.[hoursUnknown] ?? 0;
  hoursNote.hidden = unknown === 0;
  hoursNote.textContent = ui.hoursNote(unknown);
  if (focused) document.getElementById(focused)?.focus();
}

function todayStatus(hoursJson: string | undefined): HTMLElement | undefined {
  if (!hoursJson) return undefined;
  try {
    const text = describeStatus(openStatus(JSON.parse(hoursJson) as Hours, Date.now(), calendar), lang);
    if (!text) return undefined;
    return el('span', { className: `state ${text.kind}` }, text.headline, text.detail ? ` ${text.detail}` : '');
  } catch {
    return undefined;
  }
}

function resultItem(d: ResultData, distanceM?: number): HTMLLIElement {
  const m = d.meta;
  const heading = el('a', { href: d.url }, m['title'] ?? d.url);
  const first = el('p', {}, heading);
  if (m['state']) first.append(el('span', { className: 'state gone' }, stateLabel(m['state'])));
  else {
    const s = todayStatus(m['hours']);
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
  if (distanceM !== undefined) li.append(el('p', { className: 'note' }, ui.distance(distanceM < 1000 ? `${Math.round(distanceM / 10) * 10} m` : `${(distanceM / 1000).toFixed(1)} km`)));
  if (!m['hours'] && !m['state']) li.append(el('p', { className: 'note' }, ui.hoursUnregistered));
  return li;
}

/** Straight-line distance in metres (haversine). */
function metres(a: GeolocationCoordinates, lat: number, lon: number): number {
  const r = (x: number) => (x * Math.PI) / 180;
  const dLat = r(lat - a.latitude);
  const dLon = r(lon - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(r(a.latitude)) * Math.cos(r(lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

let position: GeolocationCoordinates | undefined;
const locate = () =>
  new Promise<GeolocationCoordinates>((resolve, reject) => {
    if (position) return resolve(position);
    if (!navigator.geolocation) return reject(new Error('unsupported'));
    navigator.geolocation.getCurrentPosition((p) => resolve((position = p.coords)), reject, { maximumAge: 300_000, timeout: 15_000 });
  });

/** Suggestions: departments for a 1-character query, and ways out when nothing matched. */
async function renderSuggestions(state: State, total: number, missing: string[], mine: number): Promise<void> {
  suggest.replaceChildren();
  const typed = queryWords(state.q);
  const folded = typed.map((w) => fold(w.search)).filter(Boolean);
  // English names count for words of 2 characters or more: one letter is in nearly every name.
  const matching = (w: string) => {
    const has = (...names: (string | undefined)[]) => names.some((n) => n !== undefined && fold(n).includes(w));
    const en = (x: { en?: string | undefined }) => ([...w].length > 1 ? x.en : undefined);
    return {
      departments: vocab.departments.filter((d) => has(d.name, d.kana, ...d.synonyms, en(d), ...(en(d) ? (d.enSynonyms ?? []) : []))),
      towns: vocab.towns.filter((t) => has(t.name, t.kana, en(t))),
      stations: vocab.stations.filter((s) => has(s.name, s.kana, en(s))),
    };
  };
  const linkList = (items: { href: string; text: string }[]) => el('ul', { className: 'inline' }, ...items.map((i) => el('li', {}, el('a', { href: i.href }, i.text))));

  if (folded.length === 1 && [...folded[0]!].length === 1) {
    const deps = matching(folded[0]!).departments.slice(0, 24);
    if (deps.length) {
      suggest.append(
        el('p', {}, ui.oneCharDepartments(typed[0]!.typed)),
        linkList(deps.map((d) => ({ href: toUrl({ q: '', filters: { dept: [d.name] }, sort: state.sort }), text: `${nameOf(d)}${ui.count(d.n)}` }))),
      );
    }
  }
  if (total > 0 || folded.length === 0) return;

  // At once: what nothing matched, and the links that need no search. Then the searches for better queries.
  const box = el('div', { className: 'callout' }, el('p', {}, el('strong', {}, ui.noMatch(state.q.trim()))));
  // Missing words are folded search words: show them as typed.
  const asTyped = (m: string) => typed.find((w) => fold(w.search) === m)?.typed ?? m;
  if (missing.length && typed.length > 1) box.append(el('p', {}, ui.missing(missing.map(asTyped))));
  const tips: { href: string; text: string }[] = [];
  if (Object.keys(state.filters).length) tips.push({ href: toUrl({ ...state, filters: {} }), text: ui.dropFilters });
  const browse: typeof tips = [];
  for (const w of folded) {
    const m = matching(w);
    browse.push(...m.departments.slice(0, 3).map((d) => ({ href: `${prefix}/departments/${d.code}/`, text: ui.departmentList(nameOf(d)) })));
    browse.push(...m.towns.slice(0, 3).map((t) => ({ href: `${prefix}/areas/${t.slug}/`, text: ui.townList(nameOf(t)) })));
    browse.push(...m.stations.slice(0, 3).map((s) => ({ href: `${prefix}/stations/${s.id}/`, text: ui.stationList(nameOf(s)) })));
  }
  const tipsArea = el('div');
  const showTips = (found: typeof tips) => {
    const all = [...tips, ...found, ...browse];
    tipsArea.replaceChildren(...(all.length ? [el('p', {}, ui.tryAlso), linkList(all)] : []));
  };
  showTips([]);
  box.append(tipsArea, el('p', { className: 'note' }, ui.hint));
  suggest.append(box);

  // These searches are the browser's own: by now its Pagefind is loading or loaded.
  const pf = await resultsIndex();
  const found: typeof tips = [];
  if (typed.length > 1) {
    for (const w of typed) {
      const r = (await searchAll(pf, w.search, { filters: pagefindFilters(state.filters) })).response;
      if (r?.results.length) found.push({ href: toUrl({ ...state, q: w.typed }), text: ui.onlyWord(w.typed, r.results.length) });
    }
  }
  // A run-together query (沼袋内科): split it where a town, station or department name starts or ends.
  if (typed.length === 1) {
    const w = folded[0]!;
    const names = [...vocab.towns.map((t) => t.name), ...vocab.stations.map((s) => s.name), ...vocab.departments.flatMap((d) => [d.name, ...d.synonyms])];
    for (const n of names.sort((a, b) => b.length - a.length)) {
      const f = fold(n);
      if (f.length < 2 || f === w || !w.includes(f)) continue;
      const rest = w.split(f).join(' ').trim();
      if (!rest) continue;
      const q = `${n} ${rest}`;
      const r = (await searchAll(pf, q, { filters: pagefindFilters(state.filters) })).response;
      if (r?.results.length) {
        found.push({ href: toUrl({ ...state, q }), text: ui.tryQuery(q, r.results.length) });
        break;
      }
    }
  }
  if (mine === runId && found.length) showTips(found);
}

let runId = 0;
/** The results on screen: how many in all, how many shown, and how to fetch a further page of them. */
type ResultPage = (from: number) => Promise<{ data: ResultData; distanceM?: number | undefined }[]>;
/** What a search found: the count, the words that matched nothing, and its results page by page. */
interface Found {
  total: number;
  missing: string[];
  page: ResultPage;
}
let shown: { total: number; next: number; page: ResultPage } | undefined;

async function showMore(): Promise<void> {
  if (!shown) return;
  const mine = runId;
  const page = await shown.page(shown.next);
  if (mine !== runId || !shown) return;
  list.append(...page.map((r) => resultItem(r.data, r.distanceM)));
  shown.next += page.length;
  more.hidden = shown.next >= shown.total;
}

/** The answer of GET /api/search (functions/_lib/search.ts). */
interface EdgeAnswer {
  total: number;
  results: ResultData[];
  missing: string[];
}

/** /api/search for this state: what the browser's Pagefind would answer, one page of it. */
function edgeUrl(state: State, offset: number): string {
  const p = new URLSearchParams();
  const q = searchText(state.q).trim();
  if (q) p.set('q', q);
  for (const k of FILTER_KEYS) for (const v of state.filters[k] ?? []) p.append(k, v);
  if (state.sort === 'name') p.set('sort', 'name');
  if (offset) p.set('offset', String(offset));
  p.set('limit', String(PAGE));
  return `/api/search?${p}`;
}

async function edgeSearch(state: State, offset: number): Promise<EdgeAnswer> {
  const res = await fetch(edgeUrl(state, offset), { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`/api/search ${res.status}`);
  return (await res.json()) as EdgeAnswer;
}

/** The browser's own search: Pagefind's results, sorted by distance when asked. */
async function localSearch(state: State, mine: number): Promise<Found | undefined> {
  const outcome = await searchPage(await resultsIndex(), searchText(state.q), state.filters, state.sort === 'name');
  if (mine !== runId) return undefined;
  let results = outcome.response?.results ?? [];
  let distances: Map<string, number> | undefined;
  sortNote.hidden = true;
  if (state.sort === 'near' && results.length) {
    try {
      const here = await locate();
      const head = results.slice(0, NEAR_LIMIT);
      const data = await Promise.all(head.map((x) => x.data()));
      if (mine !== runId) return undefined;
      const d = new Map<string, number>();
      head.forEach((x, i) => {
        const lat = Number(data[i]!.meta['lat']);
        const lon = Number(data[i]!.meta['lon']);
        if (Number.isFinite(lat) && Number.isFinite(lon)) d.set(x.id, metres(here, lat, lon));
      });
      distances = d;
      results = [...head].sort((a, b) => (d.get(a.id) ?? Infinity) - (d.get(b.id) ?? Infinity)).concat(results.slice(NEAR_LIMIT));
      sortNote.textContent = ui.nearNote(results.length > NEAR_LIMIT ? NEAR_LIMIT : undefined);
    } catch {
      sortNote.textContent = ui.nearFailed;
    }
    sortNote.hidden = false;
  }
  const all = results;
  return {
    total: all.length,
    missing: outcome.missing.map((t) => t.word),
    page: async (from) => {
      const slice = all.slice(from, from + PAGE);
      const data = await Promise.all(slice.map((r) => r.data()));
      return data.map((d, i) => ({ data: d, distanceM: distances?.get(slice[i]!.id) }));
    },
  };
}

/**
 * Runs the search in the URL and renders it. Stale runs (the resident kept typing) are dropped.
 * Until the browser's own Pagefind has loaded, the edge answers (GET /api/search, the same index and query
 * code): a first visit renders results after one small JSON instead of Pagefind's runtime and metadata.
 * Pagefind then loads in the background and answers every later keystroke. Distance sorting needs the
 * resident's position, which never leaves the browser, so it always searches locally.
 */
async function run(): Promise<void> {
  const mine = ++runId;
  const state = readUrl();
  if (document.activeElement !== input) input.value = state.q;
  sortSelect.value = state.sort;
  // The checkboxes follow the URL at once (Back, a shared link); their counts follow with the filter counts.
  for (const box of filterForm.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = !!state.filters[box.name as FilterKey]?.includes(box.value);
  const nq = normalizeQuery(searchText(state.q));
  const hasFilters = Object.keys(state.filters).length > 0;
  if (!nq.pagefind && !hasFilters) {
    scheduleCounts();
    statusEl.textContent = state.q.trim() ? ui.nothingSearchable : ui.prompt;
    list.replaceChildren();
    suggest.replaceChildren();
    more.hidden = true;
    sortNote.hidden = true;
    return;
  }
  let found: Found | undefined;
  if (!localReady && state.sort !== 'near') {
    try {
      const first = await edgeSearch(state, 0);
      found = {
        total: first.total,
        missing: first.missing,
        page: async (from) => (from === 0 ? first.results : (await edgeSearch(state, from)).results).map((data) => ({ data })),
      };
      sortNote.hidden = true;
    } catch {
      // No edge (offline, or a host without functions): the browser searches itself.
    }
  }
  if (mine !== runId) return;
  found ??= await localSearch(state, mine);
  if (!found || mine !== runId) return;
  const conditions = (Object.entries(state.filters) as [FilterKey, string[]][]).flatMap(([k, vs]) => vs.map((v) => label(k, v)));
  shown = { total: found.total, next: 0, page: found.page };
  list.replaceChildren();
  await showMore();
  if (mine !== runId) return;
  // Suggestions that need no search are on screen at once (up to its first await), before the announcement.
  const suggestions = renderSuggestions(state, found.total, found.missing, mine);
  statusEl.textContent = ui.status(found.total, nq.terms.length ? state.q.trim() : undefined, conditions);
  // Once the results are painted: the browser's own Pagefind for the next keystrokes, and the filter counts.
  requestAnimationFrame(() =>
    setTimeout(() => {
      void resultsIndex();
      scheduleCounts();
    }, 0),
  );
  await suggestions;
}

/** The filter counts for the URL's search; a newer search replaces a waiting one. */
let countsBusy = false;
let countsWanted = false;
function scheduleCounts(): void {
  countsWanted = true;
  if (countsBusy) return;
  countsBusy = true;
  void (async () => {
    try {
      while (countsWanted) {
        countsWanted = false;
        const state = readUrl();
        const pf = await countsIndex();
        const outcome = await searchPage(pf, searchText(state.q), state.filters, state.sort === 'name');
        const totals = outcome.response?.totalFilters ?? (await pf.filters());
        const found = outcome.response?.filters ?? (outcome.query.pagefind || Object.keys(state.filters).length ? {} : totals);
        if (!countsWanted) renderFilters(state, found, Object.keys(totals).length ? totals : await pf.filters());
      }
    } finally {
      countsBusy = false;
    }
  })();
}

function go(state: State, push: boolean): void {
  const url = toUrl(state);
  if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
  void run();
}

function stateFromForms(): State {
  const filters: State['filters'] = {};
  for (const box of filterForm.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) {
    const k = box.name as FilterKey;
    (filters[k] ??= []).push(box.value);
  }
  const sort = sortSelect.value;
  return { q: input.value, filters, sort: sort === 'name' || sort === 'near' ? sort : '' };
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  go(stateFromForms(), true);
});
input.addEventListener('input', () => go(stateFromForms(), false));
filterForm.addEventListener('change', () => go(stateFromForms(), true));
filterForm.addEventListener('submit', (e) => {
  e.preventDefault();
  go(stateFromForms(), true);
});
filterForm.addEventListener('reset', (e) => {
  e.preventDefault();
  go({ ...readUrl(), filters: {} }, true);
});
sortSelect.addEventListener('change', () => go(stateFromForms(), true));
more.addEventListener('click', () => void showMore());
window.addEventListener('popstate', () => {
  input.value = readUrl().q;
  void run();
});

app.hidden = false;
$<HTMLDivElement>('search-nojs').hidden = true;
input.value = readUrl().q;
void run().catch(() => {
  statusEl.textContent = ui.failed;
});
