/**
 * Every case of the bad-input corpus gets a 4xx JSON refusal naming the field and the reason, never a 5xx,
 * through the real runtime (wrangler pages dev, workerd).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formsConfig } from '../../functions/_lib/config.ts';
import { issueFormToken, MAX_AGE_SECONDS, MIN_FILL_SECONDS } from '../../functions/_lib/form-token.ts';
import { issueToken } from '../../functions/_lib/verification.ts';
import { buildCorpus, type BadCase, type CorpusContext } from './bad-input.corpus.ts';
import { baseUrl, eventually, freshIp, mailsFor, post, validDataRequest } from './forms-helpers.ts';

// Tests run on 127.0.0.1 with ENVIRONMENT=development and no HMAC_KEY binding: the development key applies.
const devHmacKey = formsConfig({ ENVIRONMENT: 'development' }, new URL('http://127.0.0.1/')).hmacKey;

const ctx: CorpusContext = {
  facilityId: '',
  tokens: { expired: '', tampered: '', nonCanonical: '', unknownRequest: '', used: '', wrongNonce: '' },
  formTokens: {},
  freshFormToken: async () => '',
};

async function send(c: BadCase): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'CF-Connecting-IP': freshIp(), ...c.headers };
  if (c.contentType !== null) headers['Content-Type'] = c.contentType ?? 'application/json';
  if (c.origin !== null) headers['Origin'] = c.origin ?? baseUrl();
  const method = c.method ?? 'POST';
  return fetch(`${baseUrl()}${c.path}${c.query?.() ?? ''}`, {
    method,
    headers,
    body: method === 'GET' ? null : ((c.body?.() ?? null) as RequestInit['body']),
    redirect: 'manual',
  });
}

beforeAll(async () => {
  const list = (await (await fetch(`${baseUrl()}/corrections/facilities.json`)).json()) as { id: string }[];
  if (!list[0]) throw new Error('no facilities built: the correction cases need at least one facility in content/');
  ctx.facilityId = list[0].id;
  // A real data request, verified once, gives a used token; the others are signed with the same key.
  const res = await post('/api/data-requests', validDataRequest());
  const { id } = (await res.json()) as { id: string };
  const ack = await eventually(async () => (await mailsFor(id)).find((m) => m.text.includes('/data-request/verify/?token=')));
  const token = decodeURIComponent(/verify\/\?token=([^\s]+)/.exec(ack?.text ?? '')?.[1] ?? '');
  expect((await post('/api/data-requests/verify', { token })).status).toBe(200);
  const flip = (c: string) => (c === 'A' ? 'B' : 'A');
  // The signature's last character carries 2 spare bits: changing only those keeps the bytes but not the text.
  const last = token.at(-1)!;
  const spare = 'AEIMQUYcgkosw048'.includes(last) ? String.fromCharCode(last.charCodeAt(0) + 1) : String.fromCharCode(last.charCodeAt(0) - 1);
  ctx.tokens = {
    used: token,
    tampered: token.slice(0, -10) + flip(token.at(-10)!) + token.slice(-9),
    nonCanonical: token.slice(0, -1) + spare,
    expired: (await issueToken(devHmacKey, id, new Date(Date.now() - 2 * 86_400_000))).token,
    unknownRequest: (await issueToken(devHmacKey, 'D-20260101-AAAAAAAA', new Date())).token,
    wrongNonce: (await issueToken(devHmacKey, id, new Date())).token,
  };
  // Form tokens as the form middleware issues them, with the issue time moved to make each case.
  const kinds = {
    '/api/contact': 'contact',
    '/api/corrections': 'correction',
    '/api/data-requests': 'data-request',
    '/api/facility-updates': 'facility-update',
    '/api/people-registrations': 'person-registration',
    '/api/people-withdrawals': 'person-withdrawal',
    '/api/people-edit-links': 'person-registration',
  } as const;
  ctx.freshFormToken = (path) => issueFormToken(devHmacKey, kinds[path as keyof typeof kinds]);
  for (const [path, kind] of Object.entries(kinds)) {
    const ago = (s: number) => issueFormToken(devHmacKey, kind, Date.now() - s * 1000);
    const ok = await ago(MIN_FILL_SECONDS + 5);
    const sigLast = ok.at(-1)!;
    ctx.formTokens[path] = {
      ok,
      replay: await ago(MIN_FILL_SECONDS + 5),
      expired: await ago(MAX_AGE_SECONDS + 60),
      tampered: ok.slice(0, -5) + flip(ok.at(-5)!) + ok.slice(-4),
      nonCanonical:
        ok.slice(0, -1) +
        ('AEIMQUYcgkosw048'.includes(sigLast) ? String.fromCharCode(sigLast.charCodeAt(0) + 1) : String.fromCharCode(sigLast.charCodeAt(0) - 1)),
      otherForm: await issueFormToken(devHmacKey, kind === 'contact' ? 'data-request' : 'contact', Date.now() - (MIN_FILL_SECONDS + 5) * 1000),
    };
  }
});

describe('bad-input corpus', () => {
  const cases = buildCorpus(ctx);
  it('has at least 150 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });
  // The corpus is built before beforeAll fills ctx; bodies and queries read it when each case runs.
  it.each(cases.map((c) => [c.name, c] as const))('%s → 4xx JSON', async (_name, c) => {
    await c.setup?.();
    const res = await send(c);
    const text = await res.text();
    expect(res.status, text).toBeGreaterThanOrEqual(400);
    expect(res.status, text).toBeLessThan(500);
    if (c.expect.status) expect(res.status, text).toBe(c.expect.status);
    expect(res.headers.get('Content-Type') ?? '').toMatch(/^application\/json/);
    const body = JSON.parse(text) as { error: string; field: string; message: string; errors: { field: string; reason: string; message: string }[] };
    expect(body.errors.length).toBeGreaterThan(0);
    for (const e of body.errors) {
      expect(typeof e.field).toBe('string');
      expect(typeof e.reason).toBe('string');
      expect(e.message.length).toBeGreaterThan(0);
    }
    // Each case breaks one thing in an otherwise valid request, so exactly that field is named.
    if (c.expect.field)
      expect(
        body.errors.map((e) => e.field),
        text,
      ).toEqual([c.expect.field]);
    if (c.expect.reason) expect(body.errors[0]?.reason, text).toBe(c.expect.reason);
    expect(body.field).toBe(body.errors[0]?.field);
  });
});
