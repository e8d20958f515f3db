/**
 * Pieces of the forms that need no server: encryption at rest, the status rules, the audit table's
 * append-only triggers (the real migration on SQLite), mails and GitHub issues carrying only what they may.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { decryptJson, encryptJson, hmac } from '../../functions/_lib/crypto.ts';
import { issueFor } from '../../functions/_lib/github-issues.ts';
import { allowedNext, newRequestId, REQUEST_ID } from '../../functions/_lib/ledger.ts';
import { ackMail, operatorMail, sendGridPayload } from '../../functions/_lib/mail.ts';
import { checkMailSend } from '../../scripts/lib/fakes/sendgrid.fake.ts';
import { checkCreateIssue } from '../../scripts/lib/fakes/github-issues.fake.ts';

const KEY = btoa('0123456789abcdef0123456789abcdef');

describe('encryption at rest', () => {
  it('round-trips, and refuses a ciphertext moved to another row', async () => {
    const sealed = await encryptJson(KEY, { name: '架空 花子' }, 'C-20260101-AAAAAAAA');
    expect(sealed).not.toContain('架空');
    expect(await decryptJson(KEY, sealed, 'C-20260101-AAAAAAAA')).toEqual({ name: '架空 花子' });
    await expect(decryptJson(KEY, sealed, 'C-20260101-BBBBBBBB')).rejects.toThrow();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BA' : 'AA');
    await expect(decryptJson(KEY, tampered, 'C-20260101-AAAAAAAA')).rejects.toThrow();
  });
  it('looks emails up by HMAC, separately per purpose', async () => {
    expect(await hmac('k', 'email', 'a@example.test')).toBe(await hmac('k', 'email', 'a@example.test'));
    expect(await hmac('k', 'email', 'a@example.test')).not.toBe(await hmac('k', 'ip', 'a@example.test'));
  });
});

describe('ledger rules', () => {
  it('makes readable, unique request ids', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newRequestId('data-request', new Date('2026-03-31T16:00:00Z'))));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(REQUEST_ID);
    expect([...ids][0]).toMatch(/^D-20260401-/); // the date is Tokyo's
  });
  it('acts on data requests only after verification', () => {
    expect(allowedNext('data-request', 'received')).toEqual(['verified', 'refused']);
    expect(allowedNext('contact', 'received')).toContain('in_progress');
    expect(allowedNext('data-request', 'answered')).toEqual([]);
    expect(allowedNext('data-request', 'refused')).toEqual([]);
  });
  it('keeps the audit table append-only (migration triggers)', () => {
    const db = new DatabaseSync(':memory:');
    db.exec(readFileSync(path.resolve(import.meta.dirname, '../../migrations/0100_forms_ledger.sql'), 'utf8'));
    db.exec(`INSERT INTO requests (id, kind, personal_enc, received_at, due_at) VALUES ('C-20260101-AAAAAAAA', 'contact', 'v1.x.y', 'a', 'b')`);
    db.exec(`INSERT INTO request_audit (request_id, at, actor, action) VALUES ('C-20260101-AAAAAAAA', 'a', 'system', 'received')`);
    expect(() => db.exec(`UPDATE request_audit SET actor = 'x'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM request_audit`)).toThrow(/append-only/);
    expect(() => db.exec(`UPDATE requests SET status = 'refused' WHERE id = 'C-20260101-AAAAAAAA'`)).toThrow(/CHECK/);
  });
});

describe('what leaves the site', () => {
  it('builds SendGrid payloads the documented shape accepts, in both languages', () => {
    for (const lang of ['ja', 'en'] as const) {
      const ack = ackMail({
        kind: 'data-request',
        lang,
        requestId: 'D-20260101-AAAAAAAA',
        to: 'a@example.test',
        type: 'deletion',
        verifyUrl: 'https://x.test/api/data-requests/verify?token=t',
      });
      expect(checkMailSend(sendGridPayload(ack, 'no-reply@x.test'))).toEqual([]);
      expect(ack.text).toContain('https://x.test/api/data-requests/verify?token=t');
      expect(ack.subject).toContain(lang === 'ja' ? '削除' : 'deletion');
    }
    const op = operatorMail({ kind: 'data-request', requestId: 'D-20260101-AAAAAAAA', to: 'op@x.test', due: '2026-01-15T00:00:00Z', type: 'disclosure' });
    expect(checkMailSend(sendGridPayload(op, 'no-reply@x.test'))).toEqual([]);
    expect(op.subject).toBe('[中野区診療所データベース] 個人データ請求（開示） D-20260101-AAAAAAAA');
  });
  it('builds GitHub issues the OpenAPI shape accepts, quoting the report so it cannot mention anyone', () => {
    const issue = issueFor(
      {
        requestId: 'R-20260101-AAAAAAAA',
        facilityId: 'f-1',
        facilityName: '架空クリニック',
        field: 'phone',
        proposed: '@octocat 03-0000-0000',
        evidence: '掲示\n二行目',
      },
      'https://x.test',
    );
    expect(checkCreateIssue(issue)).toEqual([]);
    expect(issue.title).toBe('[修正依頼] 架空クリニック');
    expect(issue.body).not.toContain('@octocat');
    expect(issue.body).toContain('> 掲示\n> 二行目');
  });
});
