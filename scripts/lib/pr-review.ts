/**
 * The reviewer's summary of a content pull request, and the permission rules the CMS cannot enforce
 * (docs/decisions/0203-editors-reviewer-only.md):
 * - a facility file may be changed only by an account in its `editors` list (or a reviewer);
 * - only reviewers change an `editors` list, delete a facility, or touch anything outside content/facilities;
 * - every changed facility file must validate against the schema;
 * - a staff profile (content/people) may be changed by the editors of a facility where the person works now
 *   (a current affiliation, before or after the change) or a reviewer; only reviewers remove one (APPI 削除);
 *   its changes are listed field by field, and any change to `consent` is flagged for the reviewer to check
 *   against the person's consent record.
 * Pure: the GitHub calls live in scripts/pr-review.ts.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FacilitySchema, PersonSchema } from '../../src/lib/schema/index.ts';
import { fieldChanges, shortValue } from '../../src/lib/util/field-changes.ts';

z.config(z.locales.ja());

export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  /** File text on the base branch (absent for added files). */
  before?: string | undefined;
  /** File text at the pull request's head (absent for removed files). */
  after?: string | undefined;
}

export interface ReviewInput {
  author: string;
  authorIsReviewer: boolean;
  files: readonly ChangedFile[];
  /** Editors of the facilities the changed staff profiles name, on the base branch (facility id → logins). */
  facilityEditors?: ReadonlyMap<string, readonly string[]>;
}

export interface FileVerdict {
  path: string;
  facility?: string;
  /** `field: before → after` lines for the reviewer. */
  changes: string[];
  /** Reasons the pull request must not be merged as it is. */
  problems: string[];
  /** Things the reviewer should check by hand. */
  notes: string[];
}

export interface Review {
  ok: boolean;
  verdicts: FileVerdict[];
  markdown: string;
}

/** Marks our comment so a re-run updates it instead of adding another. */
export const COMMENT_MARKER = '<!-- nakano-pr-review -->';

const FACILITY_FILE = /^content\/facilities\/[^/]+\.yaml$/;
export const PERSON_FILE = /^content\/people\/[^/]+\.yaml$/;
const lower = (xs: unknown): string[] => (Array.isArray(xs) ? xs.map((x) => String(x).toLowerCase()).sort() : []);

/** A file's YAML as a mapping, or why it is not one. */
export function parse(text: string | undefined): { data?: Record<string, unknown>; error?: string } {
  if (text === undefined) return {};
  try {
    const data = parseYaml(text) as unknown;
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? { data: data as Record<string, unknown> }
      : { error: 'YAML の中身が項目の集まりになっていません' };
  } catch {
    return { error: 'YAML として読めません' };
  }
}

function reviewFacility(f: ChangedFile, input: ReviewInput): FileVerdict {
  const v: FileVerdict = { path: f.path, changes: [], problems: [], notes: [] };
  const before = parse(f.before);
  const after = parse(f.after);
  if (after.error) v.problems.push(after.error);
  const b = before.data ?? {};
  const a = after.data ?? {};
  const name = (a['name'] ?? b['name']) as { display?: string } | undefined;
  if (name?.display) v.facility = name.display;

  if (after.data) {
    const result = FacilitySchema.safeParse(after.data);
    if (!result.success) for (const i of result.error.issues) v.problems.push(`${i.path.map(String).join('.')}: ${i.message}`);
  }
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (key === 'provenance' || key === 'lastVerified') continue;
    if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) v.changes.push(`${key}: ${shortValue(b[key])} → ${shortValue(a[key])}`);
  }

  if (input.authorIsReviewer) return v;
  const editorsBefore = lower(b['editors']);
  const editorsAfter = lower(a['editors']);
  if (f.status === 'removed') v.problems.push('施設の削除は審査担当者だけが行えます（閉院・移転は status で表してください）');
  if (f.status === 'added') {
    v.notes.push('新しい施設です。公的な一覧や医療機関への電話で実在を確認してください');
    if (editorsAfter.length > 0) v.problems.push('新しい施設の編集者（editors）は審査担当者が設定します');
  } else if (!editorsBefore.includes(input.author.toLowerCase())) {
    v.problems.push(`@${input.author} はこの施設の編集者（editors）に登録されていません`);
  }
  if (f.status === 'modified' && JSON.stringify(editorsBefore) !== JSON.stringify(editorsAfter)) {
    v.problems.push('編集者（editors）の変更は審査担当者だけが行えます');
  }
  return v;
}

