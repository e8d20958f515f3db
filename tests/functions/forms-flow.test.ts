/**
 * The forms end to end through wrangler pages dev (workerd, local D1/KV) and the fakes: what a visitor
 * sees, what the ledger keeps, what leaves by mail and GitHub, and what happens when a provider is down.
 */
import { describe, expect, it } from 'vitest';
import {
  baseUrl,
  control,
  eventually,
  formBody,
  freshEmail,
  freshIp,
  mailsFor,
  mailsTo,
  post,
  query,
  retryOutbox,
  validContact,
  validDataRequest,
  workerLog,
} from './forms-helpers.ts';

interface Row {
  id: string;
  status: string;
  personal_enc: string;
  email_hmac: string | null;
  bot_check: string;
  received_at: string;
  verified_at: string | null;
  due_at: string;
}
const row = (id: string) => query<Row>('SELECT * FROM requests WHERE id = ?', id)[0];
const outbox = (id: string) =>
  query<{ id: string; purpose: string; status: string; last_error: string | null; attempts: number; result: string | null }>(
    'SELECT * FROM outbox WHERE request_id = ? ORDER BY purpose',
    id,
  );
const audit = (id: string) =>
  query<{ actor: string; action: string; from_status: string | null; to_status: string | null }>(
    'SELECT * FROM request_audit WHERE request_id = ? ORDER BY seq',
    id,
  );

/** Every personal value this file sends; the worker log must contain none of them. */
const personal: string[] = [];
const remember = <T extends Record<string, unknown>>(v: T): T => {
  for (const k of ['name', 'email', 'message', 'details', 'principalName']) if (typeof v[k] === 'string') personal.push(v[k] as string);
  return v;
};

/** The no-JavaScript form token the middleware put into a form page. */
const formToken = (html: string): string | undefined => /name="form-token" value="([^"]+)"/.exec(html)?.[1];

async function facility(): Promise<{ id: string; name: string }> {
  const list = (await (await fetch(`${baseUrl()}/corrections/facilities.json`)).json()) as { id: string; name: string }[];
  if (!list[1]) throw new Error('the correction tests need facilities in content/');
  return list[1];
}

