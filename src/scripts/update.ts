/**
 * The update form's hours editor (/update/?facility=<id>): weekly schedules with several slots a day, reception
 * times, overnight slots, 祝日, 第N週 closures, yearly and dated closures. It starts from the facility's current
 * hours (the `#update-current` JSON the function adds), writes the result into the form's `hours` field as
 * JSON, and shows a live preview made by the facility page's own hours engine (src/view/hours.ts) from the
 * same schema the content check uses. Every control is a labelled native input, so it works by keyboard, with
 * a screen reader and on a phone. Without JavaScript the hours are not sent and stay as they are.
 */
import { HoursSchema, DAYS, WEEKDAYS, type HoursInput } from '../lib/schema/hours.ts';
import { toJst } from '../lib/util/jst.ts';
import { hoursView } from '../view/hours.ts';
import { messages, type Lang } from '../i18n/index.ts';

type Slot = HoursInput['schedules'][number]['slots'][number];
interface State {
  schedules: { departments: string[]; label?: string; slots: Slot[] }[];
  closedOnHolidays: boolean;
  nthWeekClosures: { weeks: number[]; day: (typeof WEEKDAYS)[number] }[];
  datedClosures: { from: string; to: string; note?: string }[];
  annualClosures: { from: string; to: string; note?: string }[];
  note?: string;
}

type Attrs = Record<string, string | boolean | undefined>;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') e.className = String(v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

let uid = 0;
const nextId = (p: string) => `h-${p}-${++uid}`;

