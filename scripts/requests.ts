#!/usr/bin/env node
/**
 * `npm run requests`: the operator's view of the request ledger (see docs/operations/data-requests.md).
 *
 *   npm run requests -- list [--open] [--status verified] [--kind data-request] [--limit 50]
 *   npm run requests -- show <id>
 *   npm run requests -- set-status <id> <in_progress|answered|refused|verified> --by <name> [--reason "…"] [--note "…"] [--dry-run]
 *   npm run requests -- export <id> [--out file.json]     verified disclosure requests only
 *   npm run requests -- pr <number>                         who sent a self-service pull request: contacts for the call-back
 *   npm run requests -- person <person-id>                  a staff profile: its public file and its D1 record
 *   npm run requests -- person-put <record.json>            store (replace) a person's private record in D1
 *   npm run requests -- purge-person <person-id> --request <D-…> --by <name> [--dry-run]
 *                                                           APPI 削除 / 利用停止: delete the D1 record, audited on the request
 *
 * Ending the review of a facility update (set-status … answered | refused --reason) queues the outcome mail to
 * its sender (docs/operations/self-service.md).
 *
 * Local D1 (.wrangler/state) by default; `--remote --database-id <uuid>` for production (wrangler login,
 * DATA_ENC_KEY and HMAC_KEY in the environment). Every change is written to the audit table.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { hmac } from '../functions/_lib/crypto.ts';
import { outcomeMail, requestTypeLabel } from '../functions/_lib/mail.ts';
import {
  addAudit,
  allowedNext,
  auditTrail,
  decryptPersonal,
  findByEmailHmac,
  findByPr,
  getRequest,
  listRequests,
  queueOutbox,
  setStatus,
  TransitionError,
  type RequestRow,
} from '../functions/_lib/ledger.ts';
import { normalizeEmail, REQUEST_STATUSES, type RequestStatus } from '../src/lib/schema/forms.ts';
import { fail, flag, openFormsDb, positionals, root } from './lib/forms-d1.ts';
import { findPeopleByEmail, getPersonPrivate, purgePersonPrivate, putPersonPrivate } from '../functions/_lib/people.ts';

const args = process.argv.slice(2);
const [command, id, status] = positionals(args);
const USAGE =
  'npm run requests -- list|show <id>|set-status <id> <status> --by <name>|export <id>|pr <number>|person <person-id>|person-put <file>|purge-person <person-id> --request <id> --by <name>（詳しくは docs/operations/data-requests.md、docs/operations/self-service.md）';
if (!command || !['list', 'show', 'set-status', 'export', 'pr', 'person', 'person-put', 'purge-person'].includes(command)) fail(`使い方: ${USAGE}`);

/** A person's public file in content/people, as text (undefined when there is none). */
const publicFile = (personId: string): { file: string; text: string } | undefined => {
  const file = `content/people/${personId}.yaml`;
  return existsSync(path.join(root, file)) ? { file, text: readFileSync(path.join(root, file), 'utf8') } : undefined;
};

const STATUS_JA: Record<RequestStatus, string> = {
  received: '受付',
  verified: '本人メール確認済み',
  in_progress: '対応中',
  answered: '回答済み',
  refused: '不応諾',
};
const label = (r: RequestRow) =>
  r.kind === 'data-request'
    ? `データ請求・${requestTypeLabel(r.type ?? '')}`
    : r.kind === 'correction'
      ? `修正依頼・${r.type}`
      : r.kind === 'facility-update'
        ? `掲載情報の更新・${r.facility_id}${r.pr_number ? `・PR #${r.pr_number}` : ''}`
        : r.kind === 'contact'
          ? 'お問い合わせ'
          : r.kind;

/** What a facility update's sender left in the ledger (functions/_lib/forms.ts). */
interface UpdatePersonal {
  submitter: { name: string; role: string; email: string; callbackPhone: string };
  facilityName: string;
}
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