describe('contact form', () => {
  it('stores the request encrypted, answers with an id and sends both mails', async () => {
    const v = remember(validContact());
    const res = await post('/api/contact', v);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; next: string };
    expect(body.id).toMatch(/^C-\d{8}-[0-9A-Z]{8}$/);
    expect(body.next).toBe(`/contact/thanks/?id=${body.id}`);
    const r = row(body.id)!;
    expect(r.status).toBe('received');
    // Nothing the visitor typed is stored in clear.
    expect(JSON.stringify(query('SELECT * FROM requests WHERE id = ?', body.id))).not.toContain(v.email);
    expect(JSON.stringify(query('SELECT * FROM outbox WHERE request_id = ?', body.id))).not.toContain('架空');
    expect(r.personal_enc).toMatch(/^v1\./);
    expect(r.email_hmac).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(r.due_at) - Date.parse(r.received_at)).toBe(14 * 86_400_000);
    expect(audit(body.id)[0]).toEqual(expect.objectContaining({ actor: 'requester', action: 'received', to_status: 'received' }));

    const mails = await eventually(async () => {
      const m = await mailsFor(body.id);
      return m.length === 2 ? m : undefined;
    });
    const ack = mails!.find((m) => m.to.includes(v.email))!;
    expect(ack.subject).toContain(body.id);
    expect(ack.text).toContain(body.id);
    expect(ack.text).not.toContain(v.name); // acknowledgements echo nothing typed
    const op = mails!.find((m) => m.to.includes('operator@nakano-clinics.test'))!;
    expect(op.subject).toContain(body.id);
    expect(op.subject).not.toContain(v.name);
    expect(op.subject).not.toContain(v.email);
    expect(op.replyTo).toBe(v.email);
    expect(op.text).toContain(v.message);
  });

  it('works without JavaScript: the form page carries a form token; plain POST → 303 → confirmation page showing the id', async () => {
    const page = await (await fetch(`${baseUrl()}/contact/`)).text();
    const token = formToken(page) ?? '';
    expect(token).toMatch(/^\d+\.[\w-]{22}\.[\w-]{43}$/);
    // Two loads of the page get two tokens: each works once.
    expect(formToken(await (await fetch(`${baseUrl()}/contact/`)).text())).not.toBe(token);
    const email = freshEmail('nojs');
    personal.push(email, '架空 ノージェイエス');
    const body = formBody({ lang: 'ja', name: '架空 ノージェイエス', email, message: 'JavaScript なしで送信', agree: 'on', homepage: '', 'form-token': token });
    // A person takes longer than MIN_FILL_SECONDS (3 s) to fill a form in.
    await new Promise((r) => setTimeout(r, 3200));
    const res = await post('/api/contact', body, { contentType: 'application/x-www-form-urlencoded', accept: 'text/html,application/xhtml+xml' });
    expect(res.status).toBe(303);
    const loc = res.headers.get('Location')!;
    const id = /id=([^&]+)/.exec(loc)![1]!;
    expect(loc).toBe(`/contact/thanks/?id=${id}`);
    const thanks = await (await fetch(`${baseUrl()}${loc}`)).text();
    expect(thanks).toContain(`data-request-id>${id}</output>`);
    expect(row(id)!.bot_check).toBe('none-no-js');
    // The same token again (Back, then send once more) is refused, and the page comes back with a new token.
    const again = await post('/api/contact', body, { contentType: 'application/x-www-form-urlencoded', accept: 'text/html' });
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('このページからはすでに送信されています。');
    expect(formToken(html)).not.toBe(token);
    expect(html).toMatch(/name="email"[^>]*value="nojs-|value="nojs-[^"]*"[^>]*name="email"/);
  });

  it('without JavaScript, a refusal returns the form (4xx) with the errors shown and the entries kept', async () => {
    const res = await post('/api/contact', formBody({ lang: 'ja', name: '架空 再表示', email: 'not-an-email', message: '', agree: 'on' }), {
      contentType: 'application/x-www-form-urlencoded',
      accept: 'text/html',
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('Content-Type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('入力内容に 2 件の問題があります。');
    expect(html).toMatch(/data-error-for="email"[^>]*>メールアドレスの形が正しくありません/);
    expect(html).toMatch(/name="name"[^>]*value="架空 再表示"|value="架空 再表示"[^>]*name="name"/);
    expect(html).toMatch(/name="email"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="email"/);
    expect(formToken(html)).toMatch(/^\d+\./);
  });

  it('answers in English for the English form', async () => {
    const res = await post('/api/contact', validContact({ lang: 'en', email: 'x' }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors[0]).toEqual(expect.objectContaining({ field: 'email', message: expect.stringContaining('valid email') }));
  });

  it('limits submissions per IP and per email with 429 and Retry-After', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post('/api/contact', validContact(), { ip })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    const limited = await post('/api/contact', validContact(), { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { field: string }).field).toBe('form');

    const email = freshEmail('limit');
    const perEmail: number[] = [];
    for (let i = 0; i < 6; i++) perEmail.push((await post('/api/contact', validContact({ email }))).status);
    expect(perEmail).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it('keeps the request when mail fails, and the retry delivers it exactly once', async () => {
    const v = remember(validContact());
    await control('sendgrid', '/_control/fail', { to: v.email, status: 500 });
    const res = await post('/api/contact', v);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const failed = await eventually(() => outbox(id).find((o) => o.purpose === 'ack' && o.last_error === 'http-500'));
    expect(failed?.status).toBe('pending');
    expect(await mailsTo(v.email)).toHaveLength(0);
    expect(row(id)?.status).toBe('received');

    await control('sendgrid', '/_control/recover', { to: v.email });
    // The drain Worker or another file's retry may get there first, so this run's `sent` count proves
    // nothing; the mail that arrives, once, does.
    expect((await retryOutbox('mail')).status).toBe(200);
    await eventually(() => outbox(id).every((o) => o.status === 'sent'));
    expect(outbox(id).every((o) => o.status === 'sent')).toBe(true);
    expect(await mailsTo(v.email)).toHaveLength(1);
    // A second retry sends nothing again.
    await retryOutbox('mail');
    expect(await mailsTo(v.email)).toHaveLength(1);
    expect(audit(id).map((a) => a.action)).toEqual(expect.arrayContaining(['received', 'mail-sent:ack', 'mail-sent:operator']));
  });

  it('refuses the retry endpoint without the operator token', async () => {
    const res = await fetch(`${baseUrl()}/api/ops/retry`, { method: 'POST', headers: { Authorization: 'Bearer wrong' } });
    expect(res.status).toBe(403);
  });
});

describe('correction reports', () => {
  it('open a GitHub issue with the report and nothing about the reporter', async () => {
    const f = await facility();
    const email = freshEmail('reporter');
    personal.push(email);
    const marker = `架空の根拠 ${Date.now()}`;
    const res = await post('/api/corrections', {
      facility: f.id,
      field: 'hours',
      proposed: '土曜日は 9:00〜12:00（架空）',
      evidence: marker,
      email,
      agree: true,
      'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(id).toMatch(/^R-/);
    const issues = (await eventually(async () => {
      const l = (await control('github-issues', `/_control/issues?match=${encodeURIComponent(marker)}`)) as unknown[];
      return l.length ? l : undefined;
    })) as { title: string; body: string; labels: { name: string }[] }[];
    expect(issues).toHaveLength(1);
    expect(issues[0]!.title).toBe(`[修正依頼] ${f.name}`);
    expect(issues[0]!.body).toContain('土曜日は 9:00〜12:00（架空）');
    expect(issues[0]!.body).toContain('診療時間');
    expect(issues[0]!.body).not.toContain(email);
    expect(issues[0]!.body).not.toContain(email.split('@')[0]);
    expect(issues[0]!.labels.map((l) => l.name)).toContain('修正依頼');
    await eventually(() => row(id)?.status === 'in_progress');
    expect(row(id)?.status).toBe('in_progress');
    expect((await eventually(async () => (await mailsTo(email)).length === 1)) && (await mailsTo(email))[0]!.subject).toContain(id);
  });

  it('wait in D1 while GitHub is down and are opened by the retry', async () => {
    const f = await facility();
    const marker = `GitHub停止中の架空報告 ${Date.now()}`;
    await control('github-issues', '/_control/down', { match: marker });
    const res = await post('/api/corrections', {
      facility: f.id,
      field: 'phone',
      proposed: '03-0000-0000',
      evidence: marker,
      agree: true,
      'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const waiting = await eventually(() => outbox(id).find((o) => o.purpose === 'issue' && o.last_error === 'http-503'));
    expect(waiting?.status).toBe('pending');
    expect(row(id)?.status).toBe('received');
    await control('github-issues', '/_control/up', { match: marker });
    expect((await retryOutbox('github-issue')).status).toBe(200);
    await eventually(() => outbox(id).find((o) => o.purpose === 'issue')?.status === 'sent');
    expect((await control('github-issues', `/_control/issues?match=${encodeURIComponent(marker)}`)) as unknown[]).toHaveLength(1);
    expect(outbox(id).find((o) => o.purpose === 'issue')?.result).toMatch(/\/issues\/\d+$/);
    expect(row(id)?.status).toBe('in_progress');
  });
});

describe('data requests', () => {
  it('verify the email once with a signed link; the link cannot be replayed', async () => {
    const v = remember(validDataRequest({ type: 'deletion', relation: 'agent', principalName: '架空 本人', details: '人物ページの削除を希望（架空）' }));
    const res = await post('/api/data-requests', v);
    expect(res.status).toBe(201);
    const { id, next } = (await res.json()) as { id: string; next: string };
    expect(next).toBe(`/data-request/thanks/?id=${id}`);
    const ack = await eventually(async () => (await mailsTo(v.email))[0]);
    expect(ack!.subject).toContain('削除');
    const link = /(http\S+\/data-request\/verify\/\?token=\S+)/.exec(ack!.text)![1]!;
    const path = link.replace(/^https?:\/\/[^/]+/, '');
    const token = decodeURIComponent(new URL(link).searchParams.get('token')!);
    const op = (await mailsFor(id)).find((m) => m.to.includes('operator@nakano-clinics.test'))!;
    expect(op.text).not.toContain(v.email);
    expect(op.text).not.toContain('架空 本人');

    // Opening the link (as a mail scanner or link preview would) shows a button and changes nothing.
    const opened = await fetch(`${baseUrl()}${path}`, { headers: { Accept: 'text/html' } });
    expect(opened.status).toBe(200);
    const page = await opened.text();
    expect(page).toMatch(/<form method="post" action="\/api\/data-requests\/verify"/);
    expect(page).toContain(`name="token" value="${token}"`);
    const legacy = await fetch(`${baseUrl()}/api/data-requests/verify?token=${encodeURIComponent(token)}`, { redirect: 'manual' });
    expect(legacy.status).toBe(303);
    expect(legacy.headers.get('Location')).toBe(`/data-request/verify/?token=${encodeURIComponent(token)}`);
    expect(row(id)!.status).toBe('received');

    const press = () =>
      post('/api/data-requests/verify', formBody({ lang: 'ja', token }), { contentType: 'application/x-www-form-urlencoded', accept: 'text/html' });
    const first = await press();
    expect(first.status).toBe(303);
    expect(first.headers.get('Location')).toBe(`/data-request/verified/?id=${id}`);
    const r = row(id)!;
    expect(r.status).toBe('verified');
    expect(Date.parse(r.due_at) - Date.parse(r.verified_at!)).toBe(14 * 86_400_000);
    expect(audit(id).at(-1)).toEqual(expect.objectContaining({ actor: 'requester', action: 'status', from_status: 'received', to_status: 'verified' }));

    const again = await press();
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('この確認用リンクはすでに使われています。');
    expect(html.match(/<h1[^>]*>([^<]*)<\/h1>/g)).toEqual([expect.stringContaining('メールアドレスを確認できませんでした')]);
    expect(html).not.toContain('data-result-ok');
    // A POST from another site cannot confirm it for the requester.
    expect((await post('/api/data-requests/verify', { token }, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('serves every right the policy lists', async () => {
    for (const type of ['disclosure', 'correction', 'addition', 'deletion', 'suspension', 'third-party-stop', 'purpose-notice', 'third-party-record']) {
      const res = await post('/api/data-requests', remember(validDataRequest({ type })));
      expect(res.status, type).toBe(201);
    }
  });
});

describe('form pages', () => {
  it('preselect the facility and field from the query string, without JavaScript', async () => {
    const f = await facility();
    const res = await fetch(`${baseUrl()}/corrections/?facility=${f.id}&field=hours`);
    const html = await res.text();
    expect(html).toMatch(new RegExp(`<option value="${f.id}" selected(="")?>`));
    expect(html).toMatch(/<option value="hours" selected(="")?>/);
    expect(html.match(/<option [^>]*selected/g)).toHaveLength(2);
    expect(res.headers.get('Content-Security-Policy')).toContain('https://challenges.cloudflare.com');
    // Pages adds `Access-Control-Allow-Origin: *` to static files; HTML pages (with their form token) lose it.
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    for (const p of ['/', '/contact/', '/en/data-request/verify/'])
      expect((await fetch(`${baseUrl()}${p}`)).headers.get('Access-Control-Allow-Origin'), p).toBeNull();
    expect((await fetch(`${baseUrl()}/data/facilities.json`)).headers.get('Access-Control-Allow-Origin')).toBe('*');
    const dr = await (await fetch(`${baseUrl()}/en/data-request/?type=deletion`)).text();
    expect(dr).toMatch(/value="deletion"[^>]*checked|checked[^>]*value="deletion"/);
  });
});

describe('logs', () => {
  it('carry no personal data', async () => {
    const log = await workerLog();
    expect(log).toContain('request-received');
    for (const p of personal) expect(log.includes(p), `log contains ${p.slice(0, 12)}…`).toBe(false);
    expect(log).not.toMatch(/@example\.test/);
    expect(log).not.toContain('架空');
  });
});
