/**
 * Fake Twilio SendGrid v3 (POST /v3/mail/send), checking each request against the documented shape:
 * `Authorization: Bearer <key>`, JSON with personalizations[].to[].email, from.email, subject and
 * content[] of { type, value } (text/plain first), optional reply_to and string-valued custom_args.
 * Accepted mails answer 202 with an empty body and an X-Message-Id, like SendGrid.
 *
 * Control (tests only): POST /_control/fail {"to": "<address>", "status": 500} makes mail to that address
 * fail until POST /_control/recover {"to": …}; with "times": N only the next N attempts fail, after which
 * that address is accepted again by itself. GET /_control/messages?to=…&to_prefix=…&request_id=… lists
 * accepted mails. Failures are per address, so test files running in parallel do not disturb each other.
 */
import { json, listen, type Fake } from './fake-server.ts';

export const SENDGRID_TEST_KEY = 'SG.test-key-for-local-fake.0123456789';

export interface SentMail {
  to: string[];
  from: string;
  replyTo?: string;
  subject: string;
  text: string;
  requestId?: string;
  at: string;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmailObj = (v: unknown): boolean =>
  isObj(v) && typeof v['email'] === 'string' && EMAIL.test(v['email']) && (v['name'] === undefined || typeof v['name'] === 'string');

/** The problems SendGrid would report for this body (empty when valid). */
export function checkMailSend(body: unknown): string[] {
  const errs: string[] = [];
  if (!isObj(body)) return ['body must be a JSON object'];
  const ps = body['personalizations'];
  if (!Array.isArray(ps) || ps.length < 1 || ps.length > 1000) errs.push('personalizations: 1–1000 required');
  else
    for (const p of ps) {
      if (!isObj(p) || !Array.isArray(p['to']) || p['to'].length < 1 || !p['to'].every(isEmailObj))
        errs.push('personalizations[].to[].email required and valid');
    }
  if (!isEmailObj(body['from'])) errs.push('from.email required and valid');
  if (body['reply_to'] !== undefined && !isEmailObj(body['reply_to'])) errs.push('reply_to.email must be valid');
  if (typeof body['subject'] !== 'string' || body['subject'].length === 0) errs.push('subject required');
  else if (/[\r\n]/.test(body['subject'])) errs.push('subject must be one line');
  const content = body['content'];
  if (!Array.isArray(content) || content.length < 1) errs.push('content: at least one item required');
  else {
    if (!content.every((c) => isObj(c) && typeof c['type'] === 'string' && typeof c['value'] === 'string' && c['value'].length > 0))
      errs.push('content[]: type and non-empty value required');
    const first = content[0] as Record<string, unknown>;
    if (isObj(first) && content.length > 1 && first['type'] !== 'text/plain') errs.push('content: text/plain must come first');
  }
  const ca = body['custom_args'];
  if (ca !== undefined && (!isObj(ca) || !Object.values(ca).every((v) => typeof v === 'string'))) errs.push('custom_args values must be strings');
  return errs;
}

export async function start(): Promise<Fake> {
  const sent: SentMail[] = [];
  /** Address → the status to answer, and how many more attempts fail (absent: until recovered). */
  const failing = new Map<string, { status: number; times?: number }>();
  let seq = 0;
  const server = await listen(async (req, res) => {
    const url = new URL(req.path, 'http://fake');
    if (url.pathname === '/_control/fail' && req.method === 'POST') {
      const b = JSON.parse(req.body) as { to: string; status?: number; times?: number };
      failing.set(b.to.toLowerCase(), { status: b.status ?? 500, ...(b.times !== undefined ? { times: b.times } : {}) });
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_control/recover' && req.method === 'POST') {
      failing.delete((JSON.parse(req.body) as { to: string }).to.toLowerCase());
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_control/messages') {
      const to = url.searchParams.get('to')?.toLowerCase();
      const prefix = url.searchParams.get('to_prefix')?.toLowerCase();
      const rid = url.searchParams.get('request_id');
      const list = sent.filter((m) => (!to || m.to.includes(to)) && (!prefix || m.to.some((t) => t.startsWith(prefix))) && (!rid || m.requestId === rid));
      return json(res, 200, url.searchParams.has('count') ? { count: list.length } : list);
    }
    if (url.pathname !== '/v3/mail/send') return json(res, 404, { errors: [{ message: 'Not found' }] });
    if (req.method !== 'POST') return json(res, 405, { errors: [{ message: 'Method not allowed' }] });
    if (req.headers['authorization'] !== `Bearer ${SENDGRID_TEST_KEY}`) {
      return json(res, 401, { errors: [{ field: null, message: 'The provided authorization grant is invalid, expired, or revoked' }] });
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
      return json(res, 415, { errors: [{ message: 'Content-Type must be application/json' }] });
    let body: unknown;
    try {
      body = JSON.parse(req.body);
    } catch {
      return json(res, 400, { errors: [{ message: 'Bad Request', field: null }] });
    }
    const errs = checkMailSend(body);
    if (errs.length > 0) return json(res, 400, { errors: errs.map((message) => ({ message, field: null })) });
    const b = body as {
      personalizations: { to: { email: string }[] }[];
      from: { email: string };
      reply_to?: { email: string };
      subject: string;
      content: { value: string }[];
      custom_args?: Record<string, string>;
    };
    const to = b.personalizations.flatMap((p) => p.to.map((t) => t.email.toLowerCase()));
    const failTo = to.find((t) => failing.has(t));
    const failure = failTo === undefined ? undefined : failing.get(failTo);
    if (failTo !== undefined && failure) {
      if (failure.times !== undefined && --failure.times <= 0) failing.delete(failTo);
      return json(res, failure.status, { errors: [{ message: 'Simulated outage', field: null }] });
    }
    sent.push({
      to,
      from: b.from.email,
      ...(b.reply_to ? { replyTo: b.reply_to.email } : {}),
      subject: b.subject,
      text: b.content[0]?.value ?? '',
      ...(b.custom_args?.['request_id'] ? { requestId: b.custom_args['request_id'] } : {}),
      at: new Date().toISOString(),
    });
    res.writeHead(202, { 'X-Message-Id': `fake-${++seq}` });
    res.end();
  });
  return {
    name: 'sendgrid',
    url: server.url,
    bindings: {
      SENDGRID_API_BASE: server.url,
      SENDGRID_API_KEY: SENDGRID_TEST_KEY,
      MAIL_FROM: 'no-reply@nakano-clinics.test',
      OPERATOR_EMAIL: 'operator@nakano-clinics.test',
    },
    stop: server.close,
  };
}
