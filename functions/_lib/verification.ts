/**
 * One-time, expiring email verification links for data requests.
 * The token is `<request id>.<expiry, unix seconds>.<nonce>.<HMAC>`: the signature makes it unforgeable,
 * the expiry makes it short-lived, and the nonce's row in D1 makes it single-use.
 */
import { b64url, fromB64, hmac, hmacVerify } from './crypto.ts';
import { Refusal } from './http.ts';
import { REQUEST_ID } from './ledger.ts';

export const VERIFY_TTL_SECONDS = 24 * 3600;
const PURPOSE = 'verify-email';

export async function issueToken(hmacKey: string, requestId: string, now: Date): Promise<{ token: string; nonce: string; expiresAt: string }> {
  const exp = Math.floor(now.getTime() / 1000) + VERIFY_TTL_SECONDS;
  const nonce = b64url(crypto.getRandomValues(new Uint8Array(16)));
  const unsigned = `${requestId}.${exp}.${nonce}`;
  return { token: `${unsigned}.${await hmac(hmacKey, PURPOSE, unsigned)}`, nonce, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Checks signature and expiry (not yet single use: that needs D1, see `consumeToken`). */
export async function checkToken(hmacKey: string, token: string | null, now: Date): Promise<{ requestId: string; nonce: string }> {
  const parts = (token ?? '').split('.');
  const invalid = new Refusal(400, [{ field: 'token', reason: 'tokenInvalid' }]);
  if (!token || token.length > 200 || parts.length !== 4) throw invalid;
  const [requestId = '', exp = '', nonce = '', sig = ''] = parts;
  if (!REQUEST_ID.test(requestId) || !/^\d{1,12}$/.test(exp) || !/^[A-Za-z0-9_-]{22}$/.test(nonce) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) throw invalid;
  // Only the canonical encoding: the last base64url character has spare bits that atob ignores.
  if (b64url(fromB64(sig)) !== sig) throw invalid;
  if (!(await hmacVerify(hmacKey, PURPOSE, `${requestId}.${exp}.${nonce}`, sig))) throw invalid;
  if (Number(exp) * 1000 < now.getTime()) throw new Refusal(410, [{ field: 'token', reason: 'tokenExpired' }]);
  return { requestId, nonce };
}

/** Marks the link used; refuses it if it was used before. */
export async function consumeToken(db: D1Database, t: { requestId: string; nonce: string }, now: Date): Promise<void> {
  const r = await db
    .prepare('UPDATE verification_tokens SET used_at = ? WHERE nonce = ? AND request_id = ? AND used_at IS NULL AND expires_at >= ?')
    .bind(now.toISOString(), t.nonce, t.requestId, now.toISOString())
    .run();
  if (r.meta.changes === 1) return;
  const row = await db
    .prepare('SELECT used_at FROM verification_tokens WHERE nonce = ? AND request_id = ?')
    .bind(t.nonce, t.requestId)
    .first<{ used_at: string | null }>();
  if (row?.used_at) throw new Refusal(409, [{ field: 'token', reason: 'tokenUsed' }]);
  if (row) throw new Refusal(410, [{ field: 'token', reason: 'tokenExpired' }]);
  throw new Refusal(400, [{ field: 'token', reason: 'tokenInvalid' }]);
}
