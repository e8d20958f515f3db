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

describe('reviewPullRequest on a staff profile (架空)', () => {
  const person = readFileSync(path.resolve(import.meta.dirname, '../fixtures/demo/people/kakuu-hanako.yaml'), 'utf8');
  const editPerson = (mutate: (p: Record<string, any>) => void): string => {
    const p = parse(person);
    mutate(p);
    return stringify(p);
  };
  const file = (after: string | undefined, status: ChangedFile['status'] = 'modified'): ChangedFile => ({
    path: 'content/people/kakuu-hanako.yaml',
    status,
    ...(status === 'added' ? {} : { before: person }),
    ...(after === undefined ? {} : { after }),
  });
  // 架空 花子 works now at 架空なかの内科クリニック and 架空中野総合病院.
  const facilityEditors = new Map([
    ['kakuu-nakano-naika', ['kakuu-editor-naika']],
    ['kakuu-nakano-byoin', ['kakuu-editor-byoin']],
    ['kakuu-arai-kodomo', ['kakuu-editor-arai']],
  ]);
  const review = (author: string, f: ChangedFile, authorIsReviewer = false) => reviewPullRequest({ author, authorIsReviewer, files: [f], facilityEditors });

  it('lets an editor of a facility where the person works now change the profile, and lists each changed field', () => {
    const r = review('kakuu-editor-byoin', file(editPerson((p) => (p.qualifications[0].verification.status = 'document-seen'))));
    expect(r.ok, r.markdown).toBe(true);
    expect(r.verdicts[0]!.changes).toEqual(['qualifications.0.verification.status: registry-checked → document-seen']);
    expect(r.markdown).toContain('スタッフ 架空 花子');
  });

  it('refuses an editor of another facility', () => {
    const r = review('kakuu-editor-arai', file(editPerson((p) => p.skills.ids.push('ct'))));
    expect(r.ok).toBe(false);
    expect(r.verdicts[0]!.problems.join()).toMatch(/@kakuu-editor-arai はこの人の現在の勤務先（kakuu-nakano-naika、kakuu-nakano-byoin）の編集者/);
  });

  it('flags any change to consent for the reviewer, field by field', () => {
    const r = review('kakuu-editor-naika', file(editPerson((p) => p.consent.sections.push('portfolio'))));
    expect(r.verdicts[0]!.changes).toContain('consent.sections.3: （なし） → portfolio');
    expect(r.verdicts[0]!.notes.join()).toMatch(/同意の記録（consent）が変わりました（consent\.sections\.3）/);
    expect(r.markdown).toContain('⚠️ 同意の記録');
  });

  it('refuses a private value and an invalid one, naming the field', () => {
    const r = review('kakuu-editor-naika', file(editPerson((p) => ((p.email = 'hanako@example.invalid'), (p.affiliations[0].employment = 'sometimes')))));
    expect(r.ok).toBe(false);
    const problems = r.verdicts[0]!.problems.join('\n');
    expect(problems).toMatch(/^email: /m);
    expect(problems).toMatch(/^affiliations\.0\.employment: 勤務形態は/m);
  });

  it('lets only a reviewer remove a profile, and asks for the consent record of a new one', () => {
    expect(review('kakuu-editor-naika', file(undefined, 'removed')).ok).toBe(false);
    expect(review('a-reviewer', file(undefined, 'removed'), true).ok).toBe(true);
    const added = review('kakuu-editor-naika', file(person, 'added'));
    expect(added.ok, added.markdown).toBe(true);
    expect(added.verdicts[0]!.notes.join()).toContain('同意の記録');
  });
});
