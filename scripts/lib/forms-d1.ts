/**
 * The operator scripts' way into the forms database: the same D1 API and the same ledger code as the
 * functions, through wrangler's getPlatformProxy — the local state `npm start` uses (.wrangler/state), or
 * with `--remote --database-id <uuid>` the production database (needs `wrangler login`, and the real
 * DATA_ENC_KEY / HMAC_KEY in the environment to read personal fields).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { D1Database } from '@cloudflare/workers-types/index.ts';
import { ledgerKeys } from '../../functions/_lib/config.ts';
import type { OutboxChannel } from '../../functions/_lib/ledger.ts';

export const root = path.resolve(import.meta.dirname, '../..');

export interface FormsDb {
  db: D1Database;
  /** The ledger's keys (development keys locally unless real ones are given). */
  cfg: { encKey: string; hmacKey: string };
  remote: boolean;
  dispose: () => Promise<void>;
}

export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const VALUE_FLAGS = new Set(['--request', '--status', '--kind', '--limit', '--by', '--reason', '--note', '--out', '--state', '--site', '--database-id']);

/** Arguments that are not flags or flag values. */
export function positionals(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (VALUE_FLAGS.has(args[i]!)) i++;
    else if (!args[i]!.startsWith('--')) out.push(args[i]!);
  }
  return out;
}

export function fail(line: string): never {
  console.error(`エラー: ${line}`);
  process.exit(1);
}

export async function openFormsDb(args: string[]): Promise<FormsDb> {
  Object.assign(process.env, { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', WRANGLER_LOG: 'error' });
  const remote = args.includes('--remote');
  const { getPlatformProxy } = await import('wrangler');
  let tmp: string | undefined;
  let configPath = path.join(root, 'wrangler.toml');
  if (remote) {
    const id = flag(args, 'database-id') ?? process.env['D1_DATABASE_ID'];
    if (!id) fail('--remote には --database-id <uuid>（または D1_DATABASE_ID）が必要です');
    if (!process.env['DATA_ENC_KEY'] || !process.env['HMAC_KEY']) fail('--remote では本番の DATA_ENC_KEY と HMAC_KEY を環境変数で渡してください');
    tmp = mkdtempSync(path.join(tmpdir(), 'nakano-remote-'));
    configPath = path.join(tmp, 'wrangler.json');
    writeFileSync(
      configPath,
      JSON.stringify({
        name: 'nakano-clinic-db',
        compatibility_date: '2026-10-01',
        d1_databases: [{ binding: 'DB', database_name: 'nakano-clinic-db', database_id: id, remote: true }],
      }),
    );
  }
  const state = flag(args, 'state') ?? path.join(root, '.wrangler/state');
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath, ...(remote ? {} : { persist: { path: path.join(state, 'v3') } }), envFiles: [] });
  // Local runs use the labelled development keys unless real ones are given (see functions/_lib/config.ts).
  const cfg = ledgerKeys({ DATA_ENC_KEY: process.env['DATA_ENC_KEY'], HMAC_KEY: process.env['HMAC_KEY'] }, !remote);
  return {
    db: proxy.env.DB,
    cfg,
    remote,
    dispose: async () => {
      await proxy.dispose();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** POST /api/ops/retry on a running site (npm start, or --site https://…). */
export async function retryOnSite(
  args: string[],
  channel?: OutboxChannel,
): Promise<{ sent: number; failed: number; gaveUp: number; waiting: number; stillFailed: number }> {
  const site = flag(args, 'site') ?? process.env['SITE_URL'] ?? 'http://localhost:8788';
  const token = process.env['OPS_TOKEN'] ?? 'dev-only-ops-token';
  let res: Response;
  try {
    res = await fetch(`${site}/api/ops/retry${channel ? `?channel=${channel}` : ''}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  } catch {
    fail(`${site} に接続できません。npm start でサイトを起動するか、--site で URL を指定してください`);
  }
  if (!res.ok) fail(`${site}/api/ops/retry が ${res.status} を返しました（OPS_TOKEN を確認してください）`);
  return (await res.json()) as { sent: number; failed: number; gaveUp: number; waiting: number; stillFailed: number };
}
