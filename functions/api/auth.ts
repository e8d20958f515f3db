/** GET /api/auth?provider=github — the CMS login popup starts here (functions/_lib/oauth.ts). */
import { handshakeResponse, logOutcome, oauthConfig, startAuthorization, type OAuthEnv } from '../_lib/oauth.ts';

export const onRequestGet: PagesFunction<Env & OAuthEnv> = ({ request, env }) => {
  const url = new URL(request.url);
  const cfg = oauthConfig(env);
  if (!cfg) {
    logOutcome('not-configured');
    return handshakeResponse({ ok: false, code: 'not-configured' });
  }
  if ((url.searchParams.get('provider') ?? 'github') !== 'github') return handshakeResponse({ ok: false, code: 'bad-provider' });
  const { location, cookie } = startAuthorization(cfg, url);
  return new Response(null, {
    status: 302,
    headers: {
      Location: location,
      'Set-Cookie': cookie,
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'unsafe-none',
      'Referrer-Policy': 'no-referrer',
    },
  });
};
