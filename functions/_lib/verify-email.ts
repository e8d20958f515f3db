/**
 * GET /api/data-requests/verify?token=…: the requester opens the link from the acknowledgement mail.
 * Browsers get the result page (/data-request/verified/); scripts get JSON. Every refusal is 4xx.
 */
import { configOr503, refuse } from './submit.ts';
import { langOf, log, methodNotAllowed, Refusal, type Lang } from './http.ts';
import { getRequest, setStatus, TransitionError } from './ledger.ts';
import { checkToken, consumeToken } from './verification.ts';

export const verifyEmail: PagesFunction<Env> = async ({ request, env }) => {
  if (request.method !== 'GET') return methodNotAllowed('GET');
  const url = new URL(request.url);
  const cfg = configOr503(env, url);
  if (cfg instanceof Response) return cfg;
  const html = (request.headers.get('Accept') ?? '').includes('text/html');
  let lang: Lang = langOf(undefined, request);
  const now = new Date();
  try {
    const t = await checkToken(cfg.hmacKey, url.searchParams.get('token'), now);
    const row = await getRequest(env.DB, t.requestId);
    if (!row) throw new Refusal(400, [{ field: 'token', reason: 'tokenInvalid' }]);
    lang = row.lang;
    await consumeToken(env.DB, t, now);
    try {
      await setStatus(env.DB, row.id, 'verified', 'requester', { note: 'email verified', at: now.toISOString() });
    } catch (e) {
      // Already moved on (e.g. the operator verified by phone): the link still counts as used.
      if (!(e instanceof TransitionError)) throw e;
    }
    log('info', 'request-verified', { requestId: row.id });
    const next = `${lang === 'en' ? '/en' : ''}/data-request/verified/?id=${row.id}`;
    if (html) return new Response(null, { status: 303, headers: { Location: next, 'Cache-Control': 'no-store' } });
    return Response.json({ id: row.id, status: 'verified', next }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    log('info', 'verify-refused', { status: e.status, issues: e.message });
    return refuse(env, url, e, lang, html ? { result: `${lang === 'en' ? '/en' : ''}/data-request/verified/` } : undefined);
  }
};