/** The facilities a staff profile's current affiliations (no end date) name. */
export function currentFacilities(data: Record<string, unknown> | undefined): string[] {
  const affs = Array.isArray(data?.['affiliations']) ? (data['affiliations'] as Record<string, unknown>[]) : [];
  return affs.flatMap((a) => (typeof a?.['facility'] === 'string' && a['to'] === undefined ? [a['facility']] : []));
}

function reviewPerson(f: ChangedFile, input: ReviewInput): FileVerdict {
  const v: FileVerdict = { path: f.path, changes: [], problems: [], notes: [] };
  const before = parse(f.before);
  const after = parse(f.after);
  if (after.error) v.problems.push(after.error);
  const b = before.data;
  const a = after.data;
  const name = a?.['name'] ?? b?.['name'];
  if (typeof name === 'string') v.facility = `スタッフ ${name}`;
  if (a) {
    const result = PersonSchema.safeParse(a);
    if (!result.success)
      for (const i of result.error.issues) v.problems.push(`${[...i.path, ...('keys' in i ? i.keys : [])].map(String).join('.')}: ${i.message}`);
  }
  for (const c of fieldChanges(b, a)) v.changes.push(`${c.path}: ${shortValue(c.before)} → ${shortValue(c.after)}`);
  const consentChanged = v.changes.filter((c) => c.startsWith('consent.') || c.startsWith('consent:'));
  if (consentChanged.length > 0)
    v.notes.push(
      `同意の記録（consent）が変わりました（${consentChanged.map((c) => c.split(':')[0]).join('、')}）。本人の同意書・フォームの記録と一致するか確かめてください`,
    );
  if (f.status === 'added') v.notes.push('新しいスタッフ紹介です。本人の同意の記録（D1 の非公開記録、または紙の同意書）があるか確かめてください');
  if (input.authorIsReviewer) return v;
  if (f.status === 'removed') {
    v.problems.push('スタッフ紹介の削除は審査担当者だけが行えます（APPI の請求: docs/operations/data-requests.md）');
    return v;
  }
  const facilities = [...new Set([...currentFacilities(b), ...currentFacilities(a)])];
  const author = input.author.toLowerCase();
  if (!facilities.some((id) => lower(input.facilityEditors?.get(id) ?? []).includes(author)))
    v.problems.push(`@${input.author} はこの人の現在の勤務先（${facilities.join('、') || 'なし'}）の編集者（editors）に登録されていません`);
  return v;
}

export function reviewPullRequest(input: ReviewInput): Review {
  const verdicts = input.files.map((f): FileVerdict => {
    if (FACILITY_FILE.test(f.path)) return reviewFacility(f, input);
    if (PERSON_FILE.test(f.path)) return reviewPerson(f, input);
    const v: FileVerdict = { path: f.path, changes: [], problems: [], notes: [] };
    if (!input.authorIsReviewer) {
      v.problems.push(
        f.path.startsWith('content/')
          ? '語彙（診療科・地域・駅・技能・資格・学会）とページの変更は審査担当者だけが行えます'
          : 'コンテンツ以外のファイルの変更は審査担当者だけが行えます',
      );
    }
    return v;
  });
  const problems = verdicts.reduce((n, v) => n + v.problems.length, 0);
  const ok = problems === 0;
  const lines = [
    COMMENT_MARKER,
    '## 審査用の要約（自動）',
    '',
    `作成者: @${input.author}（${input.authorIsReviewer ? '審査担当者' : '医療機関の編集者'}）・変更ファイル ${verdicts.length} 件`,
    '',
    ok
      ? '✅ 自動の確認では問題は見つかりませんでした。内容が事実か（電話番号・診療時間など）は医療機関の公表情報で確かめてください。'
      : `❌ ${problems} 件の問題があります。直るまでマージしないでください。`,
  ];
  for (const v of verdicts) {
    lines.push('', `### \`${v.path}\`${v.facility ? ` — ${v.facility}` : ''}`);
    for (const p of v.problems) lines.push(`- ❌ ${p}`);
    for (const n of v.notes) lines.push(`- ⚠️ ${n}`);
    if (v.changes.length > 0) lines.push('', '| 変更された項目 |', '|---|', ...v.changes.map((c) => `| ${c.replace(/\|/g, '\\|')} |`));
  }
  return { ok, verdicts, markdown: `${lines.join('\n')}\n` };
}
