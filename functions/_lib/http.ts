/**
 * The request side of every form endpoint: size, content type, Origin, body parsing; and the one shape
 * of every refusal — a 4xx JSON body naming the field and the reason, in the visitor's language.
 */
import { FORM_LIMITS, type FormIssue } from '../../src/lib/schema/forms.ts';
import { messages } from '../../src/i18n/index.ts';

export type Lang = 'ja' | 'en';

/** A page's path in the visitor's language (English pages live under /en). */
export const langPath = (lang: Lang, path: string): string => (lang === 'en' ? `/en${path}` : path);

/** A request refused for something the sender can fix (or must wait for). Always 4xx. */
export class Refusal extends Error {
  override name = 'Refusal';
  readonly status: 400 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429;
  readonly issues: FormIssue[];
  readonly headers: Record<string, string>;
  constructor(status: Refusal['status'], issues: FormIssue[], headers: Record<string, string> = {}) {
    super(issues.map((i) => `${i.field}:${i.reason}`).join(','));
    this.status = status;
    this.issues = issues;
    this.headers = headers;
  }
}

export interface ParsedBody {
  data: Record<string, unknown>;
  /** Sent by a plain HTML form (no JavaScript): answer with pages, not JSON. */
  htmlForm: boolean;
}

const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Same-origin check: browsers send Origin with every POST; anything else is refused. */
export function checkOrigin(request: Request, allowed: readonly string[]): void {
  const origin = request.headers.get('Origin');
  const site = request.headers.get('Sec-Fetch-Site');
  if (!origin || !allowed.includes(origin) || site === 'cross-site') throw new Refusal(403, [{ field: 'origin', reason: 'origin' }]);
}

/** Reads at most FORM_LIMITS.bodyBytes, whatever Content-Length claims. */
async function readCapped(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > FORM_LIMITS.bodyBytes) throw new Refusal(413, [{ field: 'body', reason: 'bodyTooLarge' }]);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > FORM_LIMITS.bodyBytes) {
      await reader.cancel();
      throw new Refusal(413, [{ field: 'body', reason: 'bodyTooLarge' }]);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export async function parseBody(request: Request): Promise<ParsedBody> {
  const type = request.headers.get('Content-Type') ?? '';
  const isJson = JSON_TYPE.test(type);
  if (!isJson && !FORM_TYPE.test(type)) throw new Refusal(415, [{ field: 'body', reason: 'contentType' }]);
  const bytes = await readCapped(request);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Refusal(400, [{ field: 'body', reason: 'malformed' }]);
  }
  if (isJson) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new Refusal(400, [{ field: 'body', reason: 'malformed' }]);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Refusal(400, [{ field: 'body', reason: 'malformed' }]);
    return { data: value as Record<string, unknown>, htmlForm: false };
  }
  const data: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const prev = data[k];
    // A repeated field becomes a list, which the schema then refuses as the wrong type.
    data[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return { data, htmlForm: (request.headers.get('Accept') ?? '').includes('text/html') };
}

/** The language a refusal is written in: the form's own `lang`, else the browser's preference. */
export function langOf(data: Record<string, unknown> | undefined, request: Request): Lang {
  if (data?.['lang'] === 'en' || data?.['lang'] === 'ja') return data['lang'];
  return /^en\b/i.test(request.headers.get('Accept-Language') ?? '') ? 'en' : 'ja';
}

export function refusalJson(r: Refusal, lang: Lang): Response {
  const errors = r.issues.map((i) => ({
    field: i.field,
    reason: i.reason,
    message: i.message ?? messages(lang).formErrors[i.reason],
    ...(i.path ? { path: i.path } : {}),
  }));
  const first = errors[0];
  return Response.json(
    { error: first?.reason ?? 'invalid', field: first?.field, message: first?.message, errors },
    { status: r.status, headers: { 'Cache-Control': 'no-store', ...r.headers } },
  );
}

/** Provider outage or missing configuration: 503 with Retry-After, in both languages. */
export const unavailable = (retryAfter = 60): Response =>
  Response.json(
    { error: 'unavailable', message: '一時的に受け付けられません。時間をおいてもう一度お試しください。/ Temporarily unavailable. Please try again later.' },
    { status: 503, headers: { 'Retry-After': String(retryAfter), 'Cache-Control': 'no-store' } },
  );

export const methodNotAllowed = (allow: string): Response => refusalJson(new Refusal(405, [{ field: 'method', reason: 'method' }], { Allow: allow }), 'ja');

/** Structured log line: request ids, kinds and outcomes only — never anything a visitor typed. */
export function log(level: 'info' | 'warn' | 'error', event: string, fields: Record<string, string | number | boolean | undefined> = {}): void {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}
