/**
 * GitHub login for Decap CMS (/admin), as a GitHub OAuth App web flow:
 *   /api/auth      → random `state` in an HttpOnly cookie, redirect to GitHub's authorize page;
 *   /api/callback  → check `state` (constant time), exchange the code for a token, and answer with a small
 *                    page that hands the result to the CMS window by `postMessage`, to the site's own origin only.
 * Every failure also reaches the CMS window (`authorization:github:error:…`), so the login popup never hangs.
 * Nothing here logs or puts in a URL the token, the code or the state.
 * GitHub's documentation: https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
 */

export interface OAuthEnv {
  GITHUB_CLIENT_ID?: string;
  GITHUB_CLIENT_SECRET?: string;
  /** GitHub's web origin; tests point it at a local fake. Default https://github.com. */
  GITHUB_OAUTH_BASE?: string;
  /** `public_repo` (public repository, the default) or `repo` (private repository). */
  GITHUB_OAUTH_SCOPE?: string;
}

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  base: string;
  scope: 'public_repo' | 'repo';
}

/** `__Host-`: only this exact origin, Secure, Path=/; a subdomain cannot plant or read it. */
export const STATE_COOKIE = '__Host-decap-oauth-state';
/** Ten minutes to finish signing in on GitHub. */
const STATE_MAX_AGE = 600;
const PROVIDER = 'github';

export type OAuthResult = { ok: true; token: string } | { ok: false; code: OAuthErrorCode };
export type OAuthErrorCode = 'not-configured' | 'bad-provider' | 'bad-state' | 'denied' | 'missing-code' | 'upstream' | 'bad-code';

/** What the editor reads in the CMS when signing in fails, and the HTTP status of the handshake page. */
export const OAUTH_ERRORS: Readonly<Record<OAuthErrorCode, { status: number; message: string }>> = {
  'not-configured': { status: 503, message: 'ログインの設定（GitHub OAuth App）が済んでいません。運営者に連絡してください。' },
  'bad-provider': { status: 400, message: 'GitHub 以外のログインには対応していません。' },
  'bad-state': {
    status: 400,
    message: 'ログインの確認に失敗しました。時間がたちすぎたか、別の画面から開かれた可能性があります。もう一度ログインしてください。',
  },
  denied: { status: 403, message: 'GitHub でのアクセス許可がキャンセルされました。編集するには「Authorize」を押してください。' },
  'missing-code': { status: 400, message: 'GitHub から認可コードが返ってきませんでした。もう一度ログインしてください。' },
  upstream: { status: 502, message: 'GitHub との通信に失敗しました。時間をおいてもう一度お試しください。' },
  'bad-code': { status: 400, message: 'GitHub の認可コードが無効か期限切れです。もう一度ログインしてください。' },
};

/** GitHub's OAuth App secrets are 40 characters; anything under 32 bytes is a mistake, not a secret. */
const MIN_CLIENT_SECRET_BYTES = 32;

export function oauthConfig(env: OAuthEnv): OAuthConfig | undefined {
  if (!env.GITHUB_CLIENT_ID || !env.GITHUB_CLIENT_SECRET) return undefined;
  if (new TextEncoder().encode(env.GITHUB_CLIENT_SECRET).length < MIN_CLIENT_SECRET_BYTES) {
    console.error(JSON.stringify({ level: 'error', event: 'config-invalid', problems: `GITHUB_CLIENT_SECRET: shorter than ${MIN_CLIENT_SECRET_BYTES} bytes` }));
    return undefined;
  }
  return {
    clientId: env.GITHUB_CLIENT_ID,
    clientSecret: env.GITHUB_CLIENT_SECRET,
    base: (env.GITHUB_OAUTH_BASE ?? 'https://github.com').replace(/\/+$/, ''),
    scope: env.GITHUB_OAUTH_SCOPE === 'repo' ? 'repo' : 'public_repo',
  };
}

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** 256 random bits, URL-safe. */
export const randomState = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** Compare two strings without stopping at the first difference (the state is a secret while the flow runs). */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

export const stateCookie = (state: string): string => `${STATE_COOKIE}=${state}; Path=/; Max-Age=${STATE_MAX_AGE}; HttpOnly; Secure; SameSite=Lax`;
export const clearStateCookie = (): string => `${STATE_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`;

