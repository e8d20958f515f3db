/**
 * functions/_lib/content-pr.ts against the local GitHub repository fake (scripts/lib/fakes/github-repo.ts), which
 * checks every call against GitHub's published request shapes: a proposal becomes one branch, commits and one
 * labelled PR; a duplicate changes nothing; a second proposal joins the open PR; a deletion removes the file;
 * GitHub down, then a retry, gives one PR; and nothing but public values is sent.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { proposeChange, type ContentRepo, type ProposedChange } from '../../functions/_lib/content-pr.ts';
import { json, listen } from '../../scripts/lib/fakes/fake-server.ts';
import { handle, newRepo, type FakeRepo } from '../../scripts/lib/fakes/github-repo.ts';

const root = path.resolve(import.meta.dirname, '../..');
const TOKEN = 'ghp_contentprtest0000000000000000000000';
const facility = readFileSync(path.join(root, 'tests/fixtures/demo/facilities/kakuu-nakano-naika.yaml'), 'utf8');
const person = readFileSync(path.join(root, 'tests/fixtures/demo/people/kakuu-nana.yaml'), 'utf8');
const FILE = 'content/facilities/kakuu-nakano-naika.yaml';

let repo: FakeRepo;
let server: Awaited<ReturnType<typeof listen>>;
let cfg: ContentRepo;
beforeAll(async () => {
  server = await listen((req, res) => {
    if (req.headers['authorization'] !== `token ${TOKEN}`) return json(res, 401, { message: 'Bad credentials' });
    if (!req.headers['user-agent']) return json(res, 403, { message: 'User-Agent required' });
    if (!handle(repo, 'kakuu-org/content', req, res)) json(res, 404, { message: 'Not Found' });
  });
  cfg = { token: TOKEN, owner: 'kakuu-org', repo: 'content', api: server.url, base: 'main' };
});
afterAll(() => server?.close());
beforeEach(() => {
  repo = newRepo({ [FILE]: facility, 'content/people/kakuu-nana.yaml': person });
});

/** Proposes `change` with GitHub going down from its `n`-th write on (the earlier ones went through), then back up. */
async function proposeFailingAtWrite(n: number, change: ProposedChange) {
  let writes = 0;
  const original = repo.log.push.bind(repo.log);
  repo.log.push = (...items) => {
    for (const q of items) if (q.method !== 'GET' && ++writes === n) repo.down = true;
    return original(...items);
  };
  try {
    return await proposeChange(cfg, change);
  } finally {
    repo.log.push = original;
    repo.down = false;
  }
}

const update = (phone: string): ProposedChange => ({
  kind: 'facility-update',
  subject: 'kakuu-nakano-naika',
  files: [{ path: FILE, text: facility.replace(/phone: .*/, `phone: ${phone}`) }],
  title: '[掲載情報の更新] 架空なかの内科クリニック',
  body: `| 項目 | 変更前 | 変更後 |\n|---|---|---|\n| contact.phone | 03-0000-0000 | ${phone} |`,
});

