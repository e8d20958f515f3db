#!/usr/bin/env node
/**
 * `npm run outbox`: what the site has sent or is waiting to send — mails and GitHub issues — from the local
 * D1 outbox, decrypted. Local runs without SENDGRID_API_KEY deliver mail here only ("local provider").
 *
 *   npm run outbox                 the latest 20 items
 *   npm run outbox -- --pending    only what is still waiting (after a failure)
 *   npm run outbox -- --limit 100
 *   npm run outbox -- --retry      ask the running site (npm start, or --site URL) to retry now
 */
import { decryptJson } from '../functions/_lib/crypto.ts';
import type { OutboxRow } from '../functions/_lib/outbox.ts';
import type { Mail } from '../functions/_lib/mail.ts';
import { flag, openFormsDb, retryOnSite } from './lib/forms-d1.ts';

const args = process.argv.slice(2);
if (args.includes('--retry')) {
  const r = await retryOnSite(args);
  console.log(`再送: 送信 ${r.sent} 件、失敗 ${r.failed} 件、未送信の残り ${r.pending} 件`);
  process.exit(r.failed > 0 ? 1 : 0);
}
const { db, cfg, dispose } = await openFormsDb(args);
try {
  const pending = args.includes('--pending');
  const { results } = await db
    .prepare(`SELECT * FROM outbox ${pending ? "WHERE status <> 'sent'" : ''} ORDER BY created_at DESC LIMIT ?`)
    .bind(Number(flag(args, 'limit') ?? 20))
    .all<OutboxRow>();
  if (results.length === 0) console.log(pending ? '未送信のものはありません。' : 'アウトボックスは空です。');
  for (const row of results.reverse()) {
    const state = row.status === 'sent' ? `送信済み ${row.sent_at}（${row.result === 'local' ? 'ローカル保存のみ' : row.result}）` : `未送信（試行 ${row.attempts} 回、最後のエラー ${row.last_error ?? '—'}、次回 ${row.next_attempt_at}）`;
    console.log(`\n━━ ${row.id}  [${row.channel}/${row.purpose}]  ${state}`);
    if (row.channel === 'mail') {
      const m = await decryptJson<Mail>(cfg.encKey, row.payload_enc, row.id);
      console.log(`To: ${m.to}${m.replyTo ? `\nReply-To: ${m.replyTo}` : ''}\nSubject: ${m.subject}\n\n${m.text}`);
    } else {
      const i = await decryptJson<{ title: string; body: string; labels: string[] }>(cfg.encKey, row.payload_enc, row.id);
      console.log(`Issue: ${i.title}  labels: ${i.labels.join(', ')}\n\n${i.body}`);
    }
  }
} finally {
  await dispose();
}
