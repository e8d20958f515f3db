/**
 * The search page in the browser: reads ?q=…&dept=…&sort=… from the URL, normalises the query with the
 * same module the build used for the index (src/lib/search/normalize.ts), asks Pagefind, and renders
 * results, filter counts and suggestions. Typing replaces the history entry; submitting and changing a
 * filter push one, so the back button steps through searches. The page's language (data-lang) picks the
 * words; on the English page, vocabulary names typed in English are searched as the Japanese names the
 * index holds, and filter values and results are shown with English labels.
 */
import { normalizeQuery } from '../../lib/search/normalize.ts';
import { pagefindFilters, searchAll } from '../../lib/search/query.ts';
import type { FilterKey, SearchFilters } from '../../lib/search/record.ts';
import { withSymptoms, type SymptomSearch } from '../../lib/search/symptoms.ts';
import { filterCounts, oneAtATime } from './counts.ts';
import { edgeSearch } from './edge.ts';
import { queryWords, searchText } from './english.ts';
import type { Found, ResultPage } from './found.ts';
import { localSearch } from './local.ts';
import { readPage } from './page.ts';
import { localPagefind } from './pagefind.ts';
import { renderFilters, renderSuggestions, renderSymptoms, resultItem } from './render.ts';
import { betterQueries, suggestions } from './suggest.ts';
import { readSort, readState, stateUrl, type SearchState } from './url-state.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const app = $<HTMLDivElement>('search-app');
const form = $<HTMLFormElement>('search-form');
const input = $<HTMLInputElement>('search-q');
const filterForm = $<HTMLFormElement>('search-filters');
const filterView = { groups: $<HTMLDivElement>('filter-groups'), hoursNote: $<HTMLParagraphElement>('hours-note') };
const statusEl = $<HTMLParagraphElement>('search-status');
const list = $<HTMLOListElement>('search-results');
const more = $<HTMLButtonElement>('search-more');
const suggest = $<HTMLDivElement>('search-suggest');
const symptomBox = $<HTMLDivElement>('search-symptom');
const sortSelect = $<HTMLSelectElement>('search-sort');
const sortNote = $<HTMLParagraphElement>('sort-note');

const page = readPage(app.dataset);
const { ui } = page;
const readUrl = () => readState(location.search);
/**
 * What is searched for the URL's state: on the English page, its English names in Japanese; a symptom's
 * words as the departments to consider for it (src/lib/search/symptoms.ts).
 */
const searched = (state: SearchState): SearchState & { symptoms: SymptomSearch['symptoms'] } => {
  const s = withSymptoms(searchText(state.q, page.english), state.filters, page.vocab.symptoms ?? []);
  return { ...state, q: s.q, filters: s.filters, symptoms: s.symptoms };
};
// Said on the page once the browser's own Pagefind answers, for tests and benchmarks that must know which side answers.
const pagefind = localPagefind(() => {
  app.dataset['local'] = 'ready';
});

let runId = 0;
/** The results on screen: how many in all, how many shown, and how to fetch a further page of them. */
let shown: { total: number; next: number; page: ResultPage } | undefined;

async function showMore(): Promise<void> {
  if (!shown) return;
  const mine = runId;
  const next = await shown.page(shown.next);
  if (mine !== runId || !shown) return;
  list.append(...next.map((r) => resultItem(page, r.data, r.distanceM)));
  shown.next += next.length;
  more.hidden = shown.next >= shown.total;
}

/** Suggestions: those that need no search at once (up to the first await), then better queries searched for. */
async function showSuggestions(state: SearchState, found: Found, mine: number): Promise<void> {
  const words = queryWords(state.q, page.english);
  const addFound = renderSuggestions(suggest, suggestions(page, state, words, found.total, found.missing));
  if (!addFound) return;
  // These searches are the browser's own: by now its Pagefind is loading or loaded.
  const pf = await pagefind.results();
  const filters = pagefindFilters(state.filters);
  const better = await betterQueries(page, state, words, async (q) => (await searchAll(pf, q, { filters })).response?.results.length ?? 0);
  if (mine === runId && better.length) addFound(better);
}