describe('proposeChange', () => {
  it('opens one labelled PR from its own branch with the new file, and sends only public values', async () => {
    const r = await proposeChange(cfg, update('03-1111-2222'));
    expect(r).toMatchObject({ ok: true, number: 1, joined: false, unchanged: false });
    const pr = repo.pulls[0]!;
    expect(pr.labels).toEqual(['facility-update']);
    expect(pr.head).toMatch(/^self-service\/facility-update\/kakuu-nakano-naika\/[0-9a-f]{12}$/);
    expect(repo.branches.get(pr.head)!.get(FILE)).toContain('phone: 03-1111-2222');
    expect(repo.branches.get('main')!.get(FILE)).toContain('phone: 03-0000-0000');
    expect(repo.commits.get(pr.head)!.at(-1)).toMatch(/^facility-update: kakuu-nakano-naika \([0-9a-f]{12}\)$/);
    // What GitHub received: the public id, the public YAML, the title and body the caller wrote.
    const sent = repo.log.map((q) => `${q.path}\n${q.body}`).join('\n');
    expect(sent).not.toMatch(/@|example\.invalid/);
  });

  it('changes nothing for a duplicate submission', async () => {
    await proposeChange(cfg, update('03-1111-2222'));
    const commits = repo.commits.get(repo.pulls[0]!.head)!.length;
    const again = await proposeChange(cfg, update('03-1111-2222'));
    expect(again).toMatchObject({ ok: true, number: 1, unchanged: true });
    expect(repo.pulls).toHaveLength(1);
    expect(repo.commits.get(repo.pulls[0]!.head)).toHaveLength(commits);
  });

  it('adds a second update for the same facility to the open PR', async () => {
    await proposeChange(cfg, update('03-1111-2222'));
    const second = await proposeChange(cfg, update('03-3333-4444'));
    expect(second).toMatchObject({ ok: true, number: 1, joined: true });
    expect(repo.pulls).toHaveLength(1);
    expect(repo.branches.get(repo.pulls[0]!.head)!.get(FILE)).toContain('phone: 03-3333-4444');
    expect(repo.pulls[0]!.body).toContain('03-3333-4444');
  });

  it('removes a file for a withdrawal', async () => {
    const r = await proposeChange(cfg, {
      kind: 'person-withdrawal',
      subject: 'kakuu-nana',
      files: [{ path: 'content/people/kakuu-nana.yaml', text: null }],
      title: '[掲載の取り下げ] kakuu-nana',
      body: '本人の申し出により掲載をやめます。',
    });
    expect(r).toMatchObject({ ok: true, number: 1 });
    expect(repo.branches.get(repo.pulls[0]!.head)!.has('content/people/kakuu-nana.yaml')).toBe(false);
    expect(repo.pulls[0]!.labels).toEqual(['person-withdrawal']);
  });

  it('reports GitHub being down, and a retry then gives one PR', async () => {
    repo.down = true;
    const failed = await proposeChange(cfg, update('03-1111-2222'));
    expect(failed).toEqual({ ok: false, error: 'http-503' });
    repo.down = false;
    const retried = await proposeChange(cfg, update('03-1111-2222'));
    expect(retried).toMatchObject({ ok: true, number: 1 });
    expect(repo.pulls).toHaveLength(1);
  });

  it('finishes a proposal that failed after its branch was made, without a second branch', async () => {
    const change = update('03-1111-2222');
    // The branch and commit went through, then GitHub failed before the PR was opened.
    const before = repo.log.length;
    expect((await proposeFailingAtWrite(3, change)).ok).toBe(false);
    expect(repo.log.length).toBeGreaterThan(before);
    expect(repo.pulls).toHaveLength(0);
    const r = await proposeChange(cfg, change);
    expect(r).toMatchObject({ ok: true, number: 1 });
    expect([...repo.branches.keys()].filter((b) => b.startsWith('self-service/'))).toHaveLength(1);
  });

  it('labels on the retry a PR that was opened but not labelled (GitHub failed in between)', async () => {
    const change = update('03-1111-2222');
    // Branch, commit and PR went through; the fourth write, the label, fails.
    expect((await proposeFailingAtWrite(4, change)).ok).toBe(false);
    expect(repo.pulls.map((p) => p.labels)).toEqual([[]]);
    expect(await proposeChange(cfg, change)).toMatchObject({ ok: true, number: 1, unchanged: true });
    expect(repo.pulls.map((p) => p.labels)).toEqual([['facility-update']]);
  });

  it('refuses a path outside content/ or a subject that is not an id, before calling GitHub', async () => {
    expect(await proposeChange(cfg, { ...update('03-1111-2222'), files: [{ path: '.github/workflows/x.yaml', text: 'x' }] })).toEqual({
      ok: false,
      error: 'bad-path',
    });
    expect(await proposeChange(cfg, { ...update('03-1111-2222'), subject: '../main' })).toEqual({ ok: false, error: 'bad-subject' });
    expect(repo.log).toHaveLength(0);
  });
});