export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** Our callback URL: the same origin the CMS runs on (it must match the OAuth App's callback URL). */
export const callbackUrl = (requestUrl: URL): string => `${requestUrl.origin}/api/callback`;

export function authorizeUrl(cfg: OAuthConfig, redirectUri: string, state: string): string {
  const u = new URL('/login/oauth/authorize', cfg.base);
  u.searchParams.set('client_id', cfg.clientId);
  u.searchParams.set('redirect_uri', redirectUri);
  u.searchParams.set('scope', cfg.scope);
  u.searchParams.set('state', state);
  return u.href;
}

/** What the token exchange needs of `fetch` (tests pass a local stand-in). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Exchange the one-time code for a token (POST /login/oauth/access_token, JSON answer). */
export async function exchangeCode(cfg: OAuthConfig, code: string, redirectUri: string, fetcher: FetchLike = fetch): Promise<OAuthResult> {
  let res: Response;
  try {
    res = await fetcher(new URL('/login/oauth/access_token', cfg.base).href, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'User-Agent': 'nakano-clinic-db-cms' },
      body: JSON.stringify({ client_id: cfg.clientId, client_secret: cfg.clientSecret, code, redirect_uri: redirectUri }),
    });
  } catch {
    return { ok: false, code: 'upstream' };
  }
  if (!res.ok) return { ok: false, code: 'upstream' };
  const body = (await res.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown };
  if (typeof body.access_token === 'string' && body.access_token !== '') return { ok: true, token: body.access_token };
  // GitHub answers 200 with `error` for a bad, used or expired code (bad_verification_code) and for a wrong redirect URI.
  return { ok: false, code: body.error === 'bad_verification_code' ? 'bad-code' : 'upstream' };
}

/** The start of the flow: where to send the browser and which cookie to set. */
export function startAuthorization(cfg: OAuthConfig, requestUrl: URL): { location: string; cookie: string } {
  const state = randomState();
  return { location: authorizeUrl(cfg, callbackUrl(requestUrl), state), cookie: stateCookie(state) };
}

/** The end of the flow, from the callback's query and the state cookie. */
export async function finishAuthorization(cfg: OAuthConfig, requestUrl: URL, cookieHeader: string | null, fetcher: FetchLike = fetch): Promise<OAuthResult> {
  const q = requestUrl.searchParams;
  const expected = readCookie(cookieHeader, STATE_COOKIE);
  const state = q.get('state');
  // The state is checked first, even for a denial: an answer we did not ask for is not shown as GitHub's.
  if (!expected || !state || !constantTimeEqual(state, expected)) return { ok: false, code: 'bad-state' };
  if (q.get('error')) return { ok: false, code: q.get('error') === 'access_denied' ? 'denied' : 'upstream' };
  const code = q.get('code');
  if (!code) return { ok: false, code: 'missing-code' };
  return exchangeCode(cfg, code, callbackUrl(requestUrl), fetcher);
}

/** The message Decap's authenticator waits for (decap-cms-lib-auth, netlify-auth.js). */
export const handshakeMessage = (result: OAuthResult): string =>
  result.ok
    ? `authorization:${PROVIDER}:success:${JSON.stringify({ token: result.token, provider: PROVIDER })}`
    : `authorization:${PROVIDER}:error:${JSON.stringify({ message: OAUTH_ERRORS[result.code].message })}`;

/** A string as a JavaScript literal that is safe inside <script> (no `</script>`, no U+2028/2029). */
const scriptLiteral = (s: string): string =>
  JSON.stringify(s)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The popup's last page. It says "authorizing:github" to the window that opened it, waits for that window
 * to answer from the site's own origin, then posts the result to that origin only — never to `*`, so a page
 * of another origin that opened the popup receives nothing. Allowed to run by a per-response nonce.
 */
export function handshakeResponse(result: OAuthResult): Response {
  const nonce = randomState();
  const message = handshakeMessage(result);
  const text = result.ok ? 'ログインしました。この画面は自動で閉じます。' : OAUTH_ERRORS[result.code].message;
  const script = `(function(){var o=window.location.origin,m=${scriptLiteral(message)},p=${scriptLiteral(`authorizing:${PROVIDER}`)};
function r(e){if(e.origin!==o||e.data!==p||e.source!==window.opener)return;window.removeEventListener('message',r);window.opener.postMessage(m,o);}
if(window.opener){window.addEventListener('message',r);window.opener.postMessage(p,o);}else{document.getElementById('s').textContent=${scriptLiteral('編集画面（/admin）からログインしてください。')};}})();`;
  const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>ログイン｜中野区診療所データベース</title></head><body><p id="s">${escapeHtml(text)}</p><script nonce="${nonce}">${script}</script></body></html>`;
  return new Response(html, {
    status: result.ok ? 200 : OAUTH_ERRORS[result.code].status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Set-Cookie': clearStateCookie(),
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      // The popup must keep `window.opener` after coming back from github.com.
      'Cross-Origin-Opener-Policy': 'unsafe-none',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    },
  });
}

/** Log an outcome by name only: never the token, the code or the state. */
export const logOutcome = (event: string): void => console.log(JSON.stringify({ level: 'info', event: `oauth-${event}` }));
