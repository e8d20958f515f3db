import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER, reviewPullRequest, type ChangedFile } from '../../scripts/lib/pr-review.ts';

const fixture = readFileSync(path.resolve(import.meta.dirname, '../fixtures/content/kaku-clinic.yaml'), 'utf8');
const edit = (mutate: (f: Record<string, any>) => void): string => {
  const f = parse(fixture);
  mutate(f);
  return stringify(f);
};
const modified = (after: string): ChangedFile => ({ path: 'content/facilities/kaku-clinic.yaml', status: 'modified', before: fixture, after });
const phone = edit((f) => (f.contact.phone = '03-1111-2222'));

describe('reviewPullRequest', () => {
  it('lets a facility editor change their own facility, and lists what changed', () => {
    const r = reviewPullRequest({ author: 'Kaku-Editor-Architect', authorIsReviewer: false, files: [modified(phone)] });
    expect(r.ok).toBe(true);
    expect(r.verdicts[0]?.changes).toEqual(['contact: {"phone":"03-0000-0000"} → {"phone":"03-1111-2222"}']);
    expect(r.markdown.startsWith(COMMENT_MARKER)).toBe(true);
    expect(r.markdown).toContain('✅');
    expect(r.markdown).toContain('架空なかの内科クリニック');
  });

  it('refuses an account that is not in the facility’s editors', () => {
    const r = reviewPullRequest({ author: 'someone-else', authorIsReviewer: false, files: [modified(phone)] });
    expect(r.ok).toBe(false);
    expect(r.verdicts[0]?.problems).toEqual(['@someone-else はこの施設の編集者（editors）に登録されていません']);
  });

  it('refuses an editor who changes the editors list, even of their own facility', () => {
    const r = reviewPullRequest({ author: 'kaku-editor-architect', authorIsReviewer: false, files: [modified(edit((f) => f.editors.push('friend')))] });
    expect(r.verdicts[0]?.problems).toContain('編集者（editors）の変更は審査担当者だけが行えます');
  });

  it('lets a reviewer change editors, delete, and edit vocabularies', () => {
    const r = reviewPullRequest({
      author: 'reviewer',
      authorIsReviewer: true,
      files: [modified(edit((f) => f.editors.push('friend'))), { path: 'content/departments/01001.yaml', status: 'modified', before: 'a: 1', after: 'a: 2' }],
    });
    expect(r.ok).toBe(true);
  });

  it('refuses an invalid value with the field and a Japanese message', () => {
    const r = reviewPullRequest({ author: 'kaku-editor-architect', authorIsReviewer: false, files: [modified(edit((f) => (f.contact.phone = 'abc')))] });
    expect(r.verdicts[0]?.problems).toEqual([expect.stringMatching(/^contact\.phone: 電話番号は半角数字とハイフン/)]);
  });

  it('accepts a new facility from a clinic without editors, asks the reviewer to confirm it exists, and refuses self-granted editors', () => {
    const added = (text: string): ChangedFile => ({ path: 'content/facilities/kaku-clinic.yaml', status: 'added', after: text });
    const ok = reviewPullRequest({ author: 'newcomer', authorIsReviewer: false, files: [added(edit((f) => (f.editors = [])))] });
    expect(ok.ok).toBe(true);
    expect(ok.verdicts[0]?.notes[0]).toMatch(/実在を確認/);
    const selfGranted = reviewPullRequest({ author: 'newcomer', authorIsReviewer: false, files: [added(edit((f) => (f.editors = ['newcomer'])))] });
    expect(selfGranted.verdicts[0]?.problems).toContain('新しい施設の編集者（editors）は審査担当者が設定します');
  });

  it('refuses deletions and changes outside the facility files from non-reviewers', () => {
    const r = reviewPullRequest({
      author: 'kaku-editor-architect',
      authorIsReviewer: false,
      files: [
        { path: 'content/facilities/kaku-clinic.yaml', status: 'removed', before: fixture },
        { path: 'content/stations/nakano.yaml', status: 'modified', before: 'a: 1', after: 'a: 2' },
        { path: 'functions/_middleware.ts', status: 'modified', before: '', after: '' },
      ],
    });
    expect(r.verdicts.map((v) => v.problems.length)).toEqual([1, 1, 1]);
    expect(r.markdown).toContain('❌ 3 件の問題があります');
  });

  it('reports a file that is not YAML instead of crashing', () => {
    const r = reviewPullRequest({ author: 'kaku-editor-architect', authorIsReviewer: false, files: [modified('id: [unclosed')] });
    expect(r.verdicts[0]?.problems[0]).toBe('YAML として読めません');
  });
});
