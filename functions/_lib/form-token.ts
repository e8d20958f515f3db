/**
 * The no-JavaScript path's bot check (docs/decisions/0101-forms-without-javascript.md).
 *
 * Without JavaScript there is no Turnstile token, so the form middleware embeds a signed, time-bound
 * token in every form page it serves: `<issued, unix seconds>.<nonce>.<HMAC of kind, issued and nonce>`.
 * A submission must bring one for the same form, at least MIN_FILL_SECONDS after the page was served (a
 * person reads and types; a script posting straight away does not) and within MAX_AGE_SECONDS; the
 * nonce's row in D1 makes it single-use.
 */
import type { RequestKind } from '../../src/lib/schema/forms.ts';
import { b64url, fromB64, hmac, hmacVerify } from './crypto.ts';
import { Refusal } from './http.ts';

export const FORM_TOKEN_FIELD = 'form-token';
export const MIN_FILL_SECONDS = 3;
export const MAX_AGE_SECONDS = 6 * 3600;
const PURPOSE = 'form-token';

export async function issueFormToken(hmacKey: string, kind: RequestKind, now = Date.now()): Promise<string> {
  const issued = Math.floor(now / 1000);
  const nonce = b64url(crypto.getRandomValues(new Uint8Array(16)));
  return `${issued}.${nonce}.${await hmac(hmacKey, PURPOSE, `${kind}.${issued}.${nonce}`)}`;
}

/**
 * Checks a token's form, signature and age, and spends it. Refusals: `formTokenMissing` /
 * `formTokenInvalid` (only a script sends these), `formTokenTooFast`, `formTokenExpired`, `formTokenUsed`
 * (a person can meet these: the form page comes back with a fresh token).
 */
export async function spendFormToken(db: D1Database, hmacKey: string, kind: RequestKind, token: unknown, now = Date.now()): Promise<void> {
  const field = FORM_TOKEN_FIELD;
  if (typeof token !== 'string' || token === '') throw new Refusal(400, [{ field, reason: 'formTokenMissing' }]);
  const invalid = new Refusal(400, [{ field, reason: 'formTokenInvalid' }]);
  const [issued = '', nonce = '', sig = '', ...rest] = token.split('.');
  if (rest.length > 0 || !/^\d{1,12}$/.test(issued) || !/^[A-Za-z0-9_-]{22}$/.test(nonce) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) throw invalid;
  // Only the canonical encoding: the last base64url character has spare bits that atob ignores.
  if (b64url(fromB64(sig)) !== sig || !(await hmacVerify(hmacKey, PURPOSE, `${kind}.${issued}.${nonce}`, sig))) throw invalid;
  const age = Math.floor(now / 1000) - Number(issued);
  if (age < MIN_FILL_SECONDS) throw new Refusal(400, [{ field, reason: 'formTokenTooFast' }]);
  if (age > MAX_AGE_SECONDS) throw new Refusal(400, [{ field, reason: 'formTokenExpired' }]);
  const spent = await db
    .prepare('INSERT INTO form_tokens_used (nonce, expires_at) VALUES (?, ?) ON CONFLICT (nonce) DO NOTHING RETURNING nonce')
    .bind(nonce, Number(issued) + MAX_AGE_SECONDS)
    .first();
  if (!spent) throw new Refusal(409, [{ field, reason: 'formTokenUsed' }]);
}

/** Deletes spent tokens that would have expired anyway (run by the outbox drain). */
export async function purgeSpentFormTokens(db: D1Database, now = Date.now()): Promise<number> {
  return (
    await db
      .prepare('DELETE FROM form_tokens_used WHERE expires_at < ?')
      .bind(Math.floor(now / 1000))
      .run()
  ).meta.changes;
}
