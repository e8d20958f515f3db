import { describe, expect, it } from 'vitest';
import {
  OAUTH_ERRORS,
  STATE_COOKIE,
  constantTimeEqual,
  exchangeCode,
  finishAuthorization,
  handshakeMessage,
  handshakeResponse,
  oauthConfig,
  readCookie,
  startAuthorization,
  type FetchLike,
  type OAuthConfig,
} from '../../functions/_lib/oauth.ts';

const cfg: OAuthConfig = { clientId: 'cid', clientSecret: 'secret', base: 'https://gh.example', scope: 'public_repo' };
const site = new URL('https://clinics.example/api/auth?provider=github');

/** A fetch that answers the token endpoint with a fixed response and records the request. */
function tokenEndpoint(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetcher, calls };
}

describe('configuration', () => {
  const secret = 'y'.repeat(40);
  it('needs both the client id and the secret, and defaults to the public_repo scope', () => {
    expect(oauthConfig({ GITHUB_CLIENT_ID: 'x' })).toBeUndefined();
    expect(oauthConfig({ GITHUB_CLIENT_ID: 'x', GITHUB_CLIENT_SECRET: secret })).toEqual({
      clientId: 'x',
      clientSecret: secret,
      base: 'https://github.com',
      scope: 'public_repo',
    });
    expect(oauthConfig({ GITHUB_CLIENT_ID: 'x', GITHUB_CLIENT_SECRET: secret, GITHUB_OAUTH_SCOPE: 'repo' })?.scope).toBe('repo');
  });
  it('refuses a client secret shorter than 32 bytes, as not configured', () => {
    expect(oauthConfig({ GITHUB_CLIENT_ID: 'x', GITHUB_CLIENT_SECRET: 'y'.repeat(31) })).toBeUndefined();
    expect(oauthConfig({ GITHUB_CLIENT_ID: 'x', GITHUB_CLIENT_SECRET: 'y'.repeat(32) })).toBeDefined();
  });
});

describe('start of the flow', () => {
  it('sends the browser to GitHub with our callback, the scope and a random state that is also in the cookie', () => {
    const a = startAuthorization(cfg, site);
    const b = startAuthorization(cfg, site);
    const url = new URL(a.location);
    expect(url.origin + url.pathname).toBe('https://gh.example/login/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('cid');
    expect(url.searchParams.get('redirect_uri')).toBe('https://clinics.example/api/callback');
    expect(url.searchParams.get('scope')).toBe('public_repo');
    const state = url.searchParams.get('state')!;
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new URL(b.location).searchParams.get('state')).not.toBe(state);
    expect(a.cookie).toBe(`${STATE_COOKIE}=${state}; Path=/; Max-Age=600; HttpOnly; Secure; SameSite=Lax`);
  });
});

describe('state comparison and cookies', () => {
  it('compares equal strings as equal and anything else as different', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
  });
  it('reads one cookie among several', () => {
    expect(readCookie(`a=1; ${STATE_COOKIE}=s3cr3t; b=2`, STATE_COOKIE)).toBe('s3cr3t');
    expect(readCookie('a=1', STATE_COOKIE)).toBeUndefined();
    expect(readCookie(null, STATE_COOKIE)).toBeUndefined();
  });
});

describe('end of the flow', () => {
  const callback = (q: string) => new URL(`https://clinics.example/api/callback?${q}`);
  const cookie = `${STATE_COOKIE}=good-state`;

  it('exchanges the code with the secret and our callback URL, asking for JSON', async () => {
    const { fetcher, calls } = tokenEndpoint(200, { access_token: 'gho_x', token_type: 'bearer', scope: 'public_repo' });
    expect(await finishAuthorization(cfg, callback('code=c1&state=good-state'), cookie, fetcher)).toEqual({ ok: true, token: 'gho_x' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://gh.example/login/oauth/access_token');
    expect(new Headers(calls[0]!.init.headers).get('accept')).toBe('application/json');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      client_id: 'cid',
      client_secret: 'secret',
      code: 'c1',
      redirect_uri: 'https://clinics.example/api/callback',
    });
  });

  it('refuses a wrong or missing state without calling GitHub', async () => {
    const { fetcher, calls } = tokenEndpoint(200, { access_token: 'gho_x' });
    expect(await finishAuthorization(cfg, callback('code=c1&state=other'), cookie, fetcher)).toEqual({ ok: false, code: 'bad-state' });
    expect(await finishAuthorization(cfg, callback('code=c1'), cookie, fetcher)).toEqual({ ok: false, code: 'bad-state' });
    expect(await finishAuthorization(cfg, callback('code=c1&state=good-state'), null, fetcher)).toEqual({ ok: false, code: 'bad-state' });
    expect(calls).toHaveLength(0);
  });

  it('reports a denial, a missing code, a bad code and an upstream failure as different errors', async () => {
    expect(await finishAuthorization(cfg, callback('error=access_denied&state=good-state'), cookie)).toEqual({ ok: false, code: 'denied' });
    expect(await finishAuthorization(cfg, callback('state=good-state'), cookie)).toEqual({ ok: false, code: 'missing-code' });
    expect(await exchangeCode(cfg, 'c', 'u', tokenEndpoint(200, { error: 'bad_verification_code' }).fetcher)).toEqual({ ok: false, code: 'bad-code' });
    expect(await exchangeCode(cfg, 'c', 'u', tokenEndpoint(503, { message: 'down' }).fetcher)).toEqual({ ok: false, code: 'upstream' });
    const offline: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await exchangeCode(cfg, 'c', 'u', offline)).toEqual({ ok: false, code: 'upstream' });
  });
});

describe('handshake page', () => {
  it('carries the message Decap expects, for success and for errors', () => {
    expect(handshakeMessage({ ok: true, token: 'gho_x' })).toBe('authorization:github:success:{"token":"gho_x","provider":"github"}');
    expect(handshakeMessage({ ok: false, code: 'denied' })).toBe(`authorization:github:error:${JSON.stringify({ message: OAUTH_ERRORS.denied.message })}`);
  });

  it('posts only to its own origin, runs only its own nonce-d script, forgets the state and is never cached', async () => {
    const res = handshakeResponse({ ok: true, token: 'gho_x' });
    const html = await res.text();
    const nonce = /script-src 'nonce-([^']+)'/.exec(res.headers.get('content-security-policy')!)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain('o=window.location.origin');
    expect(html).toMatch(/postMessage\(m,o\)/);
    expect(html).not.toMatch(/postMessage\([^)]*['"]\*['"]/);
    expect(res.headers.get('set-cookie')).toContain(`${STATE_COOKIE}=; Path=/; Max-Age=0`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
  });

  it('answers errors with their status and a Japanese message the editor can act on', async () => {
    const res = handshakeResponse({ ok: false, code: 'upstream' });
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('GitHub との通信に失敗しました');
  });

  it('cannot be broken out of by what goes into the script', async () => {
    const html = await handshakeResponse({ ok: true, token: '</script><script>alert(1)</script>' }).text();
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });
});
