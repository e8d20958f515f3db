/**
 * /api/data-requests/verify and /api/facility-updates/verify: confirming the email address of a data request or
 * of a self-service change (the token names the request, and so its kind).
 *
 * The mail's link opens the kind's confirmation page (/data-request/verify/?token=…, /update/verify/?token=…),
 * a page with a button. Only that button — a same-origin POST carrying the token — marks the request verified,
 * so a mail scanner or link preview that fetches the link confirms nothing. A GET here (links from older mails)
 * only redirects to that page. Browsers get the result page; scripts get JSON. Every refusal is 4xx.
 * A verified self-service change then queues its pull request (self-service.ts), delivered after answering.
 */
import { withBusyRetry } from './d1-retry.ts';
import { configOr503 } from './config.ts';
import { checkOrigin, langOf, langPath, log, methodNotAllowed, parseBody, Refusal, type Lang } from './http.ts';
import { getRequest, setStatus, TransitionError } from './ledger.ts';
import { deliverClaimed } from './outbox.ts';
import { onVerified, VERIFY_PAGES } from './self-service.ts';
import { refuse } from './submit.ts';
import { checkToken, consumeToken } from './verification.ts';

/** The pages of the kind whose verification this endpoint is (the path says which). */
const pagesFor = (url: URL) =>
  url.pathname.startsWith('/api/facility-updates/')
    ? VERIFY_PAGES['facility-update']!
    : url.pathname.startsWith('/api/people-registrations/')
      ? VERIFY_PAGES['person-registration']!
      : url.pathname.startsWith('/api/people-withdrawals/')
        ? VERIFY_PAGES['person-withdrawal']!
        : VERIFY_PAGES['data-request']!;

export const verifyEmail: PagesFunction<Env> = async (ctx) => {
  const { request, env } = ctx;
  const url = new URL(request.url);
  let pages = pagesFor(url);
  if (request.method === 'GET' || request.method === 'HEAD') {
    const page = new URL(langPath(langOf(undefined, request), pages.verify), url);
    const token = url.searchParams.get('token');
    if (token) page.searchParams.set('token', token);
    return new Response(null, { status: 303, headers: { Location: `${page.pathname}${page.search}`, 'Cache-Control': 'no-store' } });
  }
  if (request.method !== 'POST') return methodNotAllowed('POST');
  const cfg = configOr503(env, url);
  if (cfg instanceof Response) return cfg;
  const db = withBusyRetry(env.DB);
  let html = false;
  let lang: Lang = langOf(undefined, request);
  const now = new Date();
  try {
    checkOrigin(request, [url.origin, cfg.siteOrigin]);
    const body = await parseBody(request);
    html = body.htmlForm;
    lang = langOf(body.data, request);
    const token = body.data['token'];
    const t = await checkToken(cfg.hmacKey, typeof token === 'string' ? token : null, now);
    const row = await getRequest(db, t.requestId);
    if (!row) throw new Refusal(400, [{ field: 'token', reason: 'tokenInvalid' }]);
    lang = row.lang;
    pages = VERIFY_PAGES[row.kind] ?? pages;
    await consumeToken(db, t, now);
    // Queued before the status changes: a verified change always has its pull request in the outbox.
    const claimed = await onVerified(db, cfg, row);
    try {
      await setStatus(db, row.id, 'verified', 'requester', { note: 'email verified', at: now.toISOString() });
    } catch (e) {
      // Already moved on (e.g. the operator verified by phone): the link still counts as used.
      if (!(e instanceof TransitionError)) throw e;
    }
    log('info', 'request-verified', { requestId: row.id });
    if (claimed.length > 0)
      ctx.waitUntil(
        deliverClaimed(db, cfg, claimed).catch((e: unknown) =>
          log('error', 'delivery-error', { requestId: row.id, error: e instanceof Error ? e.name : 'error' }),
        ),
      );
    const next = `${langPath(lang, pages.verified)}?id=${row.id}`;
    if (html) return new Response(null, { status: 303, headers: { Location: next, 'Cache-Control': 'no-store' } });
    return Response.json({ id: row.id, status: 'verified', next }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    log('info', 'verify-refused', { status: e.status, issues: e.message });
    return refuse(env, url, e, lang, html ? { result: langPath(lang, pages.verified) } : undefined);
  }
};
