/**
 * The forms tried as an attacker would, through wrangler pages dev (workerd, local D1) and the fakes:
 * bursts against the limits, the no-JavaScript path without its proof, locking a victim out, address
 * variants, and a correction report that tries to escape its quote. Each attack must be refused or have
 * no effect. (The verification link's prefetch and the CSV formula are in forms-flow and open-data-csv.)
 */
import { describe, expect, it } from 'vitest';
import { formsConfig } from '../../functions/_lib/config.ts';
import { issueFormToken, MIN_FILL_SECONDS } from '../../functions/_lib/form-token.ts';
import { LIMITS } from '../../functions/_lib/rate-limit.ts';
import { baseUrl, control, eventually, formBody, fresh64, freshEmail, freshIp, mailsTo, post, validContact, validDataRequest } from './forms-helpers.ts';

// Tests run on 127.0.0.1 with ENVIRONMENT=development and no HMAC_KEY binding: the development key applies.
const devHmacKey = formsConfig({ ENVIRONMENT: 'development' }, new URL('http://127.0.0.1/')).hmacKey;
/** A form token as the page would have carried it, issued long enough ago for a person to fill the form. */
const pageToken = (kind: 'contact' | 'data-request') => issueFormToken(devHmacKey, kind, Date.now() - (MIN_FILL_SECONDS + 2) * 1000);

const noJsDataRequest = async (email: string) => {
  const { 'cf-turnstile-response': _turnstile, ...v } = validDataRequest({ email });
  const fields = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === true ? 'on' : String(x)]));
  return formBody({ ...fields, 'form-token': await pageToken('data-request') });
};
const count = (statuses: number[]) => statuses.reduce<Record<number, number>>((a, s) => ((a[s] = (a[s] ?? 0) + 1), a), {});

describe('bursts cannot pass a limit', () => {
  it('25 concurrent no-JavaScript data requests from one IP for one address: only the limit is accepted, the rest 429 with Retry-After', async () => {
    const ip = freshIp();
    const email = freshEmail('burst');
    const bodies = await Promise.all(Array.from({ length: 25 }, () => noJsDataRequest(email)));
    const res = await Promise.all(
      bodies.map((b) => post('/api/data-requests', b, { ip, contentType: 'application/x-www-form-urlencoded', accept: 'text/html' })),
    );
    expect(count(res.map((r) => r.status))).toEqual({ 303: LIMITS.perIpNoJs.max, 429: 25 - LIMITS.perIpNoJs.max });
    for (const r of res.filter((x) => x.status === 429)) expect(Number(r.headers.get('Retry-After'))).toBeGreaterThan(0);
    // One acknowledgement per accepted request, and no more arrive later.
    await eventually(async () => (await mailsTo(email)).length >= LIMITS.perIpNoJs.max);
    expect(await mailsTo(email)).toHaveLength(LIMITS.perIpNoJs.max);
  });

  it('25 concurrent requests with Turnstile from one IP for one address: exactly the per-address limit gets through', async () => {
    const ip = freshIp();
    const email = freshEmail('burst-js');
    const res = await Promise.all(Array.from({ length: 25 }, () => post('/api/data-requests', validDataRequest({ email }), { ip })));
    expect(count(res.map((r) => r.status))).toEqual({ 201: LIMITS.perEmail.max, 429: 25 - LIMITS.perEmail.max });
    const refused = (await Promise.all(res.filter((r) => r.status === 429).map((r) => r.json()))) as { field: string }[];
    expect(new Set(refused.map((b) => b.field))).toEqual(new Set(['email']));
  });
});

describe('no free path past the bot check', () => {
  it('a script that sends a form body with Accept: text/html and no form token gets a 4xx JSON naming the reason, and nothing is stored or sent', async () => {
    const email = freshEmail('script');
    const { 'cf-turnstile-response': _turnstile, ...v } = validContact({ email });
    const res = await post('/api/contact', formBody(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x === true ? 'on' : x)]))), {
      contentType: 'application/x-www-form-urlencoded',
      accept: 'text/html,application/xhtml+xml',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(expect.objectContaining({ field: 'form-token', error: 'formTokenMissing' }));
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(email)).toHaveLength(0);
  });
});

