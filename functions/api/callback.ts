/** GET /api/callback — GitHub sends the login popup back here (functions/_lib/oauth.ts). */
import { finishAuthorization, handshakeResponse, logOutcome, oauthConfig, type OAuthEnv } from '../_lib/oauth.ts';

export const onRequestGet: PagesFunction<Env & OAuthEnv> = async ({ request, env }) => {
  const cfg = oauthConfig(env);
  const result = cfg ? await finishAuthorization(cfg, new URL(request.url), request.headers.get('Cookie')) : ({ ok: false, code: 'not-configured' } as const);
  logOutcome(result.ok ? 'success' : result.code);
  return handshakeResponse(result);
};
