/**
 * The bad-input corpus: requests no form endpoint may accept, and none may answer with a 5xx.
 * Each case names the field and reason we expect, so a refusal for the wrong reason fails too.
 */
import { FORM_LIMITS } from '../../src/lib/schema/forms.ts';
import { formBody, freshEmail, validContact, validDataRequest } from './forms-helpers.ts';

export interface BadCase {
  name: string;
  method?: 'POST' | 'GET' | 'PUT' | 'DELETE';
  path: string;
  /** Query string built when the case runs (verification tokens are made in the test's beforeAll). */
  query?: () => string;
  /** Built when the case runs, so emails are fresh. */
  body?: () => string | Uint8Array;
  contentType?: string | null;
  origin?: string | null;
  headers?: Record<string, string>;
  /** Runs first (e.g. spend a Turnstile token once). */
  setup?: () => Promise<void>;
  expect: { status?: number; field?: string; reason?: string };
}

export interface CorpusContext {
  facilityId: string;
  /** A signed but expired verification token, a tampered one, one for an unknown request, one already used. */
  tokens: { expired: string; tampered: string; nonCanonical: string; unknownRequest: string; used: string; wrongNonce: string };
  /** No-JavaScript form tokens per form path, signed with the development key (made in beforeAll). */
  formTokens: Record<string, { ok: string; replay: string; expired: string; tampered: string; nonCanonical: string; otherForm: string }>;
  /** A form token issued just now, as the page would carry it. */
  freshFormToken: (path: string) => Promise<string>;
}

type Valid = (over?: Record<string, unknown>) => Record<string, unknown>;