/** The filter counts for the URL's search; a newer search replaces a waiting one. */
const scheduleCounts = oneAtATime(async (stale) => {
  const state = readUrl();
  const s = searched(state);
  const { counts, totals } = await filterCounts(await pagefind.counts(), s, s.q);
  // The boxes show what the resident checked, not a symptom's departments.
  if (!stale()) renderFilters(filterView, page, state, counts, totals);
});
/**
 * The counts once typing pauses: counting searches with every filter loaded (about 150 ms of a core at
 * 20,000 facilities), so counts for every keystroke would take a core from the next keystroke's search.
 */
const COUNTS_PAUSE_MS = 250;
let countsTimer: ReturnType<typeof setTimeout> | undefined;
const countsSoon = () => {
  clearTimeout(countsTimer);
  countsTimer = setTimeout(scheduleCounts, COUNTS_PAUSE_MS);
};

/**
 * Runs the search in the URL and renders it. Stale runs (the resident kept typing) are dropped.
 * Until the browser's own Pagefind has loaded, the edge answers (GET /api/search, the same index and query
 * code): a first visit renders results after one small JSON instead of Pagefind's runtime and metadata.
 * Pagefind then loads in the background and answers every later keystroke. Distance sorting needs the
 * resident's position, which never leaves the browser, so it always searches locally.
 */
async function run(): Promise<void> {
  const mine = ++runId;
  clearTimeout(countsTimer);
  const stale = () => mine !== runId;
  const state = readUrl();
  if (document.activeElement !== input) input.value = state.q;
  sortSelect.value = state.sort;
  // The checkboxes follow the URL at once (Back, a shared link); their counts follow with the filter counts.
  for (const box of filterForm.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
    box.checked = !!state.filters[box.name as FilterKey]?.includes(box.value);
  const s = searched(state);
  const q = s.q;
  const nq = normalizeQuery(q);
  renderSymptoms(symptomBox, page, s.symptoms, state.filters);
  if (!nq.pagefind && !Object.keys(s.filters).length) {
    countsSoon();
    statusEl.textContent = state.q.trim() ? ui.nothingSearchable : ui.prompt;
    list.replaceChildren();
    suggest.replaceChildren();
    more.hidden = true;
    sortNote.hidden = true;
    return;
  }
  let found: Found | undefined;
  if (!pagefind.ready() && state.sort !== 'near') {
    try {
      found = await edgeSearch(s, q);
    } catch {
      // No edge (offline, or a host without functions): the browser searches itself.
    }
  }
  if (stale()) return;
  found ??= await localSearch(await pagefind.results(), s, q, ui, stale);
  if (!found || stale()) return;
  sortNote.hidden = !found.sortNote;
  if (found.sortNote) sortNote.textContent = found.sortNote;
  const conditions = (Object.entries(state.filters) as [FilterKey, string[]][]).flatMap(([k, vs]) => vs.map((v) => page.label(k, v)));
  shown = { total: found.total, next: 0, page: found.page };
  list.replaceChildren();
  await showMore();
  if (stale()) return;
  // Suggestions that need no search are on screen at once, before the announcement.
  // Suggestions for the words as typed; a symptom's words are taken out (its departments are the filter).
  const suggested = showSuggestions({ ...s, q: s.symptoms.length ? s.q : state.q }, found, mine);
  statusEl.textContent = ui.status(found.total, nq.terms.length || s.symptoms.length ? state.q.trim() : undefined, conditions);
  // Once the results are painted: the browser's own Pagefind for the next keystrokes, and the filter counts.
  requestAnimationFrame(() =>
    setTimeout(() => {
      void pagefind.results();
      countsSoon();
    }, 0),
  );
  await suggested;
}

function go(state: SearchState, push: boolean): void {
  const url = stateUrl(state, page.prefix);
  if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
  void run();
}

function stateFromForms(): SearchState {
  const filters: SearchFilters = {};
  for (const box of filterForm.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) (filters[box.name as FilterKey] ??= []).push(box.value);
  return { q: input.value, filters, sort: readSort(sortSelect.value) };
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

input.value = readUrl().q;
void run().catch(() => {
  statusEl.textContent = ui.failed;
});
