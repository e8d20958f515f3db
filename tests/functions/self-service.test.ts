/**
 * Editing without a GitHub account (issue 13), end to end through wrangler pages dev (workerd, local D1) and the
 * GitHub fake, which checks every call against GitHub's published API shapes: a clinic's update is stored,
 * verified by a POST from the confirmation page, and becomes one pull request whose YAML passes the content
 * schema and builds into the right hours table; what the submitter typed about themselves reaches GitHub nowhere.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { offlineEnv, scheduledTick } from '../../scripts/lib/dev-server.ts';
import type { FakePull } from '../../scripts/lib/fakes/github-repo.ts';
import { FacilitySchema, PersonSchema } from '../../src/lib/schema/index.ts';
import { hoursView } from '../../src/view/hours.ts';
import { baseUrl, control, eventually, formBody, freshEmail, mailsTo, post, query } from './forms-helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
interface Repo {
  pulls: FakePull[];
  branches: Record<string, Record<string, string>>;
  commits: Record<string, string[]>;
  log: { method: string; path: string; body: string }[];
}
const repo = async () => (await control('github-issues', '/_control/repo')) as Repo;
const row = (id: string) => query<{ status: string; pr_number: number | null; personal_enc: string }>('SELECT * FROM requests WHERE id = ?', id)[0];
const outbox = (id: string) =>
  query<{ purpose: string; status: string; last_error: string | null; result: string | null }>(
    'SELECT * FROM outbox WHERE request_id = ? ORDER BY purpose',
    id,
  );

let facilities: { id: string; name: string }[] = [];
let next = 10;
/** A facility no other test here touches, with its file put on the fake repository's main branch. */
async function facility(): Promise<{ id: string; name: string; file: string; text: string }> {
  if (facilities.length === 0) facilities = (await (await fetch(`${baseUrl()}/corrections/facilities.json`)).json()) as typeof facilities;
  const f = facilities[next++]!;
  const file = `content/facilities/${f.id}.yaml`;
  const text = readFileSync(path.join(root, file), 'utf8');
  await control('github-issues', '/_control/repo/files', { files: { [file]: text } });
  return { ...f, file, text };
}

/** The operator's CLI on the test site's local D1. */
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/requests.ts', ...args, '--state', inject('stateDir')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...offlineEnv },
  });

const submitter = () => ({ name: '架空 院長代理', role: '事務長（架空）', email: freshEmail('clinic'), callbackPhone: '090-1111-2222' });

/** 月火木金 9:00–12:30 と 15:00–18:30（受付 18:00 まで）、水土 9:00–12:30、第2・第4土曜休診、年末年始. */
const HOURS = {
  schedules: [
    {
      slots: [
        { days: ['mon', 'tue', 'thu', 'fri'], open: '09:00', close: '12:30', label: '午前' },
        { days: ['mon', 'tue', 'thu', 'fri'], open: '15:00', close: '18:30', receptionClose: '18:00', label: '午後' },
        { days: ['wed', 'sat'], open: '09:00', close: '12:30' },
      ],
    },
  ],
  closedOnHolidays: true,
  nthWeekClosures: [{ weeks: [2, 4], day: 'sat' }],
  annualClosures: [{ from: '12-29', to: '01-03', note: '年末年始' }],
};

