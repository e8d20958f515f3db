/** The import's Markdown summary, ready to paste as a pull-request description, and its exit code. */
import path from 'node:path';
import type { ImportResult } from './import.ts';

const SOURCE_JA = { facility: '施設が確認', operator: '運営者が確認', 'official-list': '公式一覧', mhlw: '医療情報ネット', derived: '推定' } as const;
/** Table cells: no pipes or newlines. */
const cell = (s: string) => s.replace(/\|/gu, '｜').replace(/\r?\n/gu, ' ');
const ENCODING_JA = { 'utf-8': 'UTF-8', cp932: 'Shift_JIS (CP932)' } as const;

/** 0: nothing needs a decision; 3: conflicts, ambiguous matches, skipped or new facilities need review. */
export const exitCodeFor = (r: ImportResult): number => (r.conflicts.length + r.ambiguous.length + r.skipped.length + r.created.length > 0 ? 3 : 0);

export function renderReport(r: ImportResult, opts: { dryRun: boolean }): string {
  const out: string[] = [];
  out.push(`## 医療情報ネット取り込み（${r.snapshot} 版・市区町村コード ${r.city}）`, '');
  if (opts.dryRun) out.push('> 試行（--dry-run）: ファイルは書き換えていません。', '');
  out.push('| ファイル | 文字コード | 全行数 | 対象の行 |', '|---|---|--:|--:|');
  for (const f of r.files) out.push(`| ${cell(path.basename(f.file))} | ${f.encoding ? ENCODING_JA[f.encoding] : '—'} | ${f.rows} | ${f.kept} |`);
  out.push('');
  out.push(
    '| 結果 | 件数 |',
    '|---|--:|',
    `| 一致（医療情報ネット ID） | ${r.matched.byId} |`,
    `| 一致（名称・住所） | ${r.matched.byNameAddress} |`,
    `| 更新した施設 | ${r.updated.length} |`,
    `| 変更なし | ${r.unchanged} |`,
    `| 新規（要確認） | ${r.created.length} |`,
    `| 競合（編集者・公式一覧の値を保持） | ${r.conflicts.length} |`,
    `| あいまいな一致（取り込みなし） | ${r.ambiguous.length} |`,
    `| 取り込めなかった施設 | ${r.skipped.length} |`,
    `| ファイルにない施設（削除なし） | ${r.missing.length} |`,
    `| データの警告がある施設 | ${r.warnings.length} |`,
    '',
  );
  if (r.created.length > 0) {
    out.push('### 新規（要確認）', '', '公式一覧に載っているか、施設が実在し開設中かを確認してから承認してください。', '');
    for (const c of r.created) out.push(`- [ ] \`${c.id}\` ${c.name}（${c.address}）`);
    out.push('');
  }
  if (r.updated.length > 0) {
    out.push('### 変更した項目', '');
    for (const u of r.updated) {
      out.push(`<details><summary><code>${u.id}</code> ${u.name}（${u.changes.length} 項目）</summary>`, '', '| 項目 | 変更前 | 変更後 |', '|---|---|---|');
      for (const c of u.changes) out.push(`| ${c.field} | ${cell(c.before)} | ${cell(c.after)} |`);
      out.push('', '</details>', '');
    }
  }
  if (r.conflicts.length > 0) {
    out.push('### 競合（いまの値を残しました）', '', '医療情報ネットの値が正しければ、施設に確認のうえ手で直してください。', '');
    out.push('| 施設 | 項目 | いまの値（出典） | 医療情報ネット |', '|---|---|---|---|');
    for (const c of r.conflicts)
      for (const x of c.conflicts) out.push(`| \`${c.id}\` ${cell(c.name)} | ${x.field} | ${cell(x.local)}（${SOURCE_JA[x.source]}） | ${cell(x.mhlw)} |`);
    out.push('');
  }
  if (r.ambiguous.length > 0) {
    out.push('### あいまいな一致（取り込んでいません）', '', '同じ施設なら、その施設のファイルに `codes.mhlw` を書いて再実行してください。', '');
    out.push('| 医療情報ネット | 候補 | 理由 |', '|---|---|---|');
    for (const a of r.ambiguous)
      out.push(`| ${a.mhlwId} ${cell(a.name)}（${cell(a.address)}） | ${a.candidates.map((c) => `\`${c.id}\` ${cell(c.name)}`).join('<br>')} | ${a.reason} |`);
    out.push('');
  }
  if (r.skipped.length > 0) {
    out.push('### 取り込めなかった施設', '');
    for (const s of r.skipped) out.push(`- ${s.mhlwId} ${s.name}（${s.address}）: ${s.reason}`);
    out.push('');
  }
  if (r.missing.length > 0) {
    out.push('### ファイルにない施設（削除していません）', '', '廃止・休止・移転の可能性があります。施設に確認してから状態（status）を更新してください。', '');
    out.push(`<details><summary>${r.missing.length} 施設</summary>`, '');
    for (const m of r.missing) out.push(`- \`${m.id}\` ${m.name}（${m.address}）`);
    out.push('', '</details>', '');
  }
  if (r.warnings.length > 0) {
    out.push('### データの警告', '', '<details><summary>修正・除外した値の一覧</summary>', '');
    for (const w of r.warnings) {
      out.push(`- ${w.mhlwId} ${w.name}${w.facility ? `（\`${w.facility}\`）` : ''}`);
      for (const m of w.messages) out.push(`  - ${m}`);
    }
    out.push('', '</details>', '');
  }
  out.push('出典: 厚生労働省「医療情報ネット」オープンデータ（公共データ利用規約 第1.0版）をもとに加工して作成');
  return out.join('\n') + '\n';
}