const { db, cfg, dispose } = await openFormsDb(args);
try {
  if (command === 'list') {
    const rows = await listRequests(db, {
      status: flag(args, 'status'),
      kind: flag(args, 'kind'),
      open: args.includes('--open'),
      limit: Number(flag(args, 'limit') ?? 100),
    });
    const today = new Date().toISOString();
    for (const r of rows) {
      const late = !r.closed_at && r.due_at < today ? ' ⚠期限超過' : '';
      console.log(`${r.id}  [${STATUS_JA[r.status]}]  ${label(r)}  受付 ${day(r.received_at)}  期限 ${day(r.due_at)}${late}`);
    }
    console.log(`${rows.length} 件`);
  } else if (command === 'pr') {
    const pr = Number(id);
    if (!Number.isInteger(pr) || pr <= 0) fail(`PR 番号を指定してください。使い方: ${USAGE}`);
    const rows = await findByPr(db, pr);
    if (rows.length === 0) fail(`PR #${pr} に結びついた受付はありません（フォームから来た PR ではないか、まだ作られていません）`);
    console.log(`PR #${pr}: ${rows.length} 件の送信（個人データ。画面共有・転記に注意。PR には書かないでください）`);
    for (const r of rows) {
      const p = await decryptPersonal<UpdatePersonal>(cfg.encKey, r);
      console.log(`\n${r.id}  ${label(r)}  状態: ${STATUS_JA[r.status]}  受付 ${r.received_at}  メール確認 ${r.verified_at ?? '—'}`);
      console.log(`  施設: ${p.facilityName}（${r.facility_id}）`);
      console.log(`  送信者: ${p.submitter.name}（${p.submitter.role}）`);
      console.log(`  メール: ${p.submitter.email}`);
      console.log(`  折り返し電話: ${p.submitter.callbackPhone}`);
    }
    console.log('\n本人確認は、送信者の番号ではなく医療機関の公表電話番号へかけて行います（docs/operations/self-service.md）。');
  } else if (command === 'person') {
    if (!id) fail(`人物の ID を指定してください。使い方: ${USAGE}`);
    const pub = publicFile(id);
    const stored = await getPersonPrivate(db, cfg.encKey, id);
    if (!pub && !stored) fail(`人物 ${id} は content/people にも D1 にもありません`);
    console.log(`人物 ${id}`);
    console.log(`公開ファイル: ${pub ? pub.file : 'なし'}`);
    if (stored) {
      console.log(`D1 の非公開記録（登録 ${stored.createdAt}、更新 ${stored.updatedAt}。個人データ: 画面共有・転記に注意）:`);
      console.log(JSON.stringify(stored.record, null, 2).replace(/^/gm, '  '));
    } else console.log('D1 の非公開記録: なし');
  } else if (command === 'person-put') {
    if (!id || !existsSync(id)) fail(`非公開記録の JSON ファイルを指定してください。使い方: ${USAGE}`);
    try {
      const record = await putPersonPrivate(db, cfg, JSON.parse(readFileSync(id, 'utf8')), new Date());
      console.log(`人物 ${record.id} の非公開記録を D1 に保存しました（暗号化済み）。`);
    } catch (e) {
      fail(`保存できません: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  } else if (command === 'purge-person') {
    if (!id) fail(`人物の ID を指定してください。使い方: ${USAGE}`);
    const requestId = flag(args, 'request');
    const by = flag(args, 'by');
    if (!requestId || !by) fail('--request <受付番号> と --by <担当者名> を指定してください（請求の監査記録に残ります）');
    const request = await getRequest(db, requestId);
    if (!request || request.kind !== 'data-request') fail(`受付番号 ${requestId} はデータ請求として台帳にありません`);
    if (request.status !== 'verified' && request.status !== 'in_progress')
      fail(`本人のメール確認が済んだ請求だけ実行できます（現在: ${STATUS_JA[request.status]}）`);
    const stored = await getPersonPrivate(db, cfg.encKey, id);
    if (args.includes('--dry-run')) {
      console.log(
        `（試行のみ）人物 ${id}: D1 の非公開記録を${stored ? '削除します' : '削除しません（ありません）'}。公開ファイル: ${publicFile(id)?.file ?? 'なし'}`,
      );
    } else {
      const purged = await purgePersonPrivate(db, id);
      await addAudit(db, requestId, by, 'person-purged', `people_private ${id}: ${purged ? 'deleted' : 'none held'}`);
      console.log(`人物 ${id}: D1 の非公開記録を${purged ? '削除しました' : '確認しました（ありませんでした）'}。請求 ${requestId} の監査記録に残しました。`);
      const pub = publicFile(id);
      if (pub) console.log(`次に ${pub.file} を削除する PR を作ってください（docs/operations/data-requests.md）。`);
    }
  } else {
    if (!id) fail(`受付番号を指定してください。使い方: ${USAGE}`);
    const row = await getRequest(db, id);
    if (!row) fail(`受付番号 ${id} は台帳にありません`);
    if (command === 'show') {
      const personal = await decryptPersonal(cfg.encKey, row);
      console.log(`${row.id}  ${label(row)}  状態: ${STATUS_JA[row.status]}${row.refusal_reason ? `（理由: ${row.refusal_reason}）` : ''}`);
      console.log(
        `受付 ${row.received_at}  メール確認 ${row.verified_at ?? '—'}  期限 ${row.due_at}  完了 ${row.closed_at ?? '—'}  言語 ${row.lang}  ボット確認 ${row.bot_check}`,
      );
      console.log('\n内容（個人データ。画面共有・転記に注意）:');
      for (const [k, v] of Object.entries(personal))
        if (v !== null) console.log(`  ${k}: ${(typeof v === 'object' ? JSON.stringify(v) : String(v)).replaceAll('\n', '\n    ')}`);
      console.log(`\n次に進める状態: ${allowedNext(row.kind, row.status).join(', ') || '（完了）'}`);
      console.log('\n監査記録:');
      for (const a of await auditTrail(db, row.id))
        console.log(`  ${a.at}  ${a.actor}  ${a.action}${a.to_status ? ` ${a.from_status ?? ''}→${a.to_status}` : ''}${a.note ? `  ${a.note}` : ''}`);
      const { results } = await db
        .prepare('SELECT id, status, attempts, last_error, result FROM outbox WHERE request_id = ?')
        .bind(row.id)
        .all<{ id: string; status: string; attempts: number; last_error: string | null; result: string | null }>();
      console.log('\n送信:');
      for (const o of results)
        console.log(`  ${o.id}  ${o.status}  試行 ${o.attempts}${o.last_error ? `  最後のエラー ${o.last_error}` : ''}${o.result ? `  ${o.result}` : ''}`);
    } else if (command === 'set-status') {
      const by = flag(args, 'by');
      if (!status || !(REQUEST_STATUSES as readonly string[]).includes(status)) fail(`状態は ${REQUEST_STATUSES.join(' / ')} のいずれかです`);
      if (!by) fail('--by <担当者名> を指定してください（監査記録に残ります）');
      const to = status as RequestStatus;
      if (!allowedNext(row.kind, row.status).includes(to))
        fail(`${STATUS_JA[row.status]} → ${STATUS_JA[to]} には進められません（次に進める状態: ${allowedNext(row.kind, row.status).join(', ') || 'なし'}）`);
      const reason = flag(args, 'reason');
      if (to === 'refused' && !reason) fail('不応諾（refused）には --reason "理由" が必要です。理由は請求者に通知します');
      if (args.includes('--dry-run')) {
        console.log(`（試行のみ）${row.id}: ${STATUS_JA[row.status]} → ${STATUS_JA[to]}、担当 ${by}`);
      } else {
        try {
          const after = await setStatus(db, row.id, to, by, { ...(reason ? { reason } : {}), ...(flag(args, 'note') ? { note: flag(args, 'note')! } : {}) });
          console.log(`${row.id}: ${STATUS_JA[row.status]} → ${STATUS_JA[after.status]}（期限 ${day(after.due_at)}）。監査記録に残しました。`);
          if (row.kind === 'facility-update' && (to === 'answered' || to === 'refused')) {
            const p = await decryptPersonal<UpdatePersonal>(cfg.encKey, row);
            const mail = outcomeMail({
              lang: row.lang,
              requestId: row.id,
              to: p.submitter.email,
              facilityName: p.facilityName,
              published: to === 'answered',
              reason,
            });
            await queueOutbox(db, cfg.encKey, row.id, [{ channel: 'mail', purpose: 'outcome', payload: mail }], 'outcome-queued', false);
            console.log('送信者への結果のお知らせを送信待ちにしました（outbox drain が送ります）。');
          }
        } catch (e) {
          if (e instanceof TransitionError) fail(e.message);
          throw e;
        }
      }
    } else {
      // export: everything held about the requester's email, for a verified disclosure request.
      if (row.kind !== 'data-request' || !['disclosure', 'third-party-record', 'purpose-notice'].includes(row.type ?? ''))
        fail('export は開示系の請求（disclosure など）にだけ使えます');
      if (row.status !== 'verified' && row.status !== 'in_progress') fail(`本人のメール確認が済んだ請求だけ出力できます（現在: ${STATUS_JA[row.status]}）`);
      const me = await decryptPersonal<{ email: string }>(cfg.encKey, row);
      const email = normalizeEmail(me.email);
      const held = await findByEmailHmac(db, await hmac(cfg.hmacKey, 'email', email));
      const submissions = [];
      for (const r of held) {
        submissions.push({
          id: r.id,
          kind: r.kind,
          type: r.type,
          status: r.status,
          receivedAt: r.received_at,
          verifiedAt: r.verified_at,
          closedAt: r.closed_at,
          content: await decryptPersonal(cfg.encKey, r),
          history: (await auditTrail(db, r.id)).map((a) => ({ at: a.at, action: a.action, to: a.to_status })),
        });
      }
      const people = (await findPeopleByEmail(db, cfg, email)).map((p) => ({
        id: p.record.id,
        publicFile: publicFile(p.record.id) ?? null,
        privateRecord: p.record,
        privateRecordUpdatedAt: p.updatedAt,
      }));
      const out = flag(args, 'out') ?? `data-export-${row.id}.json`;
      const doc = {
        exportedAt: new Date().toISOString(),
        request: row.id,
        operator: 'アルトライテクノロジーズ株式会社',
        note: '当社が保有する、このメールアドレスに関する個人データの一覧です（フォームの送信内容と、スタッフ紹介の公開ファイル・非公開の登録内容）。',
        email: me.email,
        formSubmissions: submissions,
        peopleEntries: people,
      };
      writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600 });
      await addAudit(db, row.id, flag(args, 'by') ?? 'operator', 'exported', `${submissions.length} submissions, ${people.length} people entries`);
      console.log(
        `${out} に出力しました（フォームの送信 ${submissions.length} 件、人物ページ ${people.length} 件）。個人データです: 回答に使ったら削除してください。`,
      );
    }
  }
} finally {
  await dispose();
}