export function buildCorpus(ctx: CorpusContext): BadCase[] {
  const validCorrection: Valid = (over = {}) => ({
    lang: 'ja',
    facility: ctx.facilityId,
    field: 'phone',
    proposed: '03-0000-0000（架空）',
    evidence: '院内の掲示で確認（架空）',
    agree: true,
    'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
    ...over,
  });
  /** A clinic's update of its listing: a new published phone (the fixtures list none), from a fictional sender. */
  const validUpdate: Valid = (over = {}) => ({
    lang: 'ja',
    facility: ctx.facilityId,
    edits: ['contact'],
    publicPhone: '03-5555-0100',
    name: '架空 受付係',
    role: '事務長（架空）',
    email: freshEmail('update'),
    callbackPhone: '090-0000-0000',
    agree: true,
    'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
    ...over,
  });
  /** A staff registration publishing one skill (fictional person). */
  const validRegistration: Valid = (over = {}) => ({
    lang: 'ja',
    name: '架空 登録者',
    profession: 'doctor',
    skills: ['abdominal-ultrasound'],
    publish: ['skills'],
    email: freshEmail('register'),
    consent: true,
    agree: true,
    'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
    ...over,
  });
  const validWithdrawal: Valid = (over = {}) => ({
    lang: 'ja',
    person: 'p-kakuu000',
    email: freshEmail('withdraw'),
    agree: true,
    'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
    ...over,
  });
  const forms: { path: string; valid: Valid; text: string[]; required: string[] }[] = [
    { path: '/api/contact', valid: validContact, text: ['name', 'message'], required: ['name', 'email', 'message'] },
    { path: '/api/facility-updates', valid: validUpdate, text: ['name'], required: ['facility', 'name', 'role', 'email', 'callbackPhone'] },
    { path: '/api/people-registrations', valid: validRegistration, text: ['name'], required: ['name', 'profession', 'email'] },
    { path: '/api/people-withdrawals', valid: validWithdrawal, text: [], required: ['person', 'email'] },
    { path: '/api/people-edit-links', valid: validWithdrawal, text: [], required: ['person', 'email'] },
    { path: '/api/corrections', valid: validCorrection, text: ['proposed', 'evidence'], required: ['facility', 'field', 'proposed', 'evidence'] },
    { path: '/api/data-requests', valid: validDataRequest, text: ['name', 'details'], required: ['type', 'name', 'email', 'relation'] },
  ];
  const cases: BadCase[] = [];
  for (const f of forms) {
    const add = (name: string, c: Omit<BadCase, 'name' | 'path'>) => cases.push({ name: `${f.path} ${name}`, path: f.path, ...c });

    // Malformed bodies.
    for (const [label, raw] of [
      ['truncated JSON', '{"name": "架空'],
      ['trailing comma', '{"name":"x",}'],
      ['single quotes', "{'name':'x'}"],
      ['JSON null', 'null'],
      ['JSON array', '[]'],
      ['JSON string', '"hello"'],
      ['JSON number', '42'],
      ['empty body', ''],
      ['NUL byte body', '\u0000'],
    ] as const) {
      add(label, { body: () => raw, expect: { status: 400, field: 'body', reason: 'malformed' } });
    }
    add('invalid UTF-8', {
      body: () => new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      expect: { status: 400, field: 'body', reason: 'malformed' },
    });
    // Content types.
    for (const ct of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=iso-8859-1', null]) {
      add(`content type ${ct ?? '(none)'}`, {
        body: () => JSON.stringify(f.valid()),
        contentType: ct,
        expect: { status: 415, field: 'body', reason: 'contentType' },
      });
    }
    // Origins.
    for (const origin of ['https://evil.example', 'null', 'http://localhost:1', 'http://127.0.0.1.evil.example']) {
      add(`foreign origin ${origin}`, { body: () => JSON.stringify(f.valid()), origin, expect: { status: 403, field: 'origin', reason: 'origin' } });
    }
    add('no Origin header', { body: () => JSON.stringify(f.valid()), origin: null, expect: { status: 403, field: 'origin', reason: 'origin' } });
    add('Sec-Fetch-Site cross-site', {
      body: () => JSON.stringify(f.valid()),
      headers: { 'Sec-Fetch-Site': 'cross-site' },
      expect: { status: 403, field: 'origin', reason: 'origin' },
    });
    // Size.
    add('body over 32 KB', {
      body: () => JSON.stringify(f.valid({ [f.text[0]!]: 'あ'.repeat(12_000) })),
      expect: { status: 413, field: 'body', reason: 'bodyTooLarge' },
    });
    add('body over 32 KB (form-encoded)', {
      body: () => formBody({ filler: 'x'.repeat(FORM_LIMITS.bodyBytes + 10) }),
      contentType: 'application/x-www-form-urlencoded',
      expect: { status: 413, field: 'body', reason: 'bodyTooLarge' },
    });
    // Method.
    add('GET instead of POST', { method: 'GET', expect: { status: 405, field: 'method', reason: 'method' } });
    add('PUT instead of POST', { method: 'PUT', body: () => JSON.stringify(f.valid()), expect: { status: 405, field: 'method', reason: 'method' } });
    // Required fields, and every wrong type for them.
    for (const field of f.required) {
      add(`missing ${field}`, {
        body: () => {
          const v = f.valid();
          delete v[field];
          return JSON.stringify(v);
        },
        expect: { status: 422, field, reason: 'required' },
      });
      for (const [label, value] of [
        ['number', 12345],
        ['array', ['a']],
        ['object', { a: 1 }],
        ['boolean', true],
        ['null', null],
      ] as const) {
        add(`${field} as ${label}`, { body: () => JSON.stringify(f.valid({ [field]: value })), expect: { status: 422, field } });
      }
    }
    // Free text: oversize, control characters, markup.
    for (const field of f.text) {
      const max = field === 'name' ? FORM_LIMITS.name : field === 'proposed' || field === 'evidence' ? FORM_LIMITS.correction : FORM_LIMITS.message;
      add(`${field} one character too long`, {
        body: () => JSON.stringify(f.valid({ [field]: 'あ'.repeat(max + 1) })),
        expect: { status: 422, field, reason: 'tooLong' },
      });
      for (const [label, ch] of [
        ['NUL', '\u0000'],
        ['BEL', '\u0007'],
        ['ESC', '\u001b'],
        ['DEL', '\u007f'],
        ['RTL override', '\u202e'],
      ] as const) {
        add(`${field} with ${label}`, {
          body: () => JSON.stringify(f.valid({ [field]: `架空${ch}テキスト` })),
          expect: { status: 422, field, reason: 'controlChars' },
        });
      }
      for (const s of [
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        'javascript:alert(document.cookie)',
        '<a href="https://evil.example">x</a>',
        '</textarea><b>x</b>',
      ]) {
        add(`${field} with markup ${s.slice(0, 16)}`, {
          body: () => JSON.stringify(f.valid({ [field]: s })),
          expect: { status: 422, field, reason: 'markup' },
        });
      }
    }
    // Email.
    if (f.path !== '/api/corrections') {
      for (const e of ['not-an-email', 'a@', '@example.test', 'a b@example.test', `${'a'.repeat(250)}@example.test`, 'x@example.test\r\nBcc: y@example.test']) {
        add(`email ${JSON.stringify(e).slice(0, 24)}`, { body: () => JSON.stringify(f.valid({ email: e })), expect: { status: 422, field: 'email' } });
      }
    } else {
      add('optional email invalid', {
        body: () => JSON.stringify(f.valid({ email: 'nope' })),
        expect: { status: 422, field: 'email', reason: 'invalidEmail' },
      });
    }
    // Consent, honeypot, unknown fields, lang.
    add('agree missing', {
      body: () => {
        const v = f.valid();
        delete v['agree'];
        return JSON.stringify(v);
      },
      expect: { status: 422, field: 'agree', reason: 'mustAgree' },
    });
    add('agree false', { body: () => JSON.stringify(f.valid({ agree: false })), expect: { status: 422, field: 'agree', reason: 'mustAgree' } });
    add('honeypot filled', {
      body: () => JSON.stringify(f.valid({ homepage: 'http://spam.example' })),
      expect: { status: 422, field: 'homepage', reason: 'honeypot' },
    });
    add('unknown field', { body: () => JSON.stringify(f.valid({ isAdmin: true })), expect: { status: 422, field: 'isAdmin', reason: 'unknownField' } });
    add('prototype pollution key', { body: () => JSON.stringify(f.valid()).replace(/^\{/, '{"__proto__":{"polluted":1},'), expect: { status: 422 } });
    add('lang not ja/en', { body: () => JSON.stringify(f.valid({ lang: 'fr' })), expect: { status: 422, field: 'lang', reason: 'invalidChoice' } });
    add('repeated form field', {
      body: () => formBody(Object.fromEntries(Object.entries(f.valid()).map(([k, v]) => [k, String(v)]))) + '&lang=en',
      contentType: 'application/x-www-form-urlencoded',
      expect: { status: 422, field: 'lang' },
    });
    // Turnstile.
    add('Turnstile token missing (script)', {
      body: () => {
        const v = f.valid();
        delete v['cf-turnstile-response'];
        return JSON.stringify(v);
      },
      expect: { status: 400, field: 'cf-turnstile-response', reason: 'turnstileMissing' },
    });
    add('Turnstile token empty (script)', {
      body: () => JSON.stringify(f.valid({ 'cf-turnstile-response': '' })),
      expect: { status: 400, field: 'cf-turnstile-response', reason: 'turnstileMissing' },
    });
    add('Turnstile token invalid', {
      body: () => JSON.stringify(f.valid({ 'cf-turnstile-response': 'fail-not-a-token' })),
      expect: { status: 403, field: 'cf-turnstile-response', reason: 'turnstileInvalid' },
    });
    add('Turnstile token too long', {
      body: () => JSON.stringify(f.valid({ 'cf-turnstile-response': 'x'.repeat(3000) })),
      expect: { status: 422, field: 'cf-turnstile-response', reason: 'tooLong' },
    });
    add('Turnstile token as number', {
      body: () => JSON.stringify(f.valid({ 'cf-turnstile-response': 1 })),
      expect: { status: 422, field: 'cf-turnstile-response', reason: 'type' },
    });
    const spent = `pass-${f.path}-${Date.now()}-${Math.random()}`;
    add('Turnstile token replayed', {
      setup: async () => {
        const { post } = await import('./forms-helpers.ts');
        const r = await post(f.path, f.valid({ 'cf-turnstile-response': spent }));
        if (r.status !== 201) throw new Error(`setup: first use should pass, got ${r.status}`);
      },
      body: () => JSON.stringify(f.valid({ 'cf-turnstile-response': spent })),
      expect: { status: 403, field: 'cf-turnstile-response', reason: 'turnstileInvalid' },
    });
    // The no-JavaScript path: a form body with the page's signed form token instead of a Turnstile token.
    const noJs = (token: string | undefined) => () => {
      const v = f.valid();
      delete v['cf-turnstile-response'];
      const fields = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === true ? 'on' : String(x)]));
      return formBody(token === undefined ? fields : { ...fields, 'form-token': token });
    };
    const form = { contentType: 'application/x-www-form-urlencoded' };
    const html = { ...form, headers: { Accept: 'text/html' } };
    const ft = () => ctx.formTokens[f.path]!;
    add('no-JS post without a form token (a script claiming to be a browser)', {
      ...html,
      body: noJs(undefined),
      expect: { status: 400, field: 'form-token', reason: 'formTokenMissing' },
    });
    add('no-JS post with a tampered form token', {
      ...html,
      body: () => noJs(ft().tampered)(),
      expect: { status: 400, field: 'form-token', reason: 'formTokenInvalid' },
    });
    add('no-JS post with a form token in a non-canonical encoding', {
      ...html,
      body: () => noJs(ft().nonCanonical)(),
      expect: { status: 400, field: 'form-token', reason: 'formTokenInvalid' },
    });
    add('no-JS post with the form token of another form', {
      ...html,
      body: () => noJs(ft().otherForm)(),
      expect: { status: 400, field: 'form-token', reason: 'formTokenInvalid' },
    });
    add('no-JS post with a garbage form token', { ...html, body: noJs('1.2.3'), expect: { status: 400, field: 'form-token', reason: 'formTokenInvalid' } });
    let justIssued = '';
    add('form token sent the moment the page loaded', {
      ...form,
      setup: async () => void (justIssued = await ctx.freshFormToken(f.path)),
      body: () => noJs(justIssued)(),
      expect: { status: 400, field: 'form-token', reason: 'formTokenTooFast' },
    });
    add('form token older than its lifetime', {
      ...form,
      body: () => noJs(ft().expired)(),
      expect: { status: 400, field: 'form-token', reason: 'formTokenExpired' },
    });
    add('form token too long', { ...form, body: noJs('1'.repeat(300)), expect: { status: 422, field: 'form-token', reason: 'tooLong' } });
    add('form token replayed', {
      ...form,
      setup: async () => {
        const { post } = await import('./forms-helpers.ts');
        const r = await post(f.path, noJs(ft().replay)(), { contentType: 'application/x-www-form-urlencoded' });
        if (r.status !== 201) throw new Error(`setup: first use should pass, got ${r.status} ${await r.text()}`);
      },
      body: () => noJs(ft().replay)(),
      expect: { status: 409, field: 'form-token', reason: 'formTokenUsed' },
    });
    add('Turnstile token solved on another site', {
      body: () => JSON.stringify(f.valid({ 'cf-turnstile-response': `otherhost-${f.path}-${Math.random()}` })),
      expect: { status: 403, field: 'cf-turnstile-response', reason: 'turnstileInvalid' },
    });
  }

  /** One field of an otherwise valid request of `path` set to `over`: a 422 naming `field` (and `reason`). */
  const refusal = (path: string, valid: Valid) => (name: string, over: Record<string, unknown>, field: string, reason?: string) =>
    cases.push({ name: `${path} ${name}`, path, body: () => JSON.stringify(valid(over)), expect: { status: 422, field, ...(reason ? { reason } : {}) } });
  // Form-specific choices.
  const cPath = '/api/corrections';
  const corr = refusal(cPath, validCorrection);
  corr('unknown facility', { facility: 'f-000000000' }, 'facility', 'invalidFacility');
  corr('facility with path traversal', { facility: '../../etc/passwd' }, 'facility', 'invalidFacility');
  corr('facility upper case', { facility: 'F-131410901' }, 'facility', 'invalidFacility');
  corr('facility too long', { facility: 'a'.repeat(101) }, 'facility', 'tooLong');
  corr('field not in the list', { field: 'price' }, 'field', 'invalidChoice');
  corr('field empty', { field: '' }, 'field', 'required');
  const dPath = '/api/data-requests';
  const dr = refusal(dPath, validDataRequest);
  dr('type not a right', { type: 'everything' }, 'type', 'invalidChoice');
  dr('type in Japanese', { type: '開示' }, 'type', 'invalidChoice');
  dr('relation unknown', { relation: 'friend' }, 'relation', 'invalidChoice');
  dr('agent without principal name', { relation: 'agent', principalName: '' }, 'principalName', 'agentNameRequired');
  dr('correction without details', { type: 'correction', details: '' }, 'details', 'detailsRequired');
  dr('addition without details', { type: 'addition', details: '   ' }, 'details', 'detailsRequired');
  dr('principal name with markup', { relation: 'agent', principalName: '<b>x</b>' }, 'principalName', 'markup');

  // The update form: what a clinic may not change, values the content check refuses, hours that do not make sense.
  const uPath = '/api/facility-updates';
  const upd = refusal(uPath, validUpdate);
  const slot = { days: ['mon'], open: '09:00', close: '12:00' };
  const hours = (h: Record<string, unknown>) => JSON.stringify({ schedules: [{ slots: [slot] }], ...h });
  upd('unknown facility', { facility: 'f-000000000' }, 'facility', 'invalidFacility');
  upd('facility with path traversal', { facility: '../../etc/passwd' }, 'facility', 'invalidFacility');
  upd('facility upper case', { facility: 'F-131410901' }, 'facility', 'invalidFacility');
  upd('facility too long', { facility: 'a'.repeat(101) }, 'facility', 'tooLong');
  upd('a change to editors', { editors: ['someone'] }, 'editors', 'unknownField');
  upd('a change to the facility status (removing it)', { status: { state: 'closed' } }, 'status', 'unknownField');
  upd('a change to the address', { address: { town: '架空町' } }, 'address', 'unknownField');
  upd('a change to the codes', { codes: { mhlw: '0000000000' } }, 'codes', 'unknownField');
  upd('a change to provenance', { provenance: {} }, 'provenance', 'unknownField');
  upd('a content file in the body', { text: 'name: x' }, 'text', 'unknownField');
  upd('edits names a group that is not a form group', { edits: ['editors'] }, 'edits', 'invalidChoice');
  upd('nothing changed', { edits: [], publicPhone: '' }, 'form', 'noChanges');
  upd('published phone not a phone number', { publicPhone: '0355550100' }, 'publicPhone', 'invalid');
  upd('published phone with letters', { publicPhone: '03-ABCD-0100' }, 'publicPhone', 'invalid');
  upd('published phone too long', { publicPhone: '03-5555-0100-0000-0000' }, 'publicPhone', 'tooLong');
  upd('fax not a phone number', { fax: 'fax please' }, 'fax', 'invalid');
  upd('website not a URL', { website: 'www.example' }, 'website', 'invalid');
  upd('website ftp', { website: 'ftp://example.test/' }, 'website', 'invalid');
  upd('website javascript:', { website: 'javascript:alert(1)' }, 'website', 'markup');
  upd('booking not a URL', { booking: 'LINE で予約' }, 'booking', 'invalid');
  upd('website too long', { website: `https://example.test/${'a'.repeat(500)}` }, 'website', 'tooLong');
  upd('department not a code', { edits: ['departments'], departments: ['内科'] }, 'departments', 'invalidChoice');
  upd('department not in the vocabulary', { edits: ['departments'], departments: ['99999'] }, 'departments', 'invalid');
  upd('departments as an object', { edits: ['departments'], departments: { a: 1 } }, 'departments', 'type');
  upd(
    'more departments than exist',
    { edits: ['departments'], departments: Array.from({ length: 61 }, (_, i) => String(10000 + i)) },
    'departments',
    'tooLong',
  );
  upd('station not in the vocabulary', { edits: ['access'], station1: 'atlantis' }, 'station1', 'invalid');
  upd('walking minutes not a number', { edits: ['access'], station1: 'nakano', walk1: 'five' }, 'walk1', 'invalid');
  upd('walking minutes over two hours', { edits: ['access'], station1: 'nakano', walk1: '999' }, 'station1', 'invalid');
  upd('step-free neither yes nor no', { edits: ['access'], stepFree: 'maybe' }, 'stepFree', 'invalidChoice');
  upd('parking with markup', { edits: ['access'], parking: '<b>2台</b>' }, 'parking', 'markup');
  upd('parking too long', { edits: ['access'], parking: 'あ'.repeat(201) }, 'parking', 'tooLong');
  upd('access note with a control character', { edits: ['access'], accessNote: '北口\u0007から' }, 'accessNote', 'controlChars');
  upd('service not in the list', { edits: ['services'], services: ['spa'] }, 'services', 'invalidChoice');
  upd('language not in the list', { edits: ['languages'], languages: ['xx'] }, 'languages', 'invalidChoice');
  upd('profile too long', { edits: ['profile'], profile: 'あ'.repeat(2001) }, 'profile', 'tooLong');
  upd('profile with a script', { edits: ['profile'], profile: '<script>alert(1)</script>' }, 'profile', 'markup');
  upd('role too long', { role: 'あ'.repeat(61) }, 'role', 'tooLong');
  upd('role with markup', { role: '<i>院長</i>' }, 'role', 'markup');
  upd('call-back phone with letters', { callbackPhone: 'call me' }, 'callbackPhone', 'invalid');
  upd('call-back phone too short', { callbackPhone: '110' }, 'callbackPhone', 'invalid');
  upd('hours not JSON', { hours: '{schedules:' }, 'hours', 'malformed');
  upd('hours a JSON list', { hours: '[]' }, 'hours', 'type');
  upd('hours as an object, not a string', { hours: { schedules: [] } }, 'hours', 'type');
  upd('hours without schedules', { hours: '{}' }, 'hours', 'invalid');
  upd('hours with an empty schedule', { hours: JSON.stringify({ schedules: [{ slots: [] }] }) }, 'hours', 'invalid');
  upd(
    'slot ends before it starts (not overnight)',
    { hours: JSON.stringify({ schedules: [{ slots: [{ ...slot, open: '18:00', close: '09:00' }] }] }) },
    'hours',
    'invalid',
  );
  upd('slot on a day that does not exist', { hours: JSON.stringify({ schedules: [{ slots: [{ ...slot, days: ['funday'] }] }] }) }, 'hours', 'invalid');
  upd('slot without days', { hours: JSON.stringify({ schedules: [{ slots: [{ ...slot, days: [] }] }] }) }, 'hours', 'invalid');
  upd('slot at 25:00', { hours: JSON.stringify({ schedules: [{ slots: [{ ...slot, close: '25:00' }] }] }) }, 'hours', 'invalid');
  upd('slot time without a colon', { hours: JSON.stringify({ schedules: [{ slots: [{ ...slot, open: '0900' }] }] }) }, 'hours', 'invalid');
  upd(
    'schedule for a department the facility does not have',
    { hours: JSON.stringify({ schedules: [{ departments: ['01050'], slots: [slot] }] }) },
    'hours',
    'invalid',
  );
  upd('closure in the 6th week', { hours: hours({ nthWeekClosures: [{ weeks: [6], day: 'sat' }] }) }, 'hours', 'invalid');
  upd('closure on a holiday weekday', { hours: hours({ nthWeekClosures: [{ weeks: [2], day: 'hol' }] }) }, 'hours', 'invalid');
  upd('yearly closure on 02-30', { hours: hours({ annualClosures: [{ from: '02-30', to: '03-01' }] }) }, 'hours', 'invalid');
  upd('dated closure ending before it starts', { hours: hours({ datedClosures: [{ from: '2027-01-05', to: '2027-01-03' }] }) }, 'hours', 'invalid');
  upd('dated closure on an impossible date', { hours: hours({ datedClosures: [{ from: '2027-02-30', to: '2027-03-01' }] }) }, 'hours', 'invalid');
  upd('hours note too long', { hours: hours({ note: 'あ'.repeat(501) }) }, 'hours', 'invalid');
  upd('hours text over 20,000 characters', { hours: ' '.repeat(20_001) }, 'hours', 'tooLong');

  // The registration: what the profile schema and the people rules refuse, and the consent.
  const rPath = '/api/people-registrations';
  const reg = refusal(rPath, validRegistration);
  reg('profession not in the list', { profession: 'wizard' }, 'profession', 'invalidChoice');
  reg('reading not in hiragana', { kana: 'kakuu' }, 'kana', 'invalid');
  reg('Latin name with kanji', { romaji: '架空' }, 'romaji', 'invalid');
  reg('name too long', { name: 'あ'.repeat(61) }, 'name', 'tooLong');
  reg('consent to publish missing', { consent: false }, 'consent', 'mustAgree');
  reg('a section to publish that does not exist', { publish: ['licence'] }, 'publish', 'invalidChoice');
  reg('a skill not in the vocabulary', { skills: ['mind-reading'] }, 'skills', 'invalid');
  reg('a qualification not in the vocabulary', { qualifications: ['q999999'], publish: ['qualifications'] }, 'qualifications', 'invalid');
  reg('a society not in the vocabulary', { societies: ['soc999999'] }, 'societies', 'invalid');
  reg('a workplace not in the directory', { facility: 'f-000000000', affFrom: '2024-04-01' }, 'facility', 'invalid');
  reg('a workplace without a start day', { place: '架空病院' }, 'affFrom', 'invalid');
  reg('a start day that is not a date', { place: '架空病院', affFrom: '2024-13-45' }, 'affFrom', 'invalid');
  reg('employment neither full- nor part-time', { place: '架空病院', affFrom: '2024-04-01', employment: 'sometimes' }, 'employment', 'invalidChoice');
  reg('a researchmap URL elsewhere', { researchmap: 'https://evil.example/me', publish: ['portfolio'] }, 'researchmap', 'invalid');
  reg('an ORCID that is not one', { orcid: 'https://orcid.org/1234' }, 'orcid', 'invalid');
  reg('a phone of letters', { phone: 'call me maybe' }, 'phone', 'invalid');
  reg('a licence number with markup', { licenceNumber: '<b>123</b>' }, 'licenceNumber', 'markup');
  reg('an id in the body (the site makes the id)', { id: 'my-own-id' }, 'id', 'unknownField');
  reg('a consent record in the body', { consentRecord: { sections: ['portfolio'] } }, 'consentRecord', 'unknownField');
  // An edit link's token that is not one: the registration is refused naming `edit`, nothing is stored.
  for (const [name, token, status, reason] of [
    ['garbage', () => 'hello', 400, 'tokenInvalid'],
    ['tampered', () => ctx.tokens.tampered, 400, 'tokenInvalid'],
    ['expired', () => ctx.tokens.expired, 410, 'tokenExpired'],
    ['for an unknown request', () => ctx.tokens.unknownRequest, 400, 'tokenInvalid'],
    ['of a data request, not an edit link', () => ctx.tokens.wrongNonce, 400, 'tokenInvalid'],
    ['too long', () => 'a'.repeat(201), 422, 'tooLong'],
  ] as const)
    cases.push({
      name: `${rPath} edit link ${name}`,
      path: rPath,
      body: () => JSON.stringify(validRegistration({ edit: token() })),
      expect: { status, field: 'edit', reason },
    });
  const wPath = '/api/people-withdrawals';
  const wd = refusal(wPath, validWithdrawal);
  wd('person id with path traversal', { person: '../facilities/x' }, 'person', 'invalidChoice');
  wd('person id upper case', { person: 'P-KAKUU' }, 'person', 'invalidChoice');
  wd('person id too long', { person: 'a'.repeat(101) }, 'person', 'tooLong');

  // Verification: only a POST with the token confirms; the token is in the body.
  const v = (name: string, token: (() => string) | null, status: number, reason: string) =>
    cases.push({
      name: `verify ${name}`,
      path: '/api/data-requests/verify',
      body: () => JSON.stringify(token ? { token: token() } : {}),
      expect: { status, field: 'token', reason },
    });
  v('without token', null, 400, 'tokenInvalid');
  v('empty token', () => '', 400, 'tokenInvalid');
  v('garbage token', () => 'hello', 400, 'tokenInvalid');
  v('token with extra part', () => `${ctx.tokens.tampered}.x`, 400, 'tokenInvalid');
  v('tampered signature', () => ctx.tokens.tampered, 400, 'tokenInvalid');
  v('signature in a non-canonical encoding', () => ctx.tokens.nonCanonical, 400, 'tokenInvalid');
  v('very long token', () => 'a'.repeat(5000), 400, 'tokenInvalid');
  v('script in token', () => '<script>alert(1)</script>', 400, 'tokenInvalid');
  v('signed token for an unknown request', () => ctx.tokens.unknownRequest, 400, 'tokenInvalid');
  v('signed token with an unknown nonce', () => ctx.tokens.wrongNonce, 400, 'tokenInvalid');
  v('expired token', () => ctx.tokens.expired, 410, 'tokenExpired');
  v('replayed token', () => ctx.tokens.used, 409, 'tokenUsed');
  // The update form's confirmation takes the same tokens, with the same refusals.
  for (const [name, token, status, reason] of [
    ['without token', null, 400, 'tokenInvalid'],
    ['garbage token', () => 'hello', 400, 'tokenInvalid'],
    ['tampered signature', () => ctx.tokens.tampered, 400, 'tokenInvalid'],
    ['signature in a non-canonical encoding', () => ctx.tokens.nonCanonical, 400, 'tokenInvalid'],
    ['signed token for an unknown request', () => ctx.tokens.unknownRequest, 400, 'tokenInvalid'],
    ['signed token with an unknown nonce', () => ctx.tokens.wrongNonce, 400, 'tokenInvalid'],
    ['expired token', () => ctx.tokens.expired, 410, 'tokenExpired'],
    ['replayed token', () => ctx.tokens.used, 409, 'tokenUsed'],
  ] as const)
    for (const path of ['/api/facility-updates/verify', '/api/people-registrations/verify', '/api/people-withdrawals/verify'])
      cases.push({
        name: `${path} ${name}`,
        path,
        body: () => JSON.stringify(token ? { token: token() } : {}),
        expect: { status, field: 'token', reason },
      });
  const verify = '/api/data-requests/verify';
  cases.push({
    name: 'verify from another site',
    path: verify,
    origin: 'https://evil.example',
    body: () => JSON.stringify({ token: ctx.tokens.wrongNonce }),
    expect: { status: 403, field: 'origin', reason: 'origin' },
  });
  cases.push({
    name: 'verify without Origin',
    path: verify,
    origin: null,
    body: () => JSON.stringify({ token: ctx.tokens.wrongNonce }),
    expect: { status: 403, field: 'origin', reason: 'origin' },
  });
  cases.push({
    name: 'verify with a text/plain body',
    path: verify,
    contentType: 'text/plain',
    body: () => JSON.stringify({ token: ctx.tokens.wrongNonce }),
    expect: { status: 415, field: 'body', reason: 'contentType' },
  });
  cases.push({ name: 'verify PUT instead of POST', method: 'PUT', path: verify, body: () => '{}', expect: { status: 405, field: 'method', reason: 'method' } });
  return cases;
}
