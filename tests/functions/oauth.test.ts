/**
 * The CMS login (/api/auth, /api/callback) in workerd (`wrangler pages dev`), against the local fake of
 * GitHub's OAuth endpoints (scripts/lib/fakes/github-oauth.fake.ts), and in Chromium for what only a browser can
 * show: the token reaches a window of the site's own origin and never one of another origin.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { STATE_COOKIE } from '../../functions/_lib/oauth.ts';
import type { OAuthFakeLog } from '../../scripts/lib/fakes/github-oauth.fake.ts';

const baseUrl = inject('baseUrl');
// No silent skip: without the global setup's server there is nothing to test, and that is a failure.
if (!baseUrl)
  throw new Error(
    'no wrangler pages dev to test against: run `npm run build` first (or set DIST_DIR to a built site): tests/setup/global.ts starts the server only when dist/index.html exists',
  );
const fake = inject('fakes')['github-oauth']!;
const fakeLog = async (): Promise<OAuthFakeLog> => (await fetch(`${fake}/__log`)).json() as Promise<OAuthFakeLog>;

/** Start the flow: the redirect to (fake) GitHub and the state cookie. */
async function begin() {
  const res = await fetch(`${baseUrl}/api/auth?provider=github&site_id=test&scope=repo`, { redirect: 'manual' });
  const location = new URL(res.headers.get('location')!);
  const setCookie = res.headers.get('set-cookie')!;
  const state = location.searchParams.get('state')!;
  return { res, location, setCookie, state, cookie: `${STATE_COOKIE}=${state}` };
}

/** Follow the fake's authorize page back to our callback URL (what GitHub does after the user approves or denies). */
async function authorize(location: URL): Promise<URL> {
  const res = await fetch(location, { redirect: 'manual' });
  expect(res.status, await res.clone().text()).toBe(302);
  return new URL(res.headers.get('location')!);
}

const callback = (url: URL | string, cookie?: string) => fetch(url, { headers: cookie ? { cookie } : {} });
const posted = (html: string) => /m=("authorization:github:(?:success|error):.*?"),p=/.exec(html)?.[1];

describe('GitHub login for the CMS', () => {
  it('redirects to GitHub with our client id, callback, configured scope and a state kept in a strict cookie', async () => {
    const { res, location, setCookie, state } = await begin();
    expect(res.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(`${fake}/login/oauth/authorize`);
    expect(location.searchParams.get('redirect_uri')).toBe(`${baseUrl}/api/callback`);
    // The scope is ours (public_repo by default), not what the query asked for.
    expect(location.searchParams.get('scope')).toBe('public_repo');
    expect(setCookie).toContain(`${STATE_COOKIE}=${state}`);
    for (const attr of ['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/']) expect(setCookie).toContain(attr);
  });

  it('exchanges the code for a token and hands it to the CMS on the site origin only', async () => {
    const { location, cookie } = await begin();
    const back = await authorize(location);
    const res = await callback(back, cookie);
    const html = await res.text();
    expect(res.status).toBe(200);
    const { tokens, requests } = await fakeLog();
    const token = tokens.at(-1)!;
    expect(JSON.parse(JSON.parse(posted(html)!).replace('authorization:github:success:', ''))).toEqual({ token, provider: 'github' });
    const exchange = requests.filter((r) => r.path === '/login/oauth/access_token').at(-1)!;
    expect(exchange.accept).toContain('application/json');
    expect(exchange.body['redirect_uri']).toBe(`${baseUrl}/api/callback`);
    expect(res.headers.get('set-cookie')).toContain(`${STATE_COOKIE}=; Path=/; Max-Age=0`);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a wrong or missing state, without asking GitHub for a token, and tells the CMS', async () => {
    const { location, cookie } = await begin();
    const back = await authorize(location);
    const before = (await fakeLog()).requests.length;
    const forged = new URL(back);
    forged.searchParams.set('state', 'x'.repeat(43));
    for (const res of [await callback(forged, cookie), await callback(back)]) {
      expect(res.status).toBe(400);
      expect(posted(await res.text())).toContain('authorization:github:error:');
    }
    expect((await fakeLog()).requests.length).toBe(before);
  });

  it('tells the CMS when the editor denies access on GitHub', async () => {
    await fetch(`${fake}/__deny-next`);
    const { location, cookie } = await begin();
    const back = await authorize(location);
    expect(back.searchParams.get('error')).toBe('access_denied');
    const res = await callback(back, cookie);
    expect(res.status).toBe(403);
    expect(JSON.parse(posted(await res.text())!)).toContain('アクセス許可がキャンセルされました');
  });

  it('tells the CMS when GitHub fails, and when the code is not valid', async () => {
    const { state, cookie } = await begin();
    const res = await callback(`${baseUrl}/api/callback?code=upstream-error&state=${state}`, cookie);
    expect(res.status).toBe(502);
    expect(JSON.parse(posted(await res.text())!)).toContain('GitHub との通信に失敗しました');
    const again = await begin();
    const bad = await callback(`${baseUrl}/api/callback?code=not-issued&state=${again.state}`, again.cookie);
    expect(bad.status).toBe(400);
    expect(JSON.parse(posted(await bad.text())!)).toContain('認可コードが無効か期限切れです');
  });

  it('never writes a token, a code or a state to the logs', async () => {
    const { location, cookie, state } = await begin();
    const back = await authorize(location);
    await (await callback(back, cookie)).text();
    await new Promise((r) => setTimeout(r, 300));
    const logs = readFileSync(path.join(inject('stateDir'), 'worker.log'), 'utf8');
    expect(logs).toContain('oauth-success');
    for (const secret of [...(await fakeLog()).tokens, back.searchParams.get('code')!, state]) expect(logs).not.toContain(secret);
  });

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** Open the login popup from `openerUrl` and answer the handshake the way Decap does; resolve with what arrived. */
    async function loginFrom(openerUrl: string, waitMs: number) {
      const page = await browser.newPage();
      await page.goto(openerUrl);
      const messages = await page.evaluate(
        ({ auth, waitMs }) =>
          new Promise<{ data: string; origin: string }[]>((resolve) => {
            const got: { data: string; origin: string }[] = [];
            const popup = window.open(auth, 'auth', 'width=600,height=600')!;
            window.addEventListener('message', (e) => {
              if (typeof e.data !== 'string') return;
              got.push({ data: e.data, origin: e.origin });
              if (e.data === 'authorizing:github') popup.postMessage(e.data, e.origin);
              if (e.data.startsWith('authorization:github:')) resolve(got);
            });
            setTimeout(() => resolve(got), waitMs);
          }),
        { auth: `${baseUrl}/api/auth?provider=github&site_id=test`, waitMs },
      );
      await page.close();
      return messages;
    }

    it('delivers the token to a CMS window of the site origin', async () => {
      // /admin/ allows its popups to keep their opener (COOP same-origin-allow-popups).
      const messages = await loginFrom(`${baseUrl}/admin/config.yml`, 15_000);
      const last = messages.at(-1)!;
      expect(last.origin).toBe(baseUrl);
      expect(last.data).toBe(`authorization:github:success:${JSON.stringify({ token: (await fakeLog()).tokens.at(-1), provider: 'github' })}`);
    });

    it('never posts anything to a window of another origin, even when that window opened the popup', async () => {
      const issuedBefore = (await fakeLog()).tokens.length;
      const messages = await loginFrom(`${fake}/__log`, 6_000);
      // GitHub (the fake) did issue a token to our callback: the page just never sent it anywhere else.
      expect((await fakeLog()).tokens.length).toBe(issuedBefore + 1);
      expect(messages).toEqual([]);
    });
  });
});
