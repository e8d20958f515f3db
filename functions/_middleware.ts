/**
 * Runs before every request (static files and /api alike): a request id, security headers, and
 * no stack trace or personal data ever leaves in an error.
 */
import { adminSecurityHeaders, searchSecurityHeaders, withSecurityHeaders } from './_lib/security-headers.ts';

export const onRequest: PagesFunction<Env> = async (ctx) => {
  const requestId = crypto.randomUUID();
  let res: Response;
  try {
    res = await ctx.next();
  } catch (e) {
    // Log the error class and request id only: messages can carry user input.
    console.error(JSON.stringify({ level: 'error', requestId, error: e instanceof Error ? e.name : 'unknown' }));
    res = Response.json({ error: 'internal', message: 'サーバーで問題が発生しました。時間をおいてもう一度お試しください。', requestId }, { status: 500 });
  }
  const url = new URL(ctx.request.url);
  const out = withSecurityHeaders(res, { ...adminSecurityHeaders(url), ...searchSecurityHeaders(url) });
  out.headers.set('X-Request-Id', requestId);
  // Pages serves static files with `Access-Control-Allow-Origin: *`. Pages are not for other sites' scripts
  // to read (form pages carry a form token); only data files keep it.
  if ((out.headers.get('Content-Type') ?? '').startsWith('text/html')) out.headers.delete('Access-Control-Allow-Origin');
  return out;
};
