/** GET /api/search — the search page's first results, from the site's own Pagefind index (functions/_lib/search.ts). */
import { langOf, methodNotAllowed, Refusal, refusalJson } from '../_lib/http.ts';
import { parseSearchRequest, search } from '../_lib/search.ts';

export const onRequest: PagesFunction<Env> = async ({ request, env }) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed('GET, HEAD');
  try {
    const answer = await search(env, parseSearchRequest(new URL(request.url)));
    // The answer changes only with a deployment; what was searched is never logged.
    return Response.json(answer, { headers: { 'Cache-Control': 'private, max-age=300' } });
  } catch (e) {
    if (e instanceof Refusal) return refusalJson(e, langOf(undefined, request));
    throw e;
  }
};