describe('nobody can lock a victim out', () => {
  it('posts without a bot-check proof naming the victim count for nothing', async () => {
    const victim = freshEmail('victim');
    for (let i = 0; i < LIMITS.perEmail.max + 3; i++) {
      const { 'cf-turnstile-response': _turnstile, ...noToken } = validDataRequest({ email: victim });
      expect((await post('/api/data-requests', noToken)).status).toBe(400);
      expect((await post('/api/data-requests', validDataRequest({ email: victim, 'cf-turnstile-response': 'fail-forged' }))).status).toBe(403);
    }
    expect((await post('/api/data-requests', validDataRequest({ email: victim }))).status).toBe(201);
  });

  it('a farm of no-JavaScript form tokens fills only the no-JavaScript counter: the victim with JavaScript still gets through', async () => {
    const victim = freshEmail('victim-farm');
    const statuses: number[] = [];
    // Two senders, three posts each (their per-IP allowance), all naming the victim.
    for (const ip of [freshIp(), freshIp()]) {
      for (let i = 0; i < LIMITS.perIpNoJs.max; i++)
        statuses.push((await post('/api/data-requests', await noJsDataRequest(victim), { ip, contentType: 'application/x-www-form-urlencoded' })).status);
    }
    expect(count(statuses)).toEqual({ 201: LIMITS.perEmail.max, 429: 2 * LIMITS.perIpNoJs.max - LIMITS.perEmail.max });
    expect((await post('/api/data-requests', validDataRequest({ email: victim }))).status).toBe(201);
  });

  it('+tag and case variants of one mailbox share one counter', async () => {
    const base = freshEmail('tagged');
    const [local, domain] = base.split('@') as [string, string];
    const variants = Array.from({ length: LIMITS.perEmail.max + 1 }, (_, i) =>
      i % 2 ? `${local.toUpperCase()}+${i}@${domain.toUpperCase()}` : `${local}+${i}@${domain}`,
    );
    const statuses: number[] = [];
    for (const email of variants) statuses.push((await post('/api/contact', validContact({ email }))).status);
    expect(statuses).toEqual([...Array<number>(LIMITS.perEmail.max).fill(201), 429]);
  });

  it('IPv6 neighbours in one /64 share one counter; the next /64 is someone else', async () => {
    const prefix = fresh64();
    const statuses: number[] = [];
    for (let i = 1; i <= LIMITS.perIp.max + 1; i++)
      statuses.push((await post('/api/contact', validContact(), { ip: `${prefix}:${i.toString(16)}::${i.toString(16)}` })).status);
    expect(statuses).toEqual([...Array<number>(LIMITS.perIp.max).fill(201), 429]);
    expect((await post('/api/contact', validContact(), { ip: `${fresh64()}::1` })).status).toBe(201);
  });
});

describe('correction reports stay inside their quote', () => {
  it('a lone CR in the proposed text does not break out of the quote in the GitHub issue', async () => {
    const list = (await (await fetch(`${baseUrl()}/corrections/facilities.json`)).json()) as { id: string }[];
    const marker = `架空CR報告 ${Date.now()}`;
    const proposed = `03-0000-0000\r**審査担当者より: 承認済み、このまま反映してください**\r\n\r${marker}`;
    const res = await post('/api/corrections', {
      facility: list[0]!.id,
      field: 'phone',
      proposed,
      evidence: `院内掲示（架空）${marker}`,
      agree: true,
      'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
    });
    expect(res.status).toBe(201);
    const issues = (await eventually(async () => {
      const l = (await control('github-issues', `/_control/issues?match=${encodeURIComponent(marker)}`)) as { body: string }[];
      return l.length ? l : undefined;
    })) as { body: string }[];
    const body = issues[0]!.body;
    expect(body).not.toContain('\r');
    const lines = body.split('\n');
    const from = lines.indexOf('**正しい内容（報告）**') + 1;
    const to = lines.indexOf('', from);
    // 03-0000-0000 / the fake reviewer line / an empty line (CRLF then CR) / the marker.
    expect(lines.slice(from, to)).toHaveLength(4);
    for (const l of lines.slice(from, to)) expect(l.startsWith('> '), l).toBe(true);
  });
});
