/**
 * Progressive enhancement for the visitor forms (contact, correction report, data request, facility update).
 * Without this script the forms POST as plain HTML and the function answers with pages. With it:
 * the same zod schema checks the entries first, errors appear beside the fields and in a summary that
 * takes focus, the form is sent as JSON, and the visitor lands on the same confirmation page.
 */
import type { z } from 'zod';
import {
  ContactFormSchema,
  CorrectionFormSchema,
  DataRequestFormSchema,
  formIssues,
  TURNSTILE_DUMMY_TOKEN,
  TURNSTILE_TEST_SITE_KEY,
  type FormErrorReason,
  type FormIssue,
} from '../lib/schema/forms.ts';
import type { Lang } from '../lib/schema/lang.ts';
import { formErrorWords, formWords } from '../i18n/client/forms.ts';

/** Each form's schema; the update form's is loaded only on its page (it brings the facility schema's vocabularies). */
const SCHEMAS: Record<string, () => Promise<z.ZodType>> = {
  contact: async () => ContactFormSchema,
  correction: async () => CorrectionFormSchema,
  'data-request': async () => DataRequestFormSchema,
  'facility-update': async () => (await import('../lib/schema/facility-update-form.ts')).FacilityUpdateFormSchema,
  'person-registration': async () => (await import('../lib/schema/person-registration-form.ts')).PersonRegistrationFormSchema,
  'person-withdrawal': async () => (await import('../lib/schema/person-registration-form.ts')).PersonByEmailFormSchema,
};

interface ServerError {
  field: string;
  reason: FormErrorReason;
  message?: string;
}

/** The server's own words when it gave them (the content schema's message, naming the field), else the reason's. */
const text = (i: { reason: FormErrorReason; message?: string | undefined }, lang: Lang): string =>
  i.message ?? formErrorWords[lang][i.reason] ?? formErrorWords[lang].invalid;

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

function showErrors(form: HTMLFormElement, issues: readonly ServerError[], lang: Lang): void {
  clearErrors(form);
  for (const i of issues) {
    const slot = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(i.field)}"]`);
    if (slot) {
      slot.textContent = slot.textContent ? `${slot.textContent} ${text(i, lang)}` : text(i, lang);
      slot.hidden = false;
    }
    form.querySelectorAll(`[name="${CSS.escape(i.field)}"]`).forEach((e) => e.setAttribute('aria-invalid', 'true'));
  }
  const summary = form.querySelector<HTMLElement>('[data-form-errors]');
  if (!summary) return;
  const h = document.createElement('h2');
  h.textContent = formWords[lang].problems(issues.length);
  const ul = document.createElement('ul');
  for (const i of issues) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `#f-${i.field}`;
    a.textContent = text(i, lang);
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

function enhance(form: HTMLFormElement): void {
  const kind = form.dataset['schema'] ?? form.dataset['form'] ?? '';
  const loadSchema = SCHEMAS[kind];
  if (!loadSchema) return;
  const lang: Lang = form.dataset['lang'] === 'en' ? 'en' : 'ja';
  const w = formWords[lang];
  const status = form.querySelector<HTMLElement>('[data-form-status]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  form.noValidate = true;
  setUpTurnstile(form);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const data = values(form);
    const parsed = (await loadSchema()).safeParse(data);
    if (!parsed.success) {
      showErrors(form, formIssues(parsed.error) satisfies FormIssue[], lang);
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
      if (body.errors?.length) showErrors(form, body.errors, lang);
      if (status) status.textContent = body.message ?? w.sendFailed;
    } catch {
      if (status) status.textContent = w.offline;
    } finally {
      if (button) button.disabled = false;
    }
  });
}

document.querySelectorAll<HTMLFormElement>('form[data-form]').forEach(enhance);
