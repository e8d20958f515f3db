/**
 * マイリスト's store and its 「保存」 buttons: the facility ids in this browser's localStorage, nothing sent
 * anywhere. Used by the facility pages and /list/ (./saved-list.ts) and by the search results (./search/render.ts).
 */
export const SAVED_KEY = 'nakano-clinic-db:saved';
export const MAX = 50;
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function load(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(SAVED_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && ID.test(x)).slice(0, MAX) : [];
  } catch {
    return [];
  }
}
export const store = (ids: readonly string[]) => localStorage.setItem(SAVED_KEY, JSON.stringify([...new Set(ids)].slice(0, MAX)));

/** Wires one 「保存」 box (`[data-save=<id>]` with a button and a status line): the facility pages' and the search results'. */
export function wireSave(box: HTMLElement): void {
  const id = box.dataset['save'] ?? '';
  const button = box.querySelector('button');
  const status = box.querySelector<HTMLElement>('[role="status"]');
  if (!button || !status || !ID.test(id)) return;
  const { labelSave = '', labelSaved = '', savedNote = '', removedNote = '' } = box.dataset;
  const show = () => {
    const saved = load().includes(id);
    button.textContent = saved ? labelSaved : labelSave;
    button.setAttribute('aria-pressed', String(saved));
  };
  show();
  box.hidden = false;
  button.addEventListener('click', () => {
    const saved = load().includes(id);
    store(saved ? load().filter((x) => x !== id) : [...load(), id]);
    status.textContent = saved ? removedNote : savedNote;
    show();
  });
}
