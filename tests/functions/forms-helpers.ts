/**
 * Helpers for the form function tests: posting like a browser would, the fakes' control endpoints, and
 * read-only queries on the local D1 database that `wrangler pages dev` writes.
 */
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { inject } from 'vitest';

export const baseUrl = (): string => inject('baseUrl');
export const fakes = (): Record<string, string> => inject('fakes');

let ipSeq = 0;
/**
 * A fresh /64 of the IPv6 documentation range (RFC 3849) per call: the rate limits count an IPv6 sender by
 * its /64, so the process id and a counter both sit in the first 64 bits.
 */
export const fresh64 = (): string => `2001:db8:${(process.pid & 0xffff).toString(16)}:${(++ipSeq & 0xffff).toString(16)}`;
/** A fresh sender per call (its own /64), unique across test processes, so tests never share rate-limit buckets. */
export const freshIp = (): string => `${fresh64()}::1`;
let mailSeq = 0;
export const freshEmail = (tag = 'user'): string => `${tag}-${process.pid}-${Date.now().toString(36)}-${mailSeq++}@example.test`;

export interface PostOpts {
  contentType?: string;
  origin?: string | null;
  accept?: string;
  ip?: string;
  headers?: Record<string, string>;
}

export function post(pathname: string, body: string | Uint8Array | Record<string, unknown>, o: PostOpts = {}): Promise<Response> {
  const headers: Record<string, string> = {
    'Content-Type': o.contentType ?? 'application/json',
    Accept: o.accept ?? 'application/json',
    'CF-Connecting-IP': o.ip ?? freshIp(),
    ...o.headers,
  };
  if (o.origin !== null) headers['Origin'] = o.origin ?? baseUrl();
  return fetch(`${baseUrl()}${pathname}`, {
    method: 'POST',
    headers,
    body: (typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body)) as RequestInit['body'],
    redirect: 'manual',
  });
}

export const formBody = (o: Record<string, string>): string => new URLSearchParams(o).toString();

export const validContact = (over: Record<string, unknown> = {}) => ({
  lang: 'ja',
  name: '架空 花子',
  email: freshEmail('contact'),
  message: '掲載されている情報について質問があります。\n二行目です。',
  agree: true,
  'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
  ...over,
});

export const validDataRequest = (over: Record<string, unknown> = {}) => ({
  lang: 'ja',
  type: 'disclosure',
  name: '架空 太郎',
  email: freshEmail('dr'),
  relation: 'self',
  details: '編集者アカウントの情報',
  agree: true,
  'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
  ...over,
});

export async function control(fake: string, p: string, body?: unknown): Promise<unknown> {
  const res = await fetch(
    `${fakes()[fake]}${p}`,
    body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } },
  );
  return res.json();
}

export interface FakeMail {
  to: string[];
  subject: string;
  text: string;
  replyTo?: string;
  requestId?: string;
}
export const mailsTo = async (to: string): Promise<FakeMail[]> => (await control('sendgrid', `/_control/messages?to=${encodeURIComponent(to)}`)) as FakeMail[];
export const mailsFor = async (requestId: string): Promise<FakeMail[]> =>
  (await control('sendgrid', `/_control/messages?request_id=${encodeURIComponent(requestId)}`)) as FakeMail[];

/** Polls until `fn` returns a truthy value (work done in waitUntil after the response). */
export async function eventually<T>(fn: () => Promise<T> | T, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** View of the local D1 database: read-only unless a test must damage a row on purpose. */
export function d1(opts: { write?: boolean } = {}): DatabaseSync {
  const dir = path.join(inject('stateDir'), 'v3/d1/miniflare-D1DatabaseObject');
  if (!existsSync(dir)) throw new Error(`no local D1 under ${dir}`);
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite'));
  if (!file) throw new Error('no D1 sqlite file');
  const db = new DatabaseSync(path.join(dir, file), { readOnly: !opts.write });
  if (opts.write) db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

export function query<T = Record<string, unknown>>(sql: string, ...args: (string | number | null)[]): T[] {
  const db = d1();
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

/** The development ops token (tests run on 127.0.0.1 with ENVIRONMENT=development and no OPS_TOKEN). */
export const retryOutbox = (channel?: 'mail' | 'github-issue') =>
  fetch(`${baseUrl()}/api/ops/retry${channel ? `?channel=${channel}` : ''}`, { method: 'POST', headers: { Authorization: 'Bearer dev-only-ops-token' } });

/** Everything the worker printed so far. */
export async function workerLog(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const f = path.join(inject('stateDir'), 'worker.log');
  return existsSync(f) ? readFileSync(f, 'utf8') : '';
}
