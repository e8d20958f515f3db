/**
 * scripts/pr-review.ts against a local fake of the GitHub REST endpoints it uses (pulls/get, pulls/list-files,
 * repos/get-content in raw format, teams/get-membership-for-user-in-org, issues comments), each request
 * checked for what GitHub requires: token, User-Agent, the documented path and media type.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, listen } from '../../scripts/lib/fakes/fake-server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const TOKEN = 'ghs_reviewtest000000000000000000000000';
const before = readFileSync(path.join(root, 'tests/fixtures/content/kaku-clinic.yaml'), 'utf8');
const f = parse(before);
f.contact.phone = '03-1111-2222';
const after = stringify(f);

// A second pull request changes a staff profile (架空): who may edit it depends on the editors of the facility
// where the person works now, which the CLI reads from the base branch.
const personBefore = readFileSync(path.join(root, 'tests/fixtures/demo/people/kakuu-jiro.yaml'), 'utf8');
const personAfter = personBefore.replace('- asthma-care', '- asthma-care\n  - allergy-test');
const facilityAtBase = readFileSync(path.join(root, 'tests/fixtures/demo/facilities/kakuu-arai-kodomo.yaml'), 'utf8');
const repo: Record<string, Partial<Record<'base000' | 'head111', string>>> = {
  'content/facilities/kaku-clinic.yaml': { base000: before, head111: after },
  'content/people/kakuu-jiro.yaml': { base000: personBefore, head111: personAfter },
  'content/facilities/kakuu-arai-kodomo.yaml': { base000: facilityAtBase, head111: facilityAtBase },
};
let prFiles = [{ filename: 'content/facilities/kaku-clinic.yaml', status: 'modified' }];

const comments: { id: number; body: string }[] = [];
const refused: string[] = [];
let author = 'kaku-editor-architect';
let server: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  server = await listen((req, res) => {
    const url = new URL(req.path, 'http://fake');
    const p = decodeURIComponent(url.pathname);
    if (req.headers['authorization'] !== `token ${TOKEN}`) return json(res, 401, { message: 'Bad credentials' });
    if (!req.headers['user-agent']) return json(res, 403, { message: 'User-Agent required' });
    const ok = (status: number, body: unknown) => json(res, status, body);
    if (req.method === 'GET' && p === '/repos/kaku-org/content/pulls/7') {
      return ok(200, { number: 7, user: { login: author }, base: { sha: 'base000' }, head: { sha: 'head111' } });
    }
    if (req.method === 'GET' && p === '/repos/kaku-org/content/pulls/7/files') {
      return ok(200, prFiles);
    }
    const content = /^\/repos\/kaku-org\/content\/contents\/(.+)$/.exec(p);
    if (req.method === 'GET' && content && repo[content[1]!]) {
      if (!String(req.headers['accept']).includes('raw')) return (refused.push(`contents without raw media type: ${req.headers['accept']}`), ok(415, {}));
      const text = repo[content[1]!]![url.searchParams.get('ref') as 'base000' | 'head111'];
      if (text === undefined) return ok(404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
      res.end(text);
      return;
    }
    const team = /^\/orgs\/kaku-org\/teams\/reviewers\/memberships\/([^/]+)$/.exec(p);
    if (req.method === 'GET' && team) return team[1] === 'kaku-reviewer' ? ok(200, { state: 'active', role: 'member' }) : ok(404, { message: 'Not Found' });
    if (req.method === 'GET' && p === '/repos/kaku-org/content/issues/7/comments') return ok(200, comments);
    if (req.method === 'POST' && p === '/repos/kaku-org/content/issues/7/comments') {
      const body = JSON.parse(req.body) as { body?: unknown };
      if (typeof body.body !== 'string') return (refused.push('comment without body'), ok(422, {}));
      comments.push({ id: comments.length + 1, body: body.body });
      return ok(201, comments.at(-1));
    }
    const upd = /^\/repos\/kaku-org\/content\/issues\/comments\/(\d+)$/.exec(p);
    if (req.method === 'PATCH' && upd) {
      const c = comments.find((x) => x.id === Number(upd[1]));
      if (!c) return ok(404, {});
      c.body = (JSON.parse(req.body) as { body: string }).body;
      return ok(200, c);
    }
    refused.push(`${req.method} ${p}`);
    return ok(404, { message: 'Not Found' });
  });
});
afterAll(() => server?.close());

const run = (token = TOKEN) =>
  promisify(execFile)(
    process.execPath,
    [path.join(root, 'scripts/pr-review.ts'), '--repo', 'kaku-org/content', '--pr', '7', '--reviewers-team', 'kaku-org/reviewers'],
    {
      env: { ...process.env, GITHUB_TOKEN: token, GITHUB_API_URL: server.url },
    },
  ).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('npm run pr:review', () => {
  it('posts one summary for an editor of the facility and passes', async () => {
    const r = await run();
    expect(r.code, r.stderr).toBe(0);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('contact: {"phone":"03-0000-0000"} → {"phone":"03-1111-2222"}');
    expect(refused).toEqual([]);
  });

  it('updates the same comment on a re-run and fails for an account that is not an editor', async () => {
    author = 'stranger';
    const r = await run();
    expect(r.code).toBe(1);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('@stranger はこの施設の編集者（editors）に登録されていません');
  });

  it('passes a reviewer, found through the team membership API', async () => {
    author = 'kaku-reviewer';
    expect((await run()).code).toBe(0);
    expect(comments[0]?.body).toContain('審査担当者');
  });

  it('lets the editor of the facility where a person works now change the profile, read from the base branch', async () => {
    prFiles = [{ filename: 'content/people/kakuu-jiro.yaml', status: 'modified' }];
    author = 'kakuu-editor-arai';
    const r = await run();
    expect(r.code, r.stderr).toBe(0);
    expect(comments[0]?.body).toContain('skills.ids.4: （なし） → allergy-test');
    author = 'kaku-editor-architect';
    const other = await run();
    expect(other.code).toBe(1);
    expect(comments[0]?.body).toContain('@kaku-editor-architect はこの人の現在の勤務先（kakuu-arai-kodomo）の編集者');
    expect(refused).toEqual([]);
  });

  it('exits 2 with one clear line when GitHub refuses the token', async () => {
    const r = await run('wrong');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('pr-review: GitHub への問い合わせに失敗しました（401）');
  });
});
