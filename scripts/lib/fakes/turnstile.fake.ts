/**
 * Fake Cloudflare Turnstile siteverify (POST /turnstile/v0/siteverify), form-encoded or JSON, with
 * `secret` and `response` required and `remoteip` optional, answering like Cloudflare does: HTTP 200 with
 * { success, error-codes, challenge_ts, hostname }.
 *
 * The secret is Cloudflare's documented always-pass test secret. Tokens: the test widget's dummy token
 * `XXXX.DUMMY.TOKEN.XXXX` always passes; `pass-<anything>` passes once (a second use is
 * `timeout-or-duplicate`, as real tokens are single-use); `otherhost-<anything>` passes but reports the
 * `hostname` of another site (a token solved elsewhere); `unavailable-<anything>` makes the fake answer
 * 503 (siteverify down); everything else is `invalid-input-response`.
 */
import { json, listen, type Fake } from './fake-server.ts';
import { TURNSTILE_DUMMY_TOKEN, TURNSTILE_TEST_SECRET } from '../../../src/lib/schema/forms.ts';

export async function start(): Promise<Fake> {
  const used = new Set<string>();
  let calls = 0;
  const server = await listen((req, res) => {
    const url = new URL(req.path, 'http://fake');
    if (url.pathname === '/_control/calls') return json(res, 200, { calls });
    if (url.pathname !== '/turnstile/v0/siteverify' || req.method !== 'POST') return json(res, 404, { success: false, 'error-codes': ['bad-request'] });
    calls++;
    const type = String(req.headers['content-type'] ?? '');
    let p: Record<string, unknown>;
    if (type.startsWith('application/json')) {
      try {
        p = JSON.parse(req.body) as Record<string, unknown>;
      } catch {
        return json(res, 200, { success: false, 'error-codes': ['bad-request'] });
      }
    } else if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data') === false) {
      p = Object.fromEntries(new URLSearchParams(req.body));
    } else {
      return json(res, 200, { success: false, 'error-codes': ['bad-request'] });
    }
    const fail = (code: string) => json(res, 200, { success: false, 'error-codes': [code], messages: [] });
    if (typeof p['secret'] !== 'string' || p['secret'] === '') return fail('missing-input-secret');
    if (p['secret'] !== TURNSTILE_TEST_SECRET) return fail('invalid-input-secret');
    const token = p['response'];
    if (typeof token !== 'string' || token === '') return fail('missing-input-response');
    if (token.length > 2048) return fail('invalid-input-response');
    if (p['remoteip'] !== undefined && typeof p['remoteip'] !== 'string') return fail('bad-request');
    if (token.startsWith('unavailable-')) return json(res, 503, { success: false, 'error-codes': ['internal-error'] });
    const ok = { success: true, challenge_ts: new Date().toISOString(), hostname: 'localhost', 'error-codes': [], action: '', cdata: '' };
    if (token === TURNSTILE_DUMMY_TOKEN) return json(res, 200, ok);
    if (token.startsWith('otherhost-')) return json(res, 200, { ...ok, hostname: 'evil.example' });
    if (token.startsWith('pass-')) {
      if (used.has(token)) return fail('timeout-or-duplicate');
      used.add(token);
      return json(res, 200, ok);
    }
    return fail('invalid-input-response');
  });
  return {
    name: 'turnstile',
    url: server.url,
    bindings: { TURNSTILE_VERIFY_URL: `${server.url}/turnstile/v0/siteverify`, TURNSTILE_SECRET_KEY: TURNSTILE_TEST_SECRET },
    stop: server.close,
  };
}
