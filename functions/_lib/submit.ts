/**
 * The one pipeline every form endpoint runs:
 * Origin → body (size, type, parse) → schema → bot check (Turnstile, or the form token without JavaScript)
 * → form-specific checks → rate limits, ledger and outbox in one D1 batch (a full limit fails the batch, so
 * nothing is written; forms whose checks write to D1 count the limits before them) → answer with the request
 * id → deliver this request's mail/issue after answering (the outbox drain retries what fails).
 *
 * Only submissions that passed the bot check are counted, so nobody can use up someone else's allowance
 * with token-less posts. Every refusal is a 4xx naming the field and the reason: JSON for scripts, the
 * form page with the errors shown for plain HTML forms. Provider outages are 503 with Retry-After;
 * nothing half-written is left.
 */
import { withBusyRetry } from './d1-retry.ts';
import type { $ZodType, output } from 'zod/v4/core';
import { safeParse } from 'zod/mini';
import { formIssues, normalizeEmail, type FormErrorReason, type RequestKind } from '../../src/lib/schema/forms.ts';
import { configOr503, type FormsConfig } from './config.ts';
import { hmac } from './crypto.ts';
import { formPageWithErrors, resultPageWithError } from './form-pages.ts';
import { FORM_TOKEN_FIELD, spendFormToken } from './form-token.ts';
import { checkOrigin, langOf, langPath, log, methodNotAllowed, parseBody, Refusal, refusalJson, unavailable, type Lang } from './http.ts';
import { addDays, DUE_DAYS, newRequestId, recordRequest, type ClaimedItem, type OutboxItem } from './ledger.ts';
import { deliverClaimed } from './outbox.ts';
import { consume, countStatements, fullLimit, ipSubject, isLimitFull, LIMITS, mailboxOf, type Check, type RateLimitHit } from './rate-limit.ts';
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

export interface FormDef<S extends $ZodType> {
  kind: RequestKind;
  schema: S;
  /** Form page and confirmation page paths (Japanese; English adds /en). */
  page: string;
  thanks: string;
  /** The page the verification mail links to (a page with a button; default the data request's). */
  verifyPage?: string;
  /**
   * `prepare` writes to D1 (a site-wide cap, a spent edit link): the rate limits are counted before it, in a
   * batch of their own. Otherwise they are counted in the batch that stores the submission.
   */
  limitsBeforePrepare?: true;
  /** Form-specific checks (may throw Refusal) and what to store and send. */
  prepare: (data: output<S>, c: { env: Env; url: URL; cfg: FormsConfig; lang: Lang }) => Promise<Prepared>;
}

/** Refusals only a script can cause (no browser sends a form without its token): always JSON. */
const SCRIPT_ONLY: ReadonlySet<FormErrorReason> = new Set(['formTokenMissing', 'formTokenInvalid']);

/** A Refusal as the client wants it: JSON, or for plain HTML forms the page with errors (and a fresh form token). */
export async function refuse(
  env: Env,
  url: URL,
  r: Refusal,
  lang: Lang,
  html: { form?: string; result?: string; values?: Record<string, unknown>; cfg?: FormsConfig } | undefined,
): Promise<Response> {
  if (r.issues.some((i) => SCRIPT_ONLY.has(i.reason))) return refusalJson(r, lang);
  if (html?.form) {
    const res = await formPageWithErrors(env, url, html.form, r.status, r.issues, html.values ?? {}, lang, html.cfg?.hmacKey);
    for (const [k, v] of Object.entries(r.headers)) res.headers.set(k, v);
    return res;
  }
  if (html?.result) return resultPageWithError(env, url, html.result, r.status, r.issues, lang);
  return refusalJson(r, lang);
}

