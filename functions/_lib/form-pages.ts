/**
 * Server-side touches on the static form pages, so every form works without JavaScript:
 * - a refused no-JS submission gets its form page back (same 4xx status) with the errors shown beside the
 *   fields and what was typed filled back in;
 * - every form page carries a fresh signed form token (the no-JavaScript bot check, form-token.ts);
 * - `/corrections/?facility=<id>&field=<f>` and `/data-request/?type=<t>` arrive pre-selected;
 * - `/data-request/verify/?token=…` puts the mail's token into the confirmation button's form;
 * - confirmation pages show the request id from `?id=`; result pages show a refusal in words.
 * The form pages also get a CSP that admits the Turnstile widget (script and frame from Cloudflare).
 */
import { REQUEST_KINDS, type FormIssue, type RequestKind } from '../../src/lib/schema/forms.ts';
import { messages } from '../../src/i18n/index.ts';
import { configOrLog } from './config.ts';
import { FORM_TOKEN_FIELD, issueFormToken } from './form-token.ts';
import type { Lang } from './http.ts';
import { REQUEST_ID } from './ledger.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com';

/** The site CSP plus Cloudflare's Turnstile script and frame. */
export const FORM_PAGE_CSP = (SECURITY_HEADERS['Content-Security-Policy'] ?? '')
  .replace("script-src 'self'", `script-src 'self' ${TURNSTILE_ORIGIN}`)
  .replace("connect-src 'self'", `connect-src 'self' ${TURNSTILE_ORIGIN}`)
  .concat(`; frame-src ${TURNSTILE_ORIGIN}`);

const esc = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export type Values = Record<string, unknown>;

/** Fields a page's own values are never replaced in: the bot checks, the page language, the form's group markers. */
const NOT_FILLED: ReadonlySet<string> = new Set(['homepage', 'cf-turnstile-response', FORM_TOKEN_FIELD, 'lang', 'edits']);

/** Fills a form's fields with `values` (text, textarea, select, radio, checkbox). */
export function fill(rw: HTMLRewriter, values: Values): HTMLRewriter {
  // HTMLRewriter streams the document in order, so the option handler sees the select it belongs to.
  let selectName: string | null = null;
  const str = (k: string | null): string | undefined => {
    const v = k === null ? undefined : values[k];
    return typeof v === 'string' ? v : v === true ? 'on' : undefined;
  };
  return rw
    .on('form[data-form] input[name]', {
      element(e) {
        const name = e.getAttribute('name');
        const type = e.getAttribute('type') ?? 'text';
        if (name === null || NOT_FILLED.has(name) || (type === 'hidden' && name !== 'facility' && name !== 'edit')) return;
        const v = str(name);
        if (type === 'radio' || type === 'checkbox') {
          // A checkbox group comes back as a list; one box as its value (`on` when it has none).
          const raw = values[name];
          const chosen = Array.isArray(raw) ? raw.map(String) : v === undefined ? [] : [v];
          if (chosen.includes(e.getAttribute('value') ?? 'on')) e.setAttribute('checked', '');
          else if (raw !== undefined) e.removeAttribute('checked');
        } else if (v !== undefined) e.setAttribute('value', v);
      },
    })
    .on('form[data-form] textarea[name]', {
      element(e) {
        const v = str(e.getAttribute('name'));
        if (v !== undefined) e.setInnerContent(v);
      },
    })
    .on('form[data-form] select[name]', {
      element(e) {
        selectName = e.getAttribute('name');
      },
    })
    .on('form[data-form] select[name] option', {
      element(e) {
        const v = str(selectName);
        if (v === undefined) return;
        if (e.getAttribute('value') === v) e.setAttribute('selected', '');
        else e.removeAttribute('selected');
      },
    });
}

/** Adds a fresh form token to each visitor form (`form[data-form]` names the kind). */
function withFormToken(rw: HTMLRewriter, hmacKey: string | undefined): HTMLRewriter {
  if (!hmacKey) return rw;
  return rw.on('form[data-form]', {
    async element(e) {
      const kind = e.getAttribute('data-form') as RequestKind | null;
      if (!kind || !REQUEST_KINDS.includes(kind)) return;
      const token = await issueFormToken(hmacKey, kind);
      e.prepend(`<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${esc(token)}" />`, { html: true });
    },
  });
}

/** The HMAC key for form tokens, or none when the deployment is misconfigured (the submit then answers 503). */
function tokenKey(env: Env, url: URL): string | undefined {
  return configOrLog(env, url)?.hmacKey;
}

