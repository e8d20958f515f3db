/**
 * Fixed-window rate limits in D1 (docs/decisions/0104-rate-limits-in-d1.md).
 *
 * Each counter is one row, counted by `INSERT … ON CONFLICT DO UPDATE … WHERE count < max RETURNING`:
 * D1 runs a database's statements one at a time, so concurrent submissions cannot all read the old count.
 * A counter never passes its limit; when one counter of a submission is full, the others it had just
 * taken are given back, so a refused submission uses up nobody's allowance.
 *
 * Subjects are HMACs of a normalised value: the email without case or `+tag`, the IPv4 address, or the
 * IPv6 /64 (one household or one cloud machine, which can hold millions of addresses).
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
  /** All no-JavaScript submissions of one form, site-wide: bounds the mail a token farm could cause. */
  noJsSiteWide: { max: 60, windowSeconds: 3600 },
} as const;

export interface RateLimitHit {
  limit: Limit;
  retryAfter: number;
}

export interface Check {
  limit: Limit;
  /** Already an HMAC (or a constant for site-wide limits): never a raw address. */
  subject: string;
}

/** Counts one submission against every check; returns the first limit that was full, if any. */
export async function consume(db: D1Database, checks: readonly Check[], now = Date.now()): Promise<RateLimitHit | undefined> {
  const nowS = Math.floor(now / 1000);
  const rows = checks.map(({ limit, subject }) => {
    const window = Math.floor(nowS / limit.windowSeconds);
    const end = (window + 1) * limit.windowSeconds;
    return { limit, key: `${limit.name}:${subject}:${window}`, end };
  });
  const results = await db.batch<{ count: number }>(
    rows.map((r) =>
      db
        .prepare(
          `INSERT INTO rate_limits (key, count, expires_at) VALUES (?1, 1, ?2)
           ON CONFLICT (key) DO UPDATE SET count = count + 1 WHERE count < ?3
           RETURNING count`,
        )
        .bind(r.key, r.end, r.limit.max),
    ),
  );
  const full = rows.findIndex((_, i) => (results[i]?.results.length ?? 0) === 0);
  if (full === -1) return undefined;
  const taken = rows.filter((_, i) => (results[i]?.results.length ?? 0) > 0);
  if (taken.length > 0) await db.batch(taken.map((r) => db.prepare('UPDATE rate_limits SET count = count - 1 WHERE key = ? AND count > 0').bind(r.key)));
  const hit = rows[full]!;
  return { limit: hit.limit, retryAfter: Math.max(1, hit.end - nowS) };
}

/** Deletes counters whose window is over (run by the outbox drain). */
export async function purgeExpiredLimits(db: D1Database, now = Date.now()): Promise<number> {
  const r = await db
    .prepare('DELETE FROM rate_limits WHERE expires_at < ?')
    .bind(Math.floor(now / 1000))
    .run();
  return r.meta.changes;
}

/**
 * The part of an email address that identifies a mailbox: lower case, and no `+tag`
 * (`Victim+1@Example.jp` and `victim+2@example.jp` both reach victim@example.jp).
 */
export function mailboxOf(email: string): string {
  const e = email.trim().toLowerCase();
  const at = e.lastIndexOf('@');
  if (at < 1) return e;
  const local = e.slice(0, at).split('+')[0] || e.slice(0, at);
  return `${local}@${e.slice(at + 1)}`;
}

/** Expands an IPv6 address to 8 groups, or returns undefined when it is not one. */
function ipv6Groups(ip: string): number[] | undefined {
  let s = ip
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  if (!s.includes(':')) return undefined;
  // An embedded IPv4 tail (::ffff:192.0.2.1) becomes two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const b = v4.slice(1).map(Number);
    if (b.some((x) => x > 255)) return undefined;
    s = `${s.slice(0, v4.index)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const gs = part.split(':');
    if (!gs.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
    return gs.map((g) => parseInt(g, 16));
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const fill = 8 - head.length - tail.length;
  if (fill < 1) return undefined;
  return [...head, ...Array<number>(fill).fill(0), ...tail];
}

/**
 * The rate-limit subject of an address: IPv4 as it is; IPv6 by its /64 prefix; an IPv4-mapped IPv6
 * address as its IPv4 address. Anything unreadable counts as one shared `unknown` subject.
 */
export function ipSubject(ip: string | null): string {
  if (!ip) return 'unknown';
  const g = ipv6Groups(ip);
  if (g) {
    if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
    return `${g
      .slice(0, 4)
      .map((x) => x.toString(16))
      .join(':')}::/64`;
  }
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(ip.trim()) ? ip.trim() : 'unknown';
}
