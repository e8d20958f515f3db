/**
 * Encryption at rest (AES-256-GCM), keyed lookups (HMAC-SHA-256) and signatures, on Web Crypto so the same
 * code runs in workerd (functions) and Node (operator scripts).
 */
const enc = new TextEncoder();
const dec = new TextDecoder();

export const b64url = (bytes: Uint8Array): string => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};
export const fromB64 = (s: string): Uint8Array => {
  const bin = atob(s.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
};

const aesKeys = new Map<string, Promise<CryptoKey>>();
const hmacKeys = new Map<string, Promise<CryptoKey>>();

function aesKey(b64: string): Promise<CryptoKey> {
  let k = aesKeys.get(b64);
  if (!k) {
    const raw = fromB64(b64);
    if (raw.length !== 32) throw new Error('DATA_ENC_KEY must be base64 of 32 bytes');
    k = crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
    aesKeys.set(b64, k);
  }
  return k;
}

function hmacKey(secret: string): Promise<CryptoKey> {
  let k = hmacKeys.get(secret);
  if (!k) {
    k = crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    hmacKeys.set(secret, k);
  }
  return k;
}

/** `v1.<iv>.<ciphertext>`; `aad` binds the ciphertext to its row (e.g. the request id). */
export async function encryptJson(keyB64: string, value: unknown, aad: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(aad) }, await aesKey(keyB64), enc.encode(JSON.stringify(value)));
  return `v1.${b64url(iv)}.${b64url(new Uint8Array(ct))}`;
}

export async function decryptJson<T = unknown>(keyB64: string, sealed: string, aad: string): Promise<T> {
  const [v, iv, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !ct) throw new Error('unknown ciphertext format');
  const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromB64(iv), additionalData: enc.encode(aad) }, await aesKey(keyB64), fromB64(ct));
  return JSON.parse(dec.decode(pt)) as T;
}

/** HMAC-SHA-256, base64url, with a purpose label so one key never produces the same value for two uses. */
export async function hmac(secret: string, purpose: string, value: string): Promise<string> {
  const sig = await crypto.subtle.sign('HMAC', await hmacKey(secret), enc.encode(`${purpose}\u0000${value}`));
  return b64url(new Uint8Array(sig));
}

/** Constant-time check of an HMAC. */
export async function hmacVerify(secret: string, purpose: string, value: string, mac: string): Promise<boolean> {
  let sig: Uint8Array;
  try {
    sig = fromB64(mac);
  } catch {
    return false;
  }
  return crypto.subtle.verify('HMAC', await hmacKey(secret), sig, enc.encode(`${purpose}\u0000${value}`));
}

/** Random Crockford base32 (no I, L, O, U: easy to read aloud on the phone). */
export function randomCode(length: number): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let s = '';
  for (const b of bytes) s += alphabet[b & 31];
  return s;
}
