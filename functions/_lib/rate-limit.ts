/**
 * Fixed-window rate limits in D1 (docs/decisions/0104-rate-limits-in-d1.md).
 *
 * Each counter is one row, counted by `INSERT … ON CONFLICT DO UPDATE SET count = count + 1`; the row holds its
 * limit, and the trigger `rate_limits_full` (migrations/0105) fails the statement that would pass it. D1 runs a
 * database's statements one at a time, so concurrent submissions cannot all read the old count, and a batch is
 * one transaction: when one counter of a submission is full, the whole batch is rolled back, the counters it
 * had just taken included, so a refused submission uses up nobody's allowance. The counting statements go in
 * the same batch as the submission's ledger rows (`countStatements`), or on their own (`consume`).
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

interface Counter {
  limit: Limit;
  key: string;
  /** Unix seconds: when the window ends. */
  end: number;
}

function counters(checks: readonly Check[], now: number): Counter[] {
  const nowS = Math.floor(now / 1000);
  return checks.map(({ limit, subject }) => {
    const window = Math.floor(nowS / limit.windowSeconds);
    return { limit, key: `${limit.name}:${subject}:${window}`, end: (window + 1) * limit.windowSeconds };
  });
}

/**
 * The statements that count one submission against every check, to run first in the batch that stores it:
 * when a counter is full, the batch fails with an error `isLimitFull` recognises, and nothing of it is written.
 */
export function countStatements(db: D1Database, checks: readonly Check[], now = Date.now()): D1PreparedStatement[] {
  return counters(checks, now).map((c) =>
    db
      .prepare(
        `INSERT INTO rate_limits (key, count, max, expires_at) VALUES (?1, 1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET count = count + 1, max = excluded.max`,
      )
      .bind(c.key, c.limit.max, c.end),
  );
}

/** Whether a batch failed because one of its counters was full (the trigger's message). */
export const isLimitFull = (e: unknown): boolean => e instanceof Error && e.message.includes('rate-limit-full');

/**
 * After a batch failed on a full counter: the first check, in the given order, whose counter is full, and the
 * seconds until its window ends. (Should the window have been purged since, the first check stands for it.)
 */
export async function fullLimit(db: D1Database, checks: readonly Check[], now = Date.now()): Promise<RateLimitHit> {
  const rows = counters(checks, now);
  const { results } = await db
    .prepare(`SELECT key FROM rate_limits WHERE key IN (${rows.map(() => '?').join(', ')}) AND count >= max`)
    .bind(...rows.map((r) => r.key))
    .all<{ key: string }>();
  const full = new Set(results.map((r) => r.key));
  const hit = rows.find((r) => full.has(r.key)) ?? rows[0]!;
  return { limit: hit.limit, retryAfter: Math.max(1, hit.end - Math.floor(now / 1000)) };
}

/** Counts one submission against every check, in a batch of its own; returns the first limit that was full, if any. */
export async function consume(db: D1Database, checks: readonly Check[], now = Date.now()): Promise<RateLimitHit | undefined> {
  try {
    await db.batch(countStatements(db, checks, now));
    return undefined;
  } catch (e) {
    if (!isLimitFull(e)) throw e;
    return fullLimit(db, checks, now);
  }
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
