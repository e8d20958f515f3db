#!/usr/bin/env node
/**
 * `npm run outbox`: what the site has sent or is waiting to send — mails and GitHub issues — from the local
 * D1 outbox, decrypted. Local runs without SENDGRID_API_KEY deliver mail here only ("local provider").
 *
 *   npm run outbox                 the latest 20 items
 *   npm run outbox -- --pending    only what is still waiting (after a failure; the drain retries it)
 *   npm run outbox -- --failed     only what the drain gave up on (needs the operator: fix, then --retry)
 *   npm run outbox -- --limit 100
 *   npm run outbox -- --retry      ask the running site (npm start, or --site URL) to retry now, failed items too
 */
import { decryptJson } from '../functions/_lib/crypto.ts';
import type { OutboxRow } from '../functions/_lib/outbox.ts';
import type { Mail } from '../functions/_lib/mail.ts';
import { flag, openFormsDb, retryOnSite } from './lib/forms-d1.ts';

const args = process.argv.slice(2);
if (args.includes('--retry')) {
  const r = await retryOnSite(args);
  console.log(`再送: 送信 ${r.sent} 件、失敗 ${r.failed + r.gaveUp} 件、再送待ち ${r.waiting} 件、送信をあきらめたもの ${r.stillFailed} 件`);
  process.exit(r.failed + r.gaveUp > 0 ? 1 : 0);
}
const { db, cfg, dispose } = await openFormsDb(args);
try {
  const pending = args.includes('--pending');
  const failed = args.includes('--failed');
  const where = failed ? "WHERE status = 'failed'" : pending ? "WHERE status IN ('pending', 'sending')" : '';
  const { results } = await db
    .prepare(`SELECT * FROM outbox ${where} ORDER BY created_at DESC LIMIT ?`)
    .bind(Number(flag(args, 'limit') ?? 20))
    .all<OutboxRow>();
  if (results.length === 0) console.log(failed ? '送信をあきらめたものはありません。' : pending ? '未送信のものはありません。' : 'アウトボックスは空です。');
  for (const row of results.reverse()) {
    const state =
      row.status === 'sent'
        ? `送信済み ${row.sent_at}（${row.result === 'local' ? 'ローカル保存のみ' : row.result}）`
        : row.status === 'failed'
          ? `送信をあきらめました（試行 ${row.attempts} 回、最後のエラー ${row.last_error ?? '—'}）: 原因を直してから --retry`
          : `未送信（試行 ${row.attempts} 回、最後のエラー ${row.last_error ?? '—'}、次回 ${row.next_attempt_at}）`;
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
