/**
 * Progressive enhancement for the visitor forms (contact, correction report, data request, facility update,
 * staff registration and withdrawal). Without this script the forms POST as plain HTML and the function
 * answers with pages. With it: the same zod schema checks the entries first, errors appear beside the fields
 * and in a summary that takes focus, the form is sent as JSON, and the visitor lands on the same confirmation
 * page. Each page's own script (src/scripts/forms/*.ts) passes its check, so a page ships only its own: the
 * contact, correction and data-request pages check with src/lib/schema/form-spec.ts (no zod), the update and
 * staff pages with their zod schemas. The words come from the form's data-words (FormShell.astro).
 */
import { TURNSTILE_DUMMY_TOKEN, TURNSTILE_TEST_SITE_KEY, type FormErrorReason, type FormIssue } from '../lib/schema/form-spec.ts';

/** A form's check in the browser: the problems, `{ field, reason }`, as the server would report them. */
export type FormCheck = (data: Record<string, unknown>) => FormIssue[];

/** What FormShell.astro writes into data-words: the page language's form words and refusal reasons. */
export interface FormScriptWords {
  /** The error summary's heading for one problem, and for n (`{n}` stands for the number). */
  problems: [string, string];
  sending: string;
  sendFailed: string;
  offline: string;
  errors: Partial<Record<FormErrorReason, string>>;
}

interface ServerError {
  field: string;
  reason: FormErrorReason;
  message?: string;
}

/** The server's own words when it gave them (the content schema's message, naming the field), else the reason's. */
const text = (i: { reason: FormErrorReason; message?: string | undefined }, w: FormScriptWords): string =>
  i.message ?? w.errors[i.reason] ?? w.errors.invalid ?? '';

function values(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new FormData(form)) {
    if (typeof v !== 'string') continue;
    // A group of checkboxes sends every ticked value, as the plain HTML form does.
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...(prev as string[]), v] : [prev, v];
  }
  // Consent boxes are sent as true or false (a plain form sends `on` or nothing).
  for (const name of ['agree', 'consent'])
    if (form.querySelector(`[name="${name}"]`)) out[name] = (form.querySelector(`[name="${name}"]`) as HTMLInputElement | null)?.checked ?? false;
  return out;
}

function clearErrors(form: HTMLFormElement): void {
  form.querySelectorAll<HTMLElement>('[data-error-for]').forEach((e) => {
    e.hidden = true;
    e.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const summary = form.querySelector<HTMLElement>('[data-form-errors]');
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }
}

function showErrors(form: HTMLFormElement, issues: readonly ServerError[], w: FormScriptWords): void {
  clearErrors(form);
  for (const i of issues) {
    const slot = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(i.field)}"]`);
    if (slot) {
      slot.textContent = slot.textContent ? `${slot.textContent} ${text(i, w)}` : text(i, w);
      slot.hidden = false;
    }
    form.querySelectorAll(`[name="${CSS.escape(i.field)}"]`).forEach((e) => e.setAttribute('aria-invalid', 'true'));
  }
  const summary = form.querySelector<HTMLElement>('[data-form-errors]');
  if (!summary) return;
  const h = document.createElement('h2');
  h.textContent = issues.length === 1 ? w.problems[0] : w.problems[1].replace('{n}', String(issues.length));
  const ul = document.createElement('ul');
  for (const i of issues) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `#f-${i.field}`;
    a.textContent = text(i, w);
    li.append(a);
    ul.append(li);
  }
  summary.replaceChildren(h, ul);
  summary.hidden = false;
  summary.focus();
}

/** Turnstile: the test site key yields the documented dummy token without any network; a real key loads the widget. */
function setUpTurnstile(form: HTMLFormElement): void {
  const box = form.querySelector<HTMLElement>('.cf-turnstile');
  if (!box) return;
  if (box.dataset['sitekey'] === TURNSTILE_TEST_SITE_KEY) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'cf-turnstile-response';
    input.value = TURNSTILE_DUMMY_TOKEN;
    box.append(input);
    return;
  }
  if (!document.querySelector('script[data-turnstile]')) {
    const s = document.createElement('script');
    s.src = 'https://challenges.cloudflare.com/turnstile/v0/api.js';
    s.async = true;
    s.dataset['turnstile'] = '';
    document.head.append(s);
  }
}

function enhance(form: HTMLFormElement, check: FormCheck): void {
  const w = JSON.parse(form.dataset['words'] ?? '{}') as FormScriptWords;
  const status = form.querySelector<HTMLElement>('[data-form-status]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  form.noValidate = true;
  setUpTurnstile(form);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const data = values(form);
    const issues = check(data);
    if (issues.length) {
      showErrors(form, issues, w);
      return;
    }
    clearErrors(form);
    if (button) button.disabled = true;
    if (status) status.textContent = w.sending;
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(data),
      });
      const body = (await res.json().catch(() => ({}))) as { next?: string; errors?: ServerError[]; message?: string };
      if (res.ok && body.next) {
        location.assign(body.next);
        return;
      }
      // A Turnstile token works once; a refused submission needs a fresh one.
      (window as { turnstile?: { reset: () => void } }).turnstile?.reset();
      if (body.errors?.length) showErrors(form, body.errors, w);
      if (status) status.textContent = body.message ?? w.sendFailed;
    } catch {
      if (status) status.textContent = w.offline;
    } finally {
      if (button) button.disabled = false;
    }
  });
}

/** Enhances the page's forms, each with its check by kind (data-schema, else data-form). */
export function enhanceForms(checks: Readonly<Record<string, FormCheck>>): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-form]')) {
    const check = checks[form.dataset['schema'] ?? form.dataset['form'] ?? ''];
    if (check) enhance(form, check);
  }
}
