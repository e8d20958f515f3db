/**
 * The one pipeline every form endpoint runs:
 * Origin → body (size, type, parse) → schema → rate limits → Turnstile → form-specific checks →
 * ledger + outbox in one D1 batch → answer with the request id → deliver mails/issues after answering.
 *
 * Every refusal is a 4xx naming the field and the reason: JSON for scripts, the form page with the errors
 * shown for plain HTML forms. Provider outages are 503 with Retry-After; nothing half-written is left.
 */
import type { z } from 'zod';
import { formIssues, normalizeEmail, type RequestKind } from '../../src/lib/schema/forms.ts';
import { ConfigError, formsConfig, type FormsConfig } from './config.ts';
import { hmac } from './crypto.ts';
import { formPageWithErrors, resultPageWithError } from './form-pages.ts';
import { checkOrigin, langOf, log, methodNotAllowed, parseBody, Refusal, refusalJson, type Lang } from './http.ts';
import { addDays, DUE_DAYS, newRequestId, recordRequest, type OutboxItem } from './ledger.ts';
import { deliver, sweep } from './outbox.ts';
import { consume, LIMITS, type Limit } from './rate-limit.ts';
import { verifyTurnstile } from './turnstile.ts';
import { issueToken } from './verification.ts';

export interface Prepared {
  type: string | null;
  email: string | null;
  facilityId: string | null;
  /** What the ledger keeps (encrypted). */
  personal: unknown;
  /** Data requests: issue a verification link. */
  verify: boolean;
  outbox: (r: { id: string; dueAt: string; verifyUrl: string | undefined }) => OutboxItem[];
}

export interface FormDef<S extends z.ZodType> {
  kind: RequestKind;
  schema: S;
  /** Form page and confirmation page paths (Japanese; English adds /en). */
  page: string;
  thanks: string;
  /** Form-specific checks (may throw Refusal) and what to store and send. */
  prepare: (data: z.output<S>, c: { env: Env; url: URL; cfg: FormsConfig; lang: Lang }) => Promise<Prepared>;
}

const langPath = (lang: Lang, path: string): string => (lang === 'en' ? `/en${path}` : path);

export const unavailable = (retryAfter = 60): Response =>
  Response.json(
    { error: 'unavailable', message: '一時的に受け付けられません。時間をおいてもう一度お試しください。/ Temporarily unavailable. Please try again later.' },
    { status: 503, headers: { 'Retry-After': String(retryAfter), 'Cache-Control': 'no-store' } },
  );

/** Reads config, or answers 503 naming the missing settings in the log (names only, never values). */
export function configOr503(env: Env, url: URL): FormsConfig | Response {
  try {
    return formsConfig(env, url);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    log('error', 'config-missing', { missing: e.missing.join(',') });
    return unavailable(300);
  }
}

/** A Refusal as the client wants it: JSON, or for plain HTML forms the page with errors. */
export async function refuse(env: Env, url: URL, r: Refusal, lang: Lang, html: { form?: string; result?: string; values?: Record<string, unknown> } | undefined): Promise<Response> {
  if (html?.form) {
    const res = await formPageWithErrors(env, url, html.form, r.status, r.issues, html.values ?? {}, lang);
    for (const [k, v] of Object.entries(r.headers)) res.headers.set(k, v);
    return res;
  }
  if (html?.result) return resultPageWithError(env, url, html.result, r.status, r.issues, lang);
  return refusalJson(r, lang);
}

