/**
 * The private half of a staff profile in real local D1 (wrangler's getPlatformProxy on a fresh state, the
 * migrations applied as `npm start` applies them), through the operator CLI the runbook names:
 * person-put → person → export (for a verified disclosure request) → purge-person (for a 削除 request).
 * The fixture (tests/fixtures/demo/private.json, 架空) carries canary values; the database file holds them
 * only encrypted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { D1Database } from '@cloudflare/workers-types/index.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, offlineEnv } from '../../scripts/lib/dev-server.ts';
import { ledgerKeys } from '../../functions/_lib/config.ts';
import { hmac } from '../../functions/_lib/crypto.ts';
import { auditTrail, newRequestId, recordRequest, setStatus } from '../../functions/_lib/ledger.ts';

const root = path.resolve(import.meta.dirname, '../..');
const state = mkdtempSync(path.join(tmpdir(), 'nakano-people-d1-'));
const records = (JSON.parse(readFileSync(path.join(root, 'tests/fixtures/demo/private.json'), 'utf8')) as { records: { id: string; email: string }[] }).records;
const ichiro = records.find((r) => r.id === 'kakuu-ichiro')!;

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/requests.ts', ...args, '--state', state], { cwd: root, encoding: 'utf8', env: { ...process.env, ...offlineEnv } });

/** Runs `fn` on the state's D1 (the CLI must not have it open at the same time). */
async function withDb<T>(fn: (db: D1Database) => Promise<T>): Promise<T> {
  const { getPlatformProxy } = await import('wrangler');
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: path.join(root, 'wrangler.toml'),
    persist: { path: path.join(state, 'v3') },
    envFiles: [],
  });
  try {
    return await fn(proxy.env.DB);
  } finally {
    await proxy.dispose();
  }
}

/** A data request from ichiro's address, verified, as the forms would leave it. */
async function verifiedRequest(type: string): Promise<string> {
  return withDb(async (db) => {
    const keys = ledgerKeys({ DATA_ENC_KEY: undefined, HMAC_KEY: undefined }, true);
    const id = newRequestId('data-request', new Date());
    await recordRequest(
      db,
      keys.encKey,
      {
        id,
        kind: 'data-request',
        type,
        lang: 'ja',
        emailHmac: await hmac(keys.hmacKey, 'email', ichiro.email.toLowerCase()),
        personal: { name: '架空 一郎', email: ichiro.email, type, details: '架空の請求（テスト）' },
        facilityId: null,
        botCheck: 'turnstile',
        receivedAt: new Date().toISOString(),
      },
      [],
    );
    await setStatus(db, id, 'verified', 'requester');
    return id;
  });
}

describe('private records of staff profiles in D1', () => {
  beforeAll(() => {
    applyMigrations(state);
    for (const r of records) {
      const file = path.join(state, `${r.id}.json`);
      writeFileSync(file, JSON.stringify(r));
      const put = cli('person-put', file);
      expect(put.status, put.stderr).toBe(0);
    }
  }, 120_000);

  it('stores each record only encrypted', () => {
    const dbFiles = readdirSync(path.join(state, 'v3'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(dbFiles.length).toBeGreaterThan(0);
    const all = dbFiles.map((e) => readFileSync(path.join(e.parentPath, e.name)).toString('latin1')).join('');
    expect(all).toContain('people_private');
    for (const canary of ['CANARY-LIC-480913', 'canary-ichiro', '090-0000-7731', 'CANARY-PAPER-b61d']) expect(all).not.toContain(canary);
  });

  it('shows the operator the record, decrypted, with the public file', () => {
    const r = cli('person', 'kakuu-ichiro');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('公開ファイル: なし'); // content/ has no real people yet
    expect(r.stdout).toContain('CANARY-LIC-480913');
    expect(r.stdout).toContain(ichiro.email);
  });

  it('refuses a record that does not fit the schema, with one clear line', () => {
    const file = path.join(state, 'bad.json');
    writeFileSync(file, JSON.stringify({ id: 'Not An Id', email: 'not-an-email' }));
    const r = cli('person-put', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^エラー: 保存できません/);
  });

  it('exports the person’s public file and D1 record for a verified disclosure request', async () => {
    const id = await verifiedRequest('disclosure');
    const out = path.join(state, 'export.json');
    const r = cli('export', id, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      peopleEntries: { id: string; publicFile: unknown; privateRecord: { licence: { number: string } } }[];
    };
    expect(doc.peopleEntries.map((p) => p.id)).toEqual(['kakuu-ichiro']);
    expect(doc.peopleEntries[0]!.privateRecord.licence.number).toBe('CANARY-LIC-480913');
    expect(doc.peopleEntries[0]!.publicFile).toBeNull();
  });

  it('purges the record for a verified deletion request and writes it in the request’s audit trail', async () => {
    const id = await verifiedRequest('deletion');
    const dry = cli('purge-person', 'kakuu-ichiro', '--request', id, '--by', '架空担当', '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(cli('person', 'kakuu-ichiro').status).toBe(0);
    const r = cli('purge-person', 'kakuu-ichiro', '--request', id, '--by', '架空担当');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('削除しました');
    const gone = cli('person', 'kakuu-ichiro');
    expect(gone.status).toBe(1);
    expect(gone.stderr).toContain('content/people にも D1 にもありません');
    const trail = await withDb((db) => auditTrail(db, id));
    expect(trail.map((a) => [a.action, a.actor, a.note])).toContainEqual(['person-purged', '架空担当', 'people_private kakuu-ichiro: deleted']);
    // the others are untouched
    expect(cli('person', 'kakuu-hanako').status).toBe(0);
  });

  it('refuses to purge without a verified request', () => {
    const r = cli('purge-person', 'kakuu-hanako', '--request', 'D-20260101-AAAAAAAA', '--by', '架空担当');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('データ請求として台帳にありません');
  });
});
