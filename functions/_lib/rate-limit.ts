/**
 * Fixed-window counters in KV, keyed by an HMAC of the IP address or the email (never the value itself).
 * KV is eventually consistent, so a burst may slip a few over the limit; Turnstile and the honeypot are the
 * first line, this is the brake. Limits are per form kind.
 */
export interface Limit {
  /** Counter name, e.g. `contact:ip`. */
  name: string;
  max: number;
  windowSeconds: number;
}

export const LIMITS = {
  perIp: { max: 10, windowSeconds: 600 },
  /** Submissions without JavaScript carry no Turnstile token, so they get a tighter brake. */
  perIpNoJs: { max: 3, windowSeconds: 3600 },
  perEmail: { max: 5, windowSeconds: 3600 },
} as const;

export interface RateLimitHit {
  limit: Limit;
  retryAfter: number;
}

/** Counts one submission against every limit; returns the first limit exceeded, if any. */
export async function consume(kv: KVNamespace, checks: { limit: Limit; subject: string }[], now = Date.now()): Promise<RateLimitHit | undefined> {
  const results = await Promise.all(
    checks.map(async ({ limit, subject }) => {
      const window = Math.floor(now / 1000 / limit.windowSeconds);
      const key = `rl:${limit.name}:${subject}:${window}`;
      const count = Number((await kv.get(key)) ?? '0');
      const retryAfter = (window + 1) * limit.windowSeconds - Math.floor(now / 1000);
      if (count >= limit.max) return { limit, retryAfter: Math.max(1, retryAfter) };
      try {
        await kv.put(key, String(count + 1), { expirationTtl: Math.max(60, limit.windowSeconds * 2) });
      } catch {
        // A KV write limit must not turn a valid submission into an error; the counter is a brake, not a lock.
      }
      return undefined;
    }),
  );
  return results.find((r) => r !== undefined);
}