export function formEndpoint<S extends z.ZodType>(def: FormDef<S>): PagesFunction<Env> {
  return async (ctx) => {
    if (ctx.request.method !== 'POST') return methodNotAllowed('POST');
    const { request, env } = ctx;
    const url = new URL(request.url);
    const cfg = configOr503(env, url);
    if (cfg instanceof Response) return cfg;
    let data: Record<string, unknown> | undefined;
    let htmlForm = false;
    let lang: Lang = langOf(undefined, request);
    try {
      checkOrigin(request, [url.origin, cfg.siteOrigin]);
      ({ data, htmlForm } = await parseBody(request));
      lang = langOf(data, request);
      const parsed = def.schema.safeParse(data);
      if (!parsed.success) throw new Refusal(422, formIssues(parsed.error));
      const form = parsed.data as z.output<S> & { 'cf-turnstile-response'?: string; email?: string };

      // Rate limits: per hashed IP and per hashed email, counted only for well-formed submissions.
      const token = form['cf-turnstile-response'];
      const noJs = !token && htmlForm && cfg.allowNoJs;
      const ip = request.headers.get('CF-Connecting-IP');
      const email = typeof form.email === 'string' ? normalizeEmail(form.email) : null;
      const emailHmac = email ? await hmac(cfg.hmacKey, 'email', email) : null;
      const checks: { limit: Limit; subject: string }[] = [{ limit: { name: `${def.kind}:ip${noJs ? ':nojs' : ''}`, ...(noJs ? LIMITS.perIpNoJs : LIMITS.perIp) }, subject: await hmac(cfg.hmacKey, 'ip', ip ?? 'unknown') }];
      if (emailHmac) checks.push({ limit: { name: `${def.kind}:email`, ...LIMITS.perEmail }, subject: emailHmac });
      const hit = await consume(env.RATE_LIMIT, checks);
      if (hit) throw new Refusal(429, [{ field: hit.limit.name.endsWith(':email') ? 'email' : 'form', reason: 'rateLimited' }], { 'Retry-After': String(hit.retryAfter) });

      // Turnstile: required, except for plain HTML forms when no-JS submissions are allowed.
      if (!token && !noJs) throw new Refusal(400, [{ field: 'cf-turnstile-response', reason: 'turnstileMissing' }]);
      if (token) {
        const t = await verifyTurnstile(cfg.turnstile, token, ip);
        if (typeof t === 'object') {
          log('warn', 'turnstile-unavailable', { kind: def.kind, error: t.unavailable });
          return unavailable(30);
        }
        if (t === 'invalid') throw new Refusal(403, [{ field: 'cf-turnstile-response', reason: 'turnstileInvalid' }]);
      }

      const prepared = await def.prepare(form, { env, url, cfg, lang });
      const now = new Date();
      const { id, outboxIds } = await store(env.DB, cfg, def, prepared, { lang, emailHmac, botCheck: noJs ? 'none-no-js' : 'turnstile', now });
      log('info', 'request-received', { requestId: id, kind: def.kind, type: prepared.type ?? undefined, noJs });
      // Answer first; deliver this request's mail/issue, then retry a few older ones that are due.
      ctx.waitUntil(
        deliver(env.DB, cfg, outboxIds)
          .then(() => sweep(env.DB, cfg, { limit: 5 }))
          .catch((e: unknown) => log('error', 'delivery-error', { requestId: id, error: e instanceof Error ? e.name : 'error' })),
      );
      const next = `${langPath(lang, def.thanks)}?id=${id}`;
      if (htmlForm) return new Response(null, { status: 303, headers: { Location: next, 'Cache-Control': 'no-store' } });
      return Response.json({ id, status: 'received', next }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      log('info', 'request-refused', { kind: def.kind, status: e.status, issues: e.message });
      return refuse(env, url, e, lang, htmlForm ? { form: langPath(lang, def.page), values: data } : undefined);
    }
  };
}

async function store(
  db: D1Database,
  cfg: FormsConfig,
  def: FormDef<z.ZodType>,
  p: Prepared,
  m: { lang: Lang; emailHmac: string | null; botCheck: 'turnstile' | 'none-no-js'; now: Date },
): Promise<{ id: string; outboxIds: string[] }> {
  // A duplicate id (1 in 10^12) is retried once with a fresh one.
  for (let attempt = 0; ; attempt++) {
    const id = newRequestId(def.kind, m.now);
    const receivedAt = m.now.toISOString();
    const v = p.verify ? await issueToken(cfg.hmacKey, id, m.now) : undefined;
    const verifyUrl = v ? `${cfg.siteOrigin}/api/data-requests/verify?token=${encodeURIComponent(v.token)}` : undefined;
    const dueAt = addDays(receivedAt, DUE_DAYS);
    try {
      const outboxIds = await recordRequest(
        db,
        cfg.encKey,
        { id, kind: def.kind, type: p.type, lang: m.lang, emailHmac: m.emailHmac, personal: p.personal, facilityId: p.facilityId, botCheck: m.botCheck, receivedAt },
        p.outbox({ id, dueAt, verifyUrl }),
        v && { nonce: v.nonce, expiresAt: v.expiresAt },
      );
      return { id, outboxIds };
    } catch (e) {
      if (attempt === 0 && e instanceof Error && /UNIQUE constraint failed: requests\.id/.test(e.message)) continue;
      throw e;
    }
  }
}