function start(root: HTMLElement): void {
  const form = root.closest('form');
  if (!form) return;
  const lang: Lang = root.dataset['lang'] === 'en' ? 'en' : 'ja';
  const m = messages(lang);
  const w = m.update.editor;
  const currentEl = document.getElementById('update-current');
  const current = currentEl ? (JSON.parse(currentEl.textContent ?? '{}') as { hours?: HoursInput | null }) : {};
  const h = current.hours;
  const state: State = {
    schedules: (h?.schedules ?? []).map((s) => ({
      departments: [...(s.departments ?? [])],
      ...(s.label ? { label: s.label } : {}),
      slots: s.slots.map((x) => ({ ...x })),
    })),
    closedOnHolidays: h?.closedOnHolidays ?? true,
    nthWeekClosures: (h?.nthWeekClosures ?? []).map((c) => ({ weeks: [...c.weeks], day: c.day })),
    datedClosures: (h?.datedClosures ?? []).map((c) => ({ from: String(c.from), to: String(c.to), ...(c.note ? { note: c.note } : {}) })),
    annualClosures: (h?.annualClosures ?? []).map((c) => ({ ...c })),
    ...(h?.note ? { note: h.note } : {}),
  };
  const hadHours = !!h;
  form.querySelector<HTMLElement>('[data-hours-nojs]')?.setAttribute('hidden', '');

  const hidden = el('input', { type: 'hidden', name: 'hours' });
  form.append(hidden);
  const editor = el('div', { class: 'hours-editor' });
  const preview = el('section', { class: 'hours-preview', 'aria-labelledby': 'hours-preview-title' });
  root.append(editor, preview);

  /** The facility's departments as ticked in the form now (a schedule can be limited to some of them). */
  const departmentChoices = (): { code: string; name: string }[] =>
    [...form.querySelectorAll<HTMLInputElement>('input[name="departments"]:checked')].map((b) => ({
      code: b.value,
      name: form.querySelector(`label[for="${CSS.escape(b.id)}"]`)?.textContent?.trim() ?? b.value,
    }));

  const output = (): unknown => {
    const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && v !== false)) as T;
    return {
      schedules: state.schedules.map((s) => clean({ departments: s.departments, label: s.label, slots: s.slots.map((x) => clean(x)) })),
      closedOnHolidays: state.closedOnHolidays,
      nthWeekClosures: state.nthWeekClosures,
      datedClosures: state.datedClosures.map((c) => clean(c)),
      annualClosures: state.annualClosures.map((c) => clean(c)),
      ...(state.note ? { note: state.note } : {}),
    };
  };

  function sync(): void {
    const empty = state.schedules.length === 0;
    // No hours before and none entered: send nothing, the file stays without hours.
    hidden.disabled = empty && !hadHours;
    hidden.value = JSON.stringify(output());
    renderPreview();
  }

  function renderPreview(): void {
    const title = el('h3', { id: 'hours-preview-title' }, w.previewTitle);
    if (state.schedules.length === 0) {
      preview.replaceChildren(title, el('p', {}, w.noHours));
      return;
    }
    const parsed = HoursSchema.safeParse(output());
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      preview.replaceChildren(title, el('p', { class: 'field-error' }, `${w.previewInvalid}: ${first?.message ?? ''}`));
      return;
    }
    const v = hoursView(parsed.data, departmentChoices(), lang, toJst(Date.now()).date);
    const summary = v.days.map((d, k) => {
      const ranges = v.tables.flatMap((t) => t.rows.filter((r) => r.cells[k] === 'open' || r.cells[k] === 'some-weeks').map((r) => r.range));
      return `${d.short} ${ranges.length ? [...new Set(ranges)].join(', ') : w.closedDay}`;
    });
    const tables = v.tables.map((t) =>
      el(
        'div',
        { class: 'table-wrap' },
        el(
          'table',
          { class: 'hours-table' },
          el('caption', {}, t.caption),
          el(
            'thead',
            {},
            el('tr', {}, el('th', { scope: 'col' }, v.timeColumn), ...v.days.map((d) => el('th', { scope: 'col' }, el('abbr', { title: d.long }, d.short)))),
          ),
          el(
            'tbody',
            {},
            ...t.rows.map((r) =>
              el(
                'tr',
                {},
                el(
                  'th',
                  { scope: 'row' },
                  r.label ? el('span', { class: 'slot-label' }, r.label) : null,
                  el('span', { class: 'slot-time' }, r.range),
                  r.reception ? el('span', { class: 'slot-reception' }, r.reception) : null,
                ),
                ...r.cells.map((c) => el('td', { class: c }, el('span', { 'aria-hidden': 'true' }, v.mark[c]), el('span', { class: 'sr-only' }, v.spoken[c]))),
              ),
            ),
          ),
        ),
      ),
    );
    preview.replaceChildren(
      title,
      el('p', { 'data-hours-summary': true }, `${w.previewSummary}: ${summary.join(' / ')}`),
      ...tables,
      el('ul', { class: 'hours-notes' }, ...v.notes.map((n) => el('li', {}, n))),
    );
  }

  /** A labelled input bound to a value of the state; `structural` changes re-render the editor. */
  function input(label: string, attrs: Attrs, get: () => string | undefined, set: (v: string) => void): HTMLElement {
    const id = nextId('f');
    const i = el('input', { id, ...attrs });
    i.value = get() ?? '';
    i.addEventListener('input', () => {
      set(i.value);
      sync();
    });
    return el('div', { class: 'field' }, el('label', { for: id }, label), i);
  }
  function check(label: string, get: () => boolean, set: (v: boolean) => void): HTMLElement {
    const id = nextId('c');
    const i = el('input', { id, type: 'checkbox', checked: get() });
    i.addEventListener('change', () => {
      set(i.checked);
      sync();
    });
    return el('div', { class: 'choice' }, i, el('label', { for: id }, label));
  }
  /** A button that changes the structure; `focusAfter` finds what should have the focus next (a new slot's first field). */
  function button(label: string, onClick: () => void, focusAfter?: () => HTMLElement | null | undefined): HTMLButtonElement {
    const b = el('button', { type: 'button', class: 'button secondary' }, label);
    b.addEventListener('click', () => {
      onClick();
      render();
      sync();
      focusAfter?.()?.focus();
    });
    return b;
  }
  /** The first field of the last slot of schedule `k` (the last schedule when omitted). */
  const lastSlotOf = (k?: number) => () => {
    const all = editor.querySelectorAll<HTMLElement>('[data-schedule]');
    const sched = all[k ?? all.length - 1];
    const slots = sched?.querySelectorAll<HTMLElement>('[data-slot]');
    return slots?.[slots.length - 1]?.querySelector<HTMLElement>('input[data-first]');
  };
  const legendGroup = (legend: string, ...children: (Node | null)[]) => el('fieldset', { class: 'field subgroup' }, el('legend', {}, legend), ...children);
  const opt = (s: string | undefined) => (s === '' ? undefined : s);

  function slotEditor(slots: Slot[], slot: Slot, n: number): HTMLElement {
    const days = legendGroup(
      w.days,
      el(
        'div',
        { class: 'days' },
        ...DAYS.map((d) => {
          const id = nextId('d');
          const i = el('input', { id, type: 'checkbox', checked: slot.days.includes(d) });
          i.addEventListener('change', () => {
            slot.days = DAYS.filter((x) => (x === d ? i.checked : slot.days.includes(x)));
            sync();
          });
          return el(
            'span',
            { class: 'choice' },
            i,
            el('label', { for: id }, el('span', { 'aria-hidden': 'true' }, m.hours.day[d]), el('span', { class: 'sr-only' }, m.hours.dayLong[d])),
          );
        }),
      ),
    );
    return el(
      'fieldset',
      { class: 'slot', 'data-slot': true },
      el('legend', {}, w.slot(n)),
      days,
      el(
        'div',
        { class: 'times' },
        input(
          w.open,
          { type: 'time', required: true, 'data-first': true },
          () => slot.open,
          (v) => (slot.open = v),
        ),
        input(
          w.close,
          { type: 'time', required: true },
          () => slot.close,
          (v) => (slot.close = v),
        ),
        input(
          w.receptionOpen,
          { type: 'time' },
          () => slot.receptionOpen,
          (v) => (slot.receptionOpen = opt(v)),
        ),
        input(
          w.receptionClose,
          { type: 'time' },
          () => slot.receptionClose,
          (v) => (slot.receptionClose = opt(v)),
        ),
      ),
      input(
        w.label,
        { type: 'text', maxlength: '20' },
        () => slot.label,
        (v) => (slot.label = opt(v)),
      ),
      check(
        w.overnight,
        () => slot.overnight === true,
        (v) => (slot.overnight = v || undefined),
      ),
      button(w.removeSlot, () => slots.splice(slots.indexOf(slot), 1)),
    );
  }

  function render(): void {
    const deps = departmentChoices();
    const schedules = state.schedules.map((s, k) =>
      el(
        'fieldset',
        { class: 'schedule', 'data-schedule': true },
        el('legend', {}, w.schedule(k + 1)),
        state.schedules.length > 1 || s.label
          ? input(
              w.scheduleLabel,
              { type: 'text', maxlength: '40' },
              () => s.label,
              (v) => (s.label = opt(v)),
            )
          : null,
        deps.length > 1
          ? legendGroup(
              w.scheduleDepartments,
              ...deps.map((d) =>
                check(
                  d.name,
                  () => s.departments.includes(d.code),
                  (v) => (s.departments = v ? [...s.departments, d.code] : s.departments.filter((c) => c !== d.code)),
                ),
              ),
            )
          : null,
        ...s.slots.map((slot, j) => slotEditor(s.slots, slot, j + 1)),
        button(w.addSlot, () => s.slots.push({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '12:00' }), lastSlotOf(k)),
        state.schedules.length > 1 ? button(w.removeSchedule, () => state.schedules.splice(k, 1)) : null,
      ),
    );
    const add = button(
      state.schedules.length === 0 ? w.addSlot : w.addSchedule,
      () => state.schedules.push({ departments: [], slots: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '12:00' }] }),
      lastSlotOf(),
    );
    const nth = legendGroup(
      w.nthLegend,
      ...state.nthWeekClosures.map((c, k) =>
        el(
          'div',
          { class: 'closure' },
          legendGroup(
            w.nthWeeks,
            ...[1, 2, 3, 4, 5].map((n) =>
              check(
                w.nthWeek(n),
                () => c.weeks.includes(n),
                (v) => (c.weeks = [1, 2, 3, 4, 5].filter((x) => (x === n ? v : c.weeks.includes(x)))),
              ),
            ),
          ),
          (() => {
            const id = nextId('n');
            const s = el('select', { id }, ...WEEKDAYS.map((d) => el('option', { value: d, selected: c.day === d }, m.hours.dayLong[d])));
            s.addEventListener('change', () => {
              c.day = s.value as (typeof WEEKDAYS)[number];
              sync();
            });
            return el('div', { class: 'field' }, el('label', { for: id }, w.nthDay), s);
          })(),
          button(w.remove, () => state.nthWeekClosures.splice(k, 1)),
        ),
      ),
      button(w.addNth, () => state.nthWeekClosures.push({ weeks: [2, 4], day: 'sat' })),
    );
    const ranges = (
      legend: string,
      list: { from: string; to: string; note?: string }[],
      type: 'date' | 'text',
      addLabel: string,
      blank: () => { from: string; to: string },
    ) =>
      legendGroup(
        legend,
        ...list.map((c, k) =>
          el(
            'div',
            { class: 'closure times' },
            input(
              w.from,
              type === 'date' ? { type } : { type, placeholder: 'MM-DD', maxlength: '5', inputmode: 'numeric' },
              () => c.from,
              (v) => (c.from = v),
            ),
            input(
              w.to,
              type === 'date' ? { type } : { type, placeholder: 'MM-DD', maxlength: '5', inputmode: 'numeric' },
              () => c.to,
              (v) => (c.to = v),
            ),
            input(
              w.note,
              { type: 'text', maxlength: '100' },
              () => c.note,
              (v) => (c.note = opt(v)),
            ),
            button(w.remove, () => list.splice(k, 1)),
          ),
        ),
        button(addLabel, () => list.push(blank())),
      );
    const today = toJst(Date.now()).date;
    editor.replaceChildren(
      ...schedules,
      add,
      check(
        w.closedOnHolidays,
        () => state.closedOnHolidays,
        (v) => (state.closedOnHolidays = v),
      ),
      nth,
      ranges(w.annualLegend, state.annualClosures, 'text', w.addAnnual, () => ({ from: '12-29', to: '01-03' })),
      ranges(w.datedLegend, state.datedClosures, 'date', w.addDated, () => ({ from: today, to: today })),
      input(
        w.hoursNote,
        { type: 'text', maxlength: '500' },
        () => state.note,
        (v) => (state.note = opt(v)),
      ),
    );
  }

  form.addEventListener('change', (e) => {
    // Ticking a department changes which departments a schedule can be limited to.
    if ((e.target as HTMLInputElement).name === 'departments') {
      render();
      sync();
    }
  });
  render();
  sync();
}

document.querySelectorAll<HTMLElement>('[data-hours-editor]').forEach(start);