export function formEndpoint<S extends $ZodType>(def: FormDef<S>): PagesFunction<Env> {
  return async (ctx) => {
    if (ctx.request.method !== 'POST') return methodNotAllowed('POST');
    const { request, env } = ctx;
    const url = new URL(request.url);
    const cfg = configOr503(env, url);
    if (cfg instanceof Response) return cfg;
    const db = withBusyRetry(env.DB);
    let data: Record<string, unknown> | undefined;
    let htmlForm = false;
    let lang: Lang = langOf(undefined, request);
    try {
      checkOrigin(request, [url.origin, cfg.siteOrigin]);
      ({ data, htmlForm } = await parseBody(request));
      lang = langOf(data, request);
      const parsed = safeParse(def.schema, data);
      if (!parsed.success) throw new Refusal(422, formIssues(parsed.error));
      const form = parsed.data as output<S> & { 'cf-turnstile-response'?: string; email?: string };

      const noJs = await botCheck(db, cfg, def.kind, form, htmlForm, request, url);

      // Rate limits, counted only now that the bot check has passed. Submissions without JavaScript have
      // their own counters, so a farm of form tokens cannot lock out someone who uses the JavaScript form.
      const ip = request.headers.get('CF-Connecting-IP');
      const email = typeof form.email === 'string' ? normalizeEmail(form.email) : null;
      const emailHmac = email ? await hmac(cfg.hmacKey, 'email', email) : null;
      const suffix = noJs ? ':nojs' : '';
      // The address first: once its allowance is used up, every further refusal names it, whatever else is full.
      const checks: Check[] = [];
      if (email)
        checks.push({ limit: { name: `${def.kind}:email${suffix}`, ...LIMITS.perEmail }, subject: await hmac(cfg.hmacKey, 'mailbox', mailboxOf(email)) });
      checks.push({
        limit: { name: `${def.kind}:ip${suffix}`, ...(noJs ? LIMITS.perIpNoJs : LIMITS.perIp) },
        subject: await hmac(cfg.hmacKey, 'ip', ipSubject(ip)),
      });
      if (noJs) checks.push({ limit: { name: `${def.kind}:nojs`, ...LIMITS.noJsSiteWide }, subject: 'all' });
      // Counted in the batch that stores the submission (one D1 round trip), unless the form's own checks
      // write to D1 themselves: then first, so that a submission over its limit cannot use those up.
      const now = new Date();
      if (def.limitsBeforePrepare) {
        const hit = await consume(db, checks, now.getTime());
        if (hit) throw rateLimited(hit);
      }
      const prepared = await def.prepare(form, { env, url, cfg, lang });
      const { id, claimed } = await store(db, cfg, def, prepared, {
        lang,
        emailHmac,
        botCheck: noJs ? 'none-no-js' : 'turnstile',
        now,
        checks: def.limitsBeforePrepare ? [] : checks,
      });
      log('info', 'request-received', { requestId: id, kind: def.kind, type: prepared.type ?? undefined, noJs });
      // Answer first, then deliver this request's mail/issue; what fails waits for the outbox drain.
      ctx.waitUntil(
        deliverClaimed(db, cfg, claimed).catch((e: unknown) => log('error', 'delivery-error', { requestId: id, error: e instanceof Error ? e.name : 'error' })),
      );
      const next = `${langPath(lang, def.thanks)}?id=${id}`;
      if (htmlForm) return new Response(null, { status: 303, headers: { Location: next, 'Cache-Control': 'no-store' } });
      return Response.json({ id, status: 'received', next }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
    } catch (e) {
      if (e instanceof Outage) return unavailable(e.retryAfter);
      if (!(e instanceof Refusal)) throw e;
      log('info', 'request-refused', { kind: def.kind, status: e.status, issues: e.message });
      return refuse(env, url, e, lang, htmlForm ? { form: langPath(lang, def.page), values: data, cfg } : undefined);
    }
  };
}

/**
 * Turnstile when the page's script sent a token; otherwise, for plain HTML forms, the signed form token.
 * Returns whether this was the no-JavaScript path. Throws a Refusal, or a Response-worthy outage.
 */
async function botCheck(
  db: D1Database,
  cfg: FormsConfig,
  kind: RequestKind,
  form: Record<string, unknown>,
  htmlForm: boolean,
  request: Request,
  url: URL,
): Promise<boolean> {
  const token = form['cf-turnstile-response'];
  if (typeof token === 'string' && token !== '') {
    const t = await verifyTurnstile(cfg.turnstile, token, request.headers.get('CF-Connecting-IP'), new URL(cfg.siteOrigin, url).hostname);
    if (typeof t === 'object') {
      log('warn', 'turnstile-unavailable', { kind, error: t.unavailable });
      throw new Outage(30);
    }
    if (t === 'wrong-host') log('warn', 'turnstile-wrong-host', { kind });
    if (t !== 'ok') throw new Refusal(403, [{ field: 'cf-turnstile-response', reason: 'turnstileInvalid' }]);
    return false;
  }
  if (cfg.allowNoJs && (htmlForm || form[FORM_TOKEN_FIELD] !== undefined)) {
    await spendFormToken(db, cfg.hmacKey, kind, form[FORM_TOKEN_FIELD]);
    return true;
  }
  throw new Refusal(400, [{ field: 'cf-turnstile-response', reason: 'turnstileMissing' }]);
}

/** 429 naming the mailbox when its allowance is used up, else the form. */
const rateLimited = (hit: RateLimitHit): Refusal =>
  new Refusal(429, [{ field: hit.limit.name.includes(':email') ? 'email' : 'form', reason: 'rateLimited' }], {
    'Retry-After': String(hit.retryAfter),
  });

/** A provider the bot check needs is down: 503, nothing stored. */
class Outage extends Error {
  override name = 'Outage';
  readonly retryAfter: number;
  constructor(retryAfter: number) {
    super('outage');
    this.retryAfter = retryAfter;
  }
}

async function store(
  db: D1Database,
  cfg: FormsConfig,
  def: FormDef<$ZodType>,
  p: Prepared,
  m: { lang: Lang; emailHmac: string | null; botCheck: 'turnstile' | 'none-no-js'; now: Date; checks: readonly Check[] },
): Promise<{ id: string; claimed: ClaimedItem[] }> {
  // A duplicate id (1 in 10^12) is retried once with a fresh one.
  for (let attempt = 0; ; attempt++) {
    const id = newRequestId(def.kind, m.now);
    const receivedAt = m.now.toISOString();
    const v = p.verify ? await issueToken(cfg.hmacKey, id, m.now) : undefined;
    // The link opens a page with a button: fetching it (a mail scanner, a link preview) confirms nothing.
    const verifyUrl = v ? `${cfg.siteOrigin}${langPath(m.lang, def.verifyPage ?? '/data-request/verify/')}?token=${encodeURIComponent(v.token)}` : undefined;
    const dueAt = addDays(receivedAt, DUE_DAYS);
    try {
      const claimed = await recordRequest(
        db,
        cfg.encKey,
        {
          id,
          kind: def.kind,
          type: p.type,
          lang: m.lang,
          emailHmac: m.emailHmac,
          personal: p.personal,
          facilityId: p.facilityId,
          botCheck: m.botCheck,
          receivedAt,
        },
        p.outbox({ id, dueAt, verifyUrl }),
        v && { nonce: v.nonce, expiresAt: v.expiresAt },
        countStatements(db, m.checks, m.now.getTime()),
      );
      return { id, claimed };
    } catch (e) {
      if (isLimitFull(e)) throw rateLimited(await fullLimit(db, m.checks, m.now.getTime()));
      if (attempt === 0 && e instanceof Error && /UNIQUE constraint failed: requests\.id/.test(e.message)) continue;
      throw e;
    }
  }
}
