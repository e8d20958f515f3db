/**
 * Cloudflare Turnstile siteverify (https://developers.cloudflare.com/turnstile/get-started/server-side-validation/).
 * Local runs with the documented always-pass test secret and no TURNSTILE_VERIFY_URL skip the network and
 * accept exactly the test widget's dummy token, as the real siteverify would.
 *
 * A token counts only when siteverify says it was solved on this site's host: a token solved on another
 * site that uses the same widget (or a lookalike page) is refused.
 */
import { TURNSTILE_DUMMY_TOKEN, type FormsConfig } from './config.ts';

export type TurnstileResult = 'ok' | 'invalid' | 'wrong-host' | { unavailable: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The hostname siteverify reports must be the site's own; on a local run every loopback name is one host. */
export const sameHost = (reported: unknown, siteHost: string): boolean =>
  typeof reported === 'string' && (reported.toLowerCase() === siteHost.toLowerCase() || (LOOPBACK.has(reported) && LOOPBACK.has(siteHost)));

export async function verifyTurnstile(cfg: FormsConfig['turnstile'], token: string, remoteip: string | null, siteHost: string): Promise<TurnstileResult> {
  if (cfg.offline) return token === TURNSTILE_DUMMY_TOKEN ? 'ok' : 'invalid';
  const form = new URLSearchParams({ secret: cfg.secret, response: token });
  if (remoteip) form.set('remoteip', remoteip);
  // One retry when the connection itself failed (the token was not spent); none after a timeout or an answer.
  for (let attempt = 1; ; attempt++) {
    try {
      // Generous: a slow siteverify should still let a resident's submission through rather than a 503.
      const res = await fetch(cfg.verifyUrl, { method: 'POST', body: form, signal: AbortSignal.timeout(25_000) });
      if (!res.ok) return { unavailable: `http-${res.status}` };
      const body = (await res.json()) as { success?: unknown; hostname?: unknown };
      if (body.success !== true) return 'invalid';
      return sameHost(body.hostname, siteHost) ? 'ok' : 'wrong-host';
    } catch (e) {
      const name = e instanceof Error ? e.name : 'error';
      if (attempt >= 2 || name === 'TimeoutError') return { unavailable: name };
    }
  }
}