/** Sends an update from a fictional sender, as the form's script would. */
const sendUpdate = (over: Record<string, unknown>, who = submitter()) =>
  post('/api/facility-updates', { lang: 'ja', agree: true, 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX', ...who, ...over });

/** Submits an update and confirms it from the mail's link, as the clinic would; returns the request id. */
async function submitAndVerify(over: Record<string, unknown>, who = submitter()): Promise<string> {
  const res = await sendUpdate(over, who);
  expect(res.status, await res.clone().text()).toBe(201);
  const { id, next: thanks } = (await res.json()) as { id: string; next: string };
  expect(thanks).toBe(`/update/thanks/?id=${id}`);
  expect(id).toMatch(/^U-\d{8}-/);
  const ack = await eventually(async () => (await mailsTo(who.email)).find((m) => m.text.includes('/update/verify/?token=')));
  expect(ack, 'acknowledgement with the confirmation link').toBeDefined();
  // The mail echoes nothing the sender typed.
  for (const v of [who.name, who.role, who.callbackPhone]) expect(ack!.text).not.toContain(v);
  const link = /(http\S+\/update\/verify\/\?token=\S+)/.exec(ack!.text)![1]!;
  // Opening the link (a mail scanner would) shows the button and confirms nothing.
  const page = await (await fetch(`${baseUrl()}${link.replace(/^https?:\/\/[^/]+/, '')}`)).text();
  expect(page).toContain('action="/api/facility-updates/verify"');
  expect(row(id)?.status).toBe('received');
  expect(outbox(id).some((o) => o.purpose === 'pr')).toBe(false);
  const token = decodeURIComponent(new URL(link).searchParams.get('token')!);
  const verified = await post('/api/facility-updates/verify', formBody({ lang: 'ja', token }), {
    contentType: 'application/x-www-form-urlencoded',
    accept: 'text/html',
  });
  expect(verified.status).toBe(303);
  expect(verified.headers.get('Location')).toBe(`/update/verified/?id=${id}`);
  return id;
}

const pullFor = async (facilityId: string) => (await repo()).pulls.filter((p) => p.head.startsWith(`self-service/facility-update/${facilityId}/`));

describe('a clinic updates its listing without a GitHub account', () => {
  it('hours with two slots, a 第2・第4土曜 closure and a new phone end in one labelled PR whose YAML passes the content schema', async () => {
    const f = await facility();
    const who = submitter();
    const id = await submitAndVerify({ facility: f.id, edits: ['contact'], publicPhone: '03-5555-0123', hours: JSON.stringify(HOURS) }, who);
    // The PR is opened, then labelled (two API calls), by the delivery after the response: wait for both. The
    // first test of the file also pays for cold isolates, so on a loaded 2-core machine it gets longer.
    const pr = await eventually(async () => (await pullFor(f.id)).find((p) => p.labels.length > 0), 60_000);
    expect(pr, 'a labelled pull request on the fake').toBeDefined();
    expect(pr!.labels).toEqual(['facility-update']);
    expect(pr!.title).toBe(`[掲載情報の更新] ${f.name}`);
    expect(pr!.body).toContain('公表電話番号へ折り返して本人確認');
    expect(pr!.body).toContain('| `contact.phone` |');
    expect(pr!.body).toContain(id);
    await eventually(() => row(id)?.status === 'in_progress');
    expect(row(id)?.pr_number).toBe(pr!.number);

    // The proposed file: valid content, the facility's own statement through the form, today's date.
    const r = await repo();
    const text = r.branches[pr!.head]![f.file]!;
    const data = FacilitySchema.parse(parse(text));
    expect(data.contact.phone).toBe('03-5555-0123');
    expect(data.provenance.hours).toMatchObject({ source: 'facility', via: 'form' });
    expect(data.provenance.contact).toMatchObject({ source: 'facility', via: 'form' });
    expect(text.startsWith('#')).toBe(true);
    // Everything else is as it was.
    const before = FacilitySchema.parse(parse(f.text));
    expect(data.name).toEqual(before.name);
    expect(data.address).toEqual(before.address);
    expect(data.access).toEqual(before.access);
    // The facility page's table from that file: 土 has the morning on some weeks only, 日 and 祝 are closed.
    const v = hoursView(data.hours!, [], 'ja', '2026-12-03');
    const cells = (label: string) => v.tables[0]!.rows.find((x) => x.label === label || x.range.startsWith(label))!.cells;
    expect(cells('午前')).toEqual(['open', 'open', 'closed', 'open', 'open', 'closed', 'closed', 'closed']);
    expect(v.tables[0]!.rows.find((x) => x.label === undefined)!.cells).toEqual([
      'closed',
      'closed',
      'open',
      'closed',
      'closed',
      'some-weeks',
      'closed',
      'closed',
    ]);
    expect(v.notes.join(' ')).toContain('第2・第4土曜は休診');
    // And after a real build from that file (the build runs check:content and fails on any problem), the facility
    // page's table says the same: the 午前 row is open 月火木金, the 水土 row has 土 on some weeks only.
    const dir = mkdtempSync(path.join(root, 'node_modules/.self-service-content-'));
    try {
      writeFileSync(path.join(dir, `${f.id}.yaml`), text);
      const dist = `${process.env['DIST_DIR'] ?? 'dist'}-self-service`;
      // In a child process, awaited: a build that blocked this one would leave its kept-alive sockets to the site
      // closed under it.
      const site = JSON.stringify({ dist, fixtures: { facilities: path.relative(root, dir) }, silent: true });
      await promisify(execFile)(
        process.execPath,
        ['--input-type=module', '-e', `import { buildFixtureSite } from './scripts/build-demo.ts'; buildFixtureSite(${site});`],
        {
          cwd: root,
          env: { ...process.env, ...offlineEnv },
        },
      );
      const html = readFileSync(path.join(root, dist, 'facilities', f.id, 'index.html'), 'utf8');
      // The cells of the row whose header (its text) starts with `head`.
      const rows = [...html.matchAll(/<tr[^>]*>\s*<th scope="row"[^>]*>((?:(?!<\/tr>).)*)<\/tr>/gs)].map((m) => ({
        head: (m[1] ?? '')
          .split('</th>')[0]!
          .replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
        cells: [...(m[1] ?? '').matchAll(/<td class="([a-z-]+)"/g)].map((c) => c[1]),
      }));
      const row = (head: string) => rows.find((r) => r.head.startsWith(head))?.cells;
      expect(row('午前')).toEqual(['open', 'open', 'closed', 'open', 'open', 'closed', 'closed', 'closed']);
      expect(row('9:00〜12:30')).toEqual(['closed', 'closed', 'open', 'closed', 'closed', 'some-weeks', 'closed', 'closed']);
      expect(html).toContain('03-5555-0123');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Nothing the sender said about themselves reached GitHub: not the title, body, branch, commits or files.
    const sent = JSON.stringify(r.log) + JSON.stringify(r.pulls) + JSON.stringify(r.commits) + Object.keys(r.branches).join(' ');
    for (const v of [who.name, who.role, who.email, who.callbackPhone, '090-1111-2222']) expect(sent).not.toContain(v);
    // The reviewer's mail ("with a reviewer") went to the sender, and the ledger holds them encrypted.
    expect((await mailsTo(who.email)).some((m) => m.subject.includes('審査に回しました'))).toBe(true);
    expect(row(id)!.personal_enc).not.toContain(who.email);

    // The reviewer finds the sender by PR number for the call-back, then ends the review; the sender is told.
    const shown = cli('pr', String(pr!.number));
    expect(shown.status, shown.stderr).toBe(0);
    for (const v of [id, who.name, who.role, who.email, who.callbackPhone]) expect(shown.stdout).toContain(v);
    const done = cli('set-status', id, 'answered', '--by', '架空 審査担当');
    expect(done.status, done.stderr).toBe(0);
    await eventually(async () => {
      await scheduledTick(inject('drainUrl'));
      return (await mailsTo(who.email)).some((m) => m.subject.includes('掲載情報を更新しました'));
    }, 30_000);
    const outcome = (await mailsTo(who.email)).find((m) => m.subject.includes('掲載情報を更新しました'))!;
    for (const v of [who.name, who.role, who.callbackPhone]) expect(outcome.text).not.toContain(v);
  }, 120_000);

  it('a duplicate submission gives one PR, and a second update joins the open PR', async () => {
    const f = await facility();
    await submitAndVerify({ facility: f.id, edits: ['contact'], publicPhone: '03-5555-0200' });
    const first = await eventually(async () => (await pullFor(f.id))[0]);
    const dup = await submitAndVerify({ facility: f.id, edits: ['contact'], publicPhone: '03-5555-0200' });
    await eventually(() => outbox(dup).find((o) => o.purpose === 'pr')?.status === 'sent');
    expect(await pullFor(f.id)).toHaveLength(1);
    expect(row(dup)?.pr_number).toBe(first!.number);

    const second = await submitAndVerify({ facility: f.id, edits: ['languages'], languages: ['ja', 'en'] });
    await eventually(() => outbox(second).find((o) => o.purpose === 'pr')?.status === 'sent');
    const prs = await pullFor(f.id);
    expect(prs).toHaveLength(1);
    expect(row(second)?.pr_number).toBe(first!.number);
    const data = FacilitySchema.parse(parse((await repo()).branches[prs[0]!.head]![f.file]!));
    // Both updates are in the one file, and the PR body lists both submissions.
    expect(data.contact.phone).toBe('03-5555-0200');
    expect(data.languages).toEqual(['ja', 'en']);
    expect(prs[0]!.body).toContain(second);
    expect(prs[0]!.body).toContain('| `languages.1` |');
  });

  it('waits in the outbox while GitHub is down, and the scheduled drain opens exactly one PR', async () => {
    const f = await facility();
    await control('github-issues', '/_control/repo/down', { down: true });
    let id = '';
    try {
      id = await submitAndVerify({ facility: f.id, edits: ['contact'], fax: '03-5555-0301' });
      const waiting = await eventually(() => outbox(id).find((o) => o.purpose === 'pr' && o.last_error === 'http-503'));
      expect(waiting?.status).toBe('pending');
      expect(await pullFor(f.id)).toHaveLength(0);
    } finally {
      await control('github-issues', '/_control/repo/down', { down: false });
    }
    // The drain retries once the backoff (1 s in tests) has passed.
    await eventually(async () => {
      await scheduledTick(inject('drainUrl'));
      return outbox(id).find((o) => o.purpose === 'pr')?.status === 'sent';
    }, 30_000);
    expect(await pullFor(f.id)).toHaveLength(1);
    expect(row(id)?.status).toBe('in_progress');
  });

  it('refuses a fourth open change for one facility with 429 and Retry-After', async () => {
    const f = await facility();
    for (const n of [1, 2, 3]) await submitAndVerify({ facility: f.id, edits: ['contact'], publicPhone: `03-5555-040${n}` });
    const res = await sendUpdate({ facility: f.id, edits: ['contact'], publicPhone: '03-5555-0409' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(((await res.json()) as { field: string }).field).toBe('facility');
  });

  it('names the field in Japanese when the content schema refuses a value', async () => {
    const f = await facility();
    const res = await sendUpdate({ facility: f.id, edits: ['contact'], publicPhone: '0355550100' });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { field: string; path: string; message: string }[] };
    expect(body.errors).toEqual([
      { field: 'publicPhone', reason: 'invalid', path: 'contact.phone', message: expect.stringMatching(/^電話番号（公表用）: 電話番号は半角数字とハイフンで/) },
    ]);
  });

  it('fills the form with the facility’s current values on the server (no JavaScript needed)', async () => {
    const f = await facility();
    const html = await (await fetch(`${baseUrl()}/update/?facility=${f.id}`)).text();
    const data = FacilitySchema.parse(parse(f.text));
    expect(html).toContain(`<span data-facility-name>${f.name}</span>`);
    expect(html).toMatch(new RegExp(`name="facility" value="${f.id}"`));
    for (const d of data.departments) expect(html).toMatch(new RegExp(`name="departments" value="${d.code}"[^>]*checked`));
    expect(html).toMatch(new RegExp(`<option value="${data.access.stations[0]!.station}" selected`));
    expect(html).toMatch(/name="form-token" value="[^"]+"/);
    expect((await fetch(`${baseUrl()}/update/?facility=f-000000000`)).status).toBe(404);
    expect(await (await fetch(`${baseUrl()}/update/`)).text()).not.toContain('data-update-form');
  });
});

/** A nurse registers (one published skill), confirms, and a reviewer merges the PR: the file is on the fake's main. */
async function registerAndMerge(email: string): Promise<{ personId: string; file: string }> {
  const reg = await post('/api/people-registrations', {
    lang: 'ja',
    name: '架空 取下医',
    profession: 'nurse',
    email,
    phone: '090-5555-6666',
    skills: ['abdominal-ultrasound'],
    publish: ['skills'],
    consent: true,
    agree: true,
    'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
  });
  const { id: regId } = (await reg.json()) as { id: string };
  const regLink = await eventually(async () => (await mailsTo(email)).map((m) => /person-verify\/\?token=(\S+)/.exec(m.text)?.[1]).find(Boolean));
  expect((await post('/api/people-registrations/verify', { token: decodeURIComponent(regLink!) })).status).toBe(200);
  const personId = query<{ type: string }>('SELECT type FROM requests WHERE id = ?', regId)[0]!.type;
  const file = `content/people/${personId}.yaml`;
  const regPr = await eventually(async () =>
    (await repo()).pulls.find((p) => p.head.startsWith(`self-service/person-registration/${personId}/`) && p.labels.length > 0),
  );
  await control('github-issues', '/_control/repo/files', { files: { [file]: (await repo()).branches[regPr!.head]![file]! } });
  return { personId, file };
}

/** 公開をやめる / 登録内容を更新する: a profile id and an address, as the person types them. */
const byEmail = (path: string, person: string, email: string) =>
  post(path, { lang: 'ja', person, email, agree: true, 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX' });

describe('a clinician registers a staff profile without a GitHub account', () => {
  it('publishes only the chosen sections: the private ones, the contact details and the licence number reach GitHub nowhere and live in D1', async () => {
    const f = (await (await fetch(`${baseUrl()}/corrections/facilities.json`)).json()) as { id: string }[];
    const email = freshEmail('doctor');
    const secrets = { email, phone: '090-3333-4444', licenceNumber: '架空-123456', researchmap: 'https://researchmap.jp/kakuu-private-canary' };
    const res = await post('/api/people-registrations', {
      lang: 'ja',
      name: '架空 登録医',
      kana: 'かくう とうろくい',
      profession: 'doctor',
      facility: f[60]!.id,
      affRole: '医員（架空）',
      employment: 'part-time',
      affFrom: '2024-04-01',
      departments: ['01001'],
      qualifications: ['q001'],
      societies: ['soc001'],
      skills: ['abdominal-ultrasound'],
      skillsOther: '禁煙外来（架空）',
      ...secrets,
      // Two sections stay private: qualifications and the portfolio.
      publish: ['affiliations', 'memberships', 'skills'],
      consent: true,
      agree: true,
      'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id, next } = (await res.json()) as { id: string; next: string };
    expect(id).toMatch(/^P-/);
    expect(next).toBe(`/update/person-thanks/?id=${id}`);
    const ack = await eventually(async () => (await mailsTo(email)).find((m) => m.text.includes('/update/person-verify/?token=')));
    const link = /(http\S+\/update\/person-verify\/\?token=\S+)/.exec(ack!.text)![1]!;
    const page = await (await fetch(`${baseUrl()}${link.replace(/^https?:\/\/[^/]+/, '')}`)).text();
    expect(page).toContain('action="/api/people-registrations/verify"');
    const token = decodeURIComponent(new URL(link).searchParams.get('token')!);
    const verified = await post('/api/people-registrations/verify', { token });
    expect(verified.status).toBe(200);

    const personId = query<{ type: string }>('SELECT type FROM requests WHERE id = ?', id)[0]!.type;
    const pr = await eventually(async () =>
      (await repo()).pulls.find((p) => p.head.startsWith(`self-service/person-registration/${personId}/`) && p.labels.length > 0),
    );
    expect(pr?.labels).toEqual(['person-registration']);
    expect(pr!.body).toContain('医師等資格確認検索');
    const r = await repo();
    const text = r.branches[pr!.head]![`content/people/${personId}.yaml`]!;
    const person = PersonSchema.parse(parse(text));
    expect(person.consent).toMatchObject({ method: 'form', sections: ['affiliations', 'memberships', 'skills'] });
    expect(person.affiliations[0]).toMatchObject({ facility: f[60]!.id, employment: 'part-time' });
    expect(person.skills).toEqual({ ids: ['abdominal-ultrasound'], other: ['禁煙外来（架空）'] });
    expect(person.qualifications).toEqual([]);
    expect(person.portfolio.researchmap).toBeUndefined();
    // What GitHub received, every byte of it: no contact detail, no licence number, nothing unpublished.
    const sent = JSON.stringify(r.log) + JSON.stringify(r.pulls) + JSON.stringify(r.commits) + Object.keys(r.branches).join(' ');
    for (const v of [...Object.values(secrets), 'q001']) expect(sent).not.toContain(v);
    // D1 holds the private part, encrypted.
    const stored = query<{ record_enc: string }>('SELECT record_enc FROM people_private WHERE person_id = ?', personId);
    expect(stored).toHaveLength(1);
    for (const v of Object.values(secrets)) expect(stored[0]!.record_enc).not.toContain(v);
  });

  it('「公開をやめる」: only the registered address gets the link; confirming marks D1 and opens a PR that removes the file', async () => {
    const email = freshEmail('withdraw');
    const { personId, file } = await registerAndMerge(email);

    const withdraw = (address: string) => byEmail('/api/people-withdrawals', personId, address);
    // Someone else's address: the same answer, and nothing is sent to it.
    const stranger = freshEmail('stranger');
    const other = await withdraw(stranger);
    expect(other.status).toBe(201);
    const otherId = ((await other.json()) as { id: string }).id;
    await eventually(() => outbox(otherId).every((o) => o.status === 'sent'));
    expect(await mailsTo(stranger)).toEqual([]);
    expect(query('SELECT nonce FROM verification_tokens WHERE request_id = ?', otherId)).toEqual([]);

    // The registered address (typed in capitals): the link goes to it.
    const res = await withdraw(email.toUpperCase());
    expect(res.status).toBe(201);
    const { id, next } = (await res.json()) as { id: string; next: string };
    expect(next).toBe(`/update/withdraw-thanks/?id=${id}`);
    const link = await eventually(async () => (await mailsTo(email)).map((m) => /withdraw-verify\/\?token=(\S+)/.exec(m.text)?.[1]).find(Boolean));
    expect((await post('/api/people-withdrawals/verify', { token: decodeURIComponent(link!) })).status).toBe(200);
    const pr = await eventually(async () =>
      (await repo()).pulls.find((p) => p.head.startsWith(`self-service/person-withdrawal/${personId}/`) && p.labels.length > 0),
    );
    expect(pr?.labels).toEqual(['person-withdrawal']);
    const r = await repo();
    expect(r.branches['main']![file]).toBeDefined();
    expect(r.branches[pr!.head]![file]).toBeUndefined();
    expect(JSON.stringify(r.log) + JSON.stringify(r.pulls)).not.toContain(email);
    // The D1 record says withdrawn (the CLI decrypts it).
    const shown = cli('person', personId);
    expect(shown.stdout).toMatch(/"withdrawn": "\d{4}-\d{2}-\d{2}"/);
  });

  it('「登録内容を更新する」: a single-use link to the registered address opens the form pre-filled; the update is a PR on the same file', async () => {
    const email = freshEmail('edit');
    const { personId, file } = await registerAndMerge(email);
    const ask = (address: string) => byEmail('/api/people-edit-links', personId, address);
    const stranger = freshEmail('stranger');
    expect((await ask(stranger)).status).toBe(201);
    expect((await ask(email)).status).toBe(201);
    const link = await eventually(async () => (await mailsTo(email)).map((m) => /(http\S+\/people\/register\/\?token=\S+)/.exec(m.text)?.[1]).find(Boolean));
    const path = link!.replace(/^https?:\/\/[^/]+/, '');
    const token = decodeURIComponent(new URL(link!).searchParams.get('token')!);
    // Opened: the form holds what the person sent, private values included (this page is theirs alone).
    const html = await (await fetch(`${baseUrl()}${path}`)).text();
    expect(html).toMatch(/name="name"[^>]*value="架空 取下医"/);
    expect(html).toMatch(/name="phone"[^>]*value="090-5555-6666"/);
    expect(html).toMatch(/name="skills" value="abdominal-ultrasound"[^>]*checked/);
    expect(html).toMatch(new RegExp(`name="edit" value="${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    expect(html).not.toMatch(/data-edit-notice[^>]*hidden/);
    expect(await mailsTo(stranger)).toEqual([]);

    const update = {
      lang: 'ja',
      name: '架空 取下医',
      profession: 'nurse',
      email,
      skills: ['abdominal-ultrasound', 'allergy-test'],
      publish: ['skills'],
      edit: token,
      consent: true,
      agree: true,
      'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
    };
    const res = await post('/api/people-registrations', update);
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(query<{ type: string }>('SELECT type FROM requests WHERE id = ?', id)[0]!.type).toBe(personId);
    // The link worked once.
    const again = await post('/api/people-registrations', { ...update, email: freshEmail('again') });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { field: string }).field).toBe('edit');
    expect((await fetch(`${baseUrl()}${path}`)).status).toBe(410);

    const verifyLink = await eventually(async () =>
      (await mailsTo(email)).map((m) => (m.text.includes(id) ? /person-verify\/\?token=(\S+)/.exec(m.text)?.[1] : undefined)).find(Boolean),
    );
    expect((await post('/api/people-registrations/verify', { token: decodeURIComponent(verifyLink!) })).status).toBe(200);
    // The registration PR is still open on the fake (it never closes a merged PR), so the update joins it.
    const skills = await eventually(async () => {
      const r = await repo();
      const pr = r.pulls.find((p) => p.head.startsWith(`self-service/person-registration/${personId}/`));
      const ids = PersonSchema.parse(parse(r.branches[pr!.head]![file]!)).skills.ids;
      return ids.length === 2 ? ids : undefined;
    });
    expect(skills).toEqual(['abdominal-ultrasound', 'allergy-test']);
  });

  it('refuses a section the content check would refuse, naming the field', async () => {
    const res = await post('/api/people-registrations', {
      lang: 'ja',
      name: '架空 登録医',
      kana: 'kakuu',
      profession: 'doctor',
      email: freshEmail('doctor'),
      publish: [],
      consent: true,
      agree: true,
      'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors).toEqual([expect.objectContaining({ field: 'kana', message: 'よみ: 読みはひらがなで書いてください' })]);
  });
});