/** Shows refusals: beside each field (`[data-error-for]`) and in the summary (`[data-form-errors]`). */
function showErrors(rw: HTMLRewriter, issues: FormIssue[], lang: Lang): HTMLRewriter {
  const words = (i: FormIssue): string => i.message ?? messages(lang).formErrors[i.reason];
  const byField = new Map<string, string>();
  for (const i of issues) byField.set(i.field, byField.has(i.field) ? `${byField.get(i.field)} ${words(i)}` : words(i));
  const heading =
    lang === 'ja'
      ? `入力内容に ${issues.length} 件の問題があります。`
      : `There ${issues.length === 1 ? 'is 1 problem' : `are ${issues.length} problems`} with your entries.`;
  return rw
    .on('[data-form-errors]', {
      element(e) {
        e.removeAttribute('hidden');
        const items = issues.map((i) => `<li><a href="#f-${esc(i.field)}">${esc(words(i))}</a></li>`).join('');
        e.setInnerContent(`<h2>${esc(heading)}</h2><ul>${items}</ul>`, { html: true });
      },
    })
    .on('[data-error-for]', {
      element(e) {
        const msg = byField.get(e.getAttribute('data-error-for') ?? '');
        if (msg === undefined) return;
        e.removeAttribute('hidden');
        e.setInnerContent(msg);
      },
    })
    .on('form[data-form] [name]', {
      element(e) {
        if (byField.has(e.getAttribute('name') ?? '')) e.setAttribute('aria-invalid', 'true');
      },
    });
}

const htmlHeaders = (res: Response, status: number): Response => {
  const out = new Response(res.body, { status, headers: res.headers });
  out.headers.set('Content-Security-Policy', FORM_PAGE_CSP);
  out.headers.set('Cache-Control', 'no-store');
  return out;
};

const fetchPage = (env: Env, url: URL, path: string): Promise<Response> => env.ASSETS.fetch(new URL(path, url));

/** A refused no-JS submission: the form page again, with errors, the visitor's entries and a fresh form token. */
export async function formPageWithErrors(
  env: Env,
  url: URL,
  pagePath: string,
  status: number,
  issues: FormIssue[],
  values: Values,
  lang: Lang,
  hmacKey: string | undefined,
): Promise<Response> {
  const page = await fetchPage(env, url, pagePath);
  return showErrors(withFormToken(fill(new HTMLRewriter(), values), hmacKey), issues, lang).transform(htmlHeaders(page, status));
}

/** A result page (confirmation, verification) showing a refusal instead of success. */
export async function resultPageWithError(env: Env, url: URL, pagePath: string, status: number, issues: FormIssue[], lang: Lang): Promise<Response> {
  const page = await fetchPage(env, url, pagePath);
  const msg = issues.map((i) => messages(lang).formErrors[i.reason]).join(' ');
  return new HTMLRewriter()
    .on('[data-result-ok]', { element: (e) => void e.remove() })
    .on('[data-result-title]', { element: (e) => void e.setInnerContent(e.getAttribute('data-error-title') ?? '') })
    .on('[data-result-error]', {
      element(e) {
        e.removeAttribute('hidden');
      },
    })
    .on('[data-result-message]', { element: (e) => void e.setInnerContent(msg) })
    .transform(htmlHeaders(page, status));
}

/**
 * Middleware for the form folders (/contact/, /corrections/, /data-request/ and their /en/ twins):
 * prefill from the query string on form pages, the request id on confirmation pages.
 * GET only, so the folders export it as `onRequestGet`: wrangler's Pages router compiles the path pattern of
 * every route that could apply, on every request, so a POST skipping these 14 routes spends about 6 % less of
 * the Worker's CPU (docs/operations/forms.md).
 */
export const formPageMiddleware: PagesFunction<Env> = async (ctx) => {
  const res = await ctx.next();
  const ct = res.headers.get('Content-Type') ?? '';
  if (ctx.request.method !== 'GET' || !res.ok || !ct.includes('text/html')) return res;
  const url = new URL(ctx.request.url);
  const id = url.searchParams.get('id');
  const prefill: Values = {};
  for (const k of ['facility', 'field', 'type', 'person'] as const) {
    const v = url.searchParams.get(k);
    if (v && /^[a-z0-9-]{1,100}$/.test(v)) prefill[k] = v;
  }
  let rw = withFormToken(fill(new HTMLRewriter(), prefill), tokenKey(ctx.env, url));
  if (id && REQUEST_ID.test(id)) rw = rw.on('[data-request-id]', { element: (e) => void e.setInnerContent(id) });
  const token = url.searchParams.get('token');
  if (token && /^[A-Za-z0-9_.-]{1,200}$/.test(token))
    rw = rw.on('form[data-verify-form] input[name="token"]', { element: (e) => void e.setAttribute('value', token) });
  return rw.transform(htmlHeaders(res, res.status));
};
