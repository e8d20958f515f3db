/**
 * A local stand-in for GitHub's OAuth App web flow, checking every request the way GitHub documents it
 * (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps):
 *   GET  /login/oauth/authorize     client_id, redirect_uri, scope, state → 302 to redirect_uri?code&state
 *                                   (the user approves; `GET /__deny-next` makes the next one a denial)
 *   POST /login/oauth/access_token  client_id, client_secret, code, redirect_uri, `Accept: application/json`
 *                                   → {access_token, token_type, scope} or {error, error_description}
 * The code `upstream-error` makes the token endpoint fail with 503. `GET /__log` returns what it received and
 * the tokens it issued, for tests to assert on.
 */
import { randomBytes } from 'node:crypto';
import { json, listen, type Fake, type RecordedRequest } from './fake-server.ts';

export const FAKE_CLIENT_ID = 'Ov23liFakeClient0001';
export const FAKE_CLIENT_SECRET = 'fake-client-secret-0123456789abcdef01234567';

export interface OAuthFakeLog {
  requests: { method: string; path: string; accept: string | undefined; body: Record<string, string> }[];
  tokens: string[];
}

const SCOPES = new Set(['public_repo', 'repo']);

export async function start(): Promise<Fake> {
  const codes = new Map<string, { redirectUri: string; scope: string }>();
  const log: OAuthFakeLog = { requests: [], tokens: [] };
  let denyNext = false;
  const parseBody = (req: RecordedRequest): Record<string, string> => {
    const type = String(req.headers['content-type'] ?? '');
    if (type.includes('application/json')) return JSON.parse(req.body || '{}') as Record<string, string>;
    return Object.fromEntries(new URLSearchParams(req.body));
  };
  const server = await listen((req, res) => {
    const url = new URL(req.path, 'http://fake.invalid');
    if (url.pathname === '/__log') return json(res, 200, log);
    if (url.pathname === '/__deny-next') {
      denyNext = true;
      return json(res, 200, { ok: true });
    }
    const body = req.method === 'POST' ? parseBody(req) : {};
    log.requests.push({ method: req.method, path: url.pathname, accept: req.headers['accept'] as string | undefined, body });

    if (req.method === 'GET' && url.pathname === '/login/oauth/authorize') {
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      const state = q.get('state') ?? '';
      const scope = q.get('scope') ?? '';
      const problems = [
        q.get('client_id') !== FAKE_CLIENT_ID && 'unknown client_id',
        !/^https?:\/\/[^/]+\/api\/callback$/.test(redirectUri) && 'redirect_uri must be the app callback',
        !scope.split(/[ ,]/).every((s) => SCOPES.has(s)) && 'unexpected scope',
        state.length < 32 && 'state must be an unguessable random string',
      ].filter(Boolean);
      if (problems.length > 0) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(problems.join('\n'));
        return;
      }
      const back = new URL(redirectUri);
      if (denyNext) {
        denyNext = false;
        back.searchParams.set('error', 'access_denied');
        back.searchParams.set('error_description', 'The user has denied your application access.');
      } else {
        const code = randomBytes(10).toString('hex');
        codes.set(code, { redirectUri, scope });
        back.searchParams.set('code', code);
      }
      back.searchParams.set('state', state);
      res.writeHead(302, { location: back.href });
      res.end();
      return;
    }

    if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') {
      if (!String(req.headers['accept'] ?? '').includes('application/json')) {
        // GitHub would answer form-encoded; our client must ask for JSON.
        res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' });
        res.end('error=accept_header_missing');
        return;
      }
      if (body['client_id'] !== FAKE_CLIENT_ID || body['client_secret'] !== FAKE_CLIENT_SECRET) {
        return json(res, 200, { error: 'incorrect_client_credentials', error_description: 'The client_id and/or client_secret passed are incorrect.' });
      }
      if (body['code'] === 'upstream-error') return json(res, 503, { message: 'Service Unavailable' });
      const issued = codes.get(body['code'] ?? '');
      if (!issued) return json(res, 200, { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });
      codes.delete(body['code']!);
      if (body['redirect_uri'] !== issued.redirectUri) {
        return json(res, 200, {
          error: 'redirect_uri_mismatch',
          error_description: 'The redirect_uri MUST match the registered callback URL for this application.',
        });
      }
      const token = `gho_${randomBytes(18).toString('hex')}`;
      log.tokens.push(token);
      return json(res, 200, { access_token: token, token_type: 'bearer', scope: issued.scope });
    }
    return json(res, 404, { message: 'Not Found' });
  });
  return {
    name: 'github-oauth',
    url: server.url,
    bindings: { GITHUB_OAUTH_BASE: server.url, GITHUB_CLIENT_ID: FAKE_CLIENT_ID, GITHUB_CLIENT_SECRET: FAKE_CLIENT_SECRET },
    stop: server.close,
  };
}
