/**
 * The repository half of the GitHub fake: an in-memory content repository with branches, and the REST
 * operations a change proposal uses, each body checked against GitHub's OpenAPI description (types from
 * @octokit/openapi-types; only documented keys, the required ones present, the documented types):
 *   git/get-ref, git/create-ref, repos/get-content, repos/create-or-update-file-contents, repos/delete-file,
 *   pulls/list, pulls/create, pulls/update, issues/add-labels.
 * Every request is kept (`log`), so a test can prove what GitHub received and what it did not.
 * `handle` answers the routes it knows and returns false for the others (github-issues.fake.ts serves both).
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { operations } from '@octokit/openapi-types';
import { json, type RecordedRequest } from './fake-server.ts';

type Body<Op extends keyof operations> = operations[Op] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** The documented keys of each request body: the fake refuses any other. */
const KEYS: {
  createRef: (keyof Body<'git/create-ref'>)[];
  putFile: (keyof Body<'repos/create-or-update-file-contents'>)[];
  deleteFile: (keyof Body<'repos/delete-file'>)[];
  createPull: (keyof Body<'pulls/create'>)[];
  updatePull: (keyof Body<'pulls/update'>)[];
} = {
  createRef: ['ref', 'sha'],
  putFile: ['message', 'content', 'sha', 'branch', 'committer', 'author'],
  deleteFile: ['message', 'sha', 'branch', 'committer', 'author'],
  createPull: ['title', 'head', 'head_repo', 'base', 'body', 'maintainer_can_modify', 'draft', 'issue'],
  updatePull: ['title', 'body', 'state', 'base', 'maintainer_can_modify'],
};

export interface FakePull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
  labels: string[];
}

export interface FakeRepo {
  /** branch → path → text */
  branches: Map<string, Map<string, string>>;
  /** branch → commit messages, oldest first */
  commits: Map<string, string[]>;
  pulls: FakePull[];
  /** Every request this fake answered (method, path, body), for privacy assertions. */
  log: RecordedRequest[];
  /** While set, every write answers 503 (GitHub down). */
  down: boolean;
}

export function newRepo(files: Record<string, string>, base = 'main'): FakeRepo {
  return { branches: new Map([[base, new Map(Object.entries(files))]]), commits: new Map([[base, ['initial']]]), pulls: [], log: [], down: false };
}

const blobSha = (text: string) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest('hex');
const headSha = (repo: FakeRepo, branch: string) =>
  createHash('sha1')
    .update(`${branch}\n${(repo.commits.get(branch) ?? []).join('\n')}`)
    .digest('hex');

function checkKeys(body: unknown, allowed: readonly string[], required: readonly string[]): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return ['body must be an object'];
  const b = body as Record<string, unknown>;
  return [
    ...Object.keys(b)
      .filter((k) => !allowed.includes(k))
      .map((k) => `${k} is not a permitted key`),
    ...required.filter((k) => typeof b[k] !== 'string' || b[k] === '').map((k) => `${k} is required`),
  ];
}

/** Answers a repository route of `owner/name`; false when the route is not one of these. */
export function handle(repo: FakeRepo, fullName: string, req: RecordedRequest, res: ServerResponse): boolean {
  const url = new URL(req.path, 'http://fake');
  const p = decodeURIComponent(url.pathname);
  const prefix = `/repos/${fullName}`;
  if (!p.startsWith(`${prefix}/`) || /\/issues$/.test(p)) return false;
  const route = p.slice(prefix.length);
  repo.log.push(req);
  let body: Record<string, unknown> = {};
  if (req.body) {
    try {
      body = JSON.parse(req.body) as Record<string, unknown>;
    } catch {
      json(res, 400, { message: 'Problems parsing JSON' });
      return true;
    }
  }
  const invalid = (errs: string[]) =>
    errs.length ? (json(res, 422, { message: 'Validation Failed', errors: errs.map((message) => ({ code: 'invalid', message })) }), true) : false;
  if (repo.down && req.method !== 'GET') {
    json(res, 503, { message: 'Service Unavailable (simulated)' });
    return true;
  }

  let m: RegExpExecArray | null;
  if (req.method === 'GET' && (m = /^\/git\/ref\/heads\/(.+)$/.exec(route))) {
    if (!repo.branches.has(m[1]!)) return (json(res, 404, { message: 'Not Found' }), true);
    json(res, 200, { ref: `refs/heads/${m[1]}`, node_id: 'REF_fake', url: '', object: { type: 'commit', sha: headSha(repo, m[1]!), url: '' } });
    return true;
  }
  if (req.method === 'POST' && route === '/git/refs') {
    if (invalid(checkKeys(body, KEYS.createRef, ['ref', 'sha']))) return true;
    const ref = String(body['ref']);
    if (!ref.startsWith('refs/heads/') || ref.split('/').length < 3) return invalid(['ref must be a fully qualified reference (refs/heads/…)']);
    const name = ref.slice('refs/heads/'.length);
    if (repo.branches.has(name)) return invalid(['Reference already exists']);
    const from = [...repo.branches.keys()].find((b) => headSha(repo, b) === body['sha']);
    if (!from) return invalid(['Object does not exist']);
    repo.branches.set(name, new Map(repo.branches.get(from)));
    repo.commits.set(name, [...(repo.commits.get(from) ?? [])]);
    json(res, 201, { ref, node_id: 'REF_fake', url: '', object: { type: 'commit', sha: headSha(repo, name), url: '' } });
    return true;
  }
  if ((m = /^\/contents\/(.+)$/.exec(route))) {
    const path = m[1]!;
    if (req.method === 'GET') {
      const files = repo.branches.get(url.searchParams.get('ref') ?? 'main');
      const text = files?.get(path);
      if (text === undefined) return (json(res, 404, { message: 'Not Found' }), true);
      json(res, 200, {
        type: 'file',
        encoding: 'base64',
        size: Buffer.byteLength(text),
        name: path.split('/').pop(),
        path,
        sha: blobSha(text),
        content: Buffer.from(text).toString('base64'),
      });
      return true;
    }
    const put = req.method === 'PUT';
    if (!put && req.method !== 'DELETE') return false;
    if (invalid(checkKeys(body, put ? KEYS.putFile : KEYS.deleteFile, put ? ['message', 'content'] : ['message', 'sha']))) return true;
    const branch = typeof body['branch'] === 'string' ? body['branch'] : 'main';
    const files = repo.branches.get(branch);
    if (!files) return invalid([`Branch ${branch} not found`]);
    const old = files.get(path);
    if (old !== undefined && body['sha'] !== blobSha(old)) return (json(res, 409, { message: `${path} does not match ${String(body['sha'])}` }), true);
    if (old === undefined && !put) return (json(res, 404, { message: 'Not Found' }), true);
    if (old === undefined && body['sha'] !== undefined) return invalid(['sha given for a new file']);
    if (put) files.set(path, Buffer.from(String(body['content']), 'base64').toString('utf8'));
    else files.delete(path);
    repo.commits.get(branch)!.push(String(body['message']));
    const sha = headSha(repo, branch);
    json(res, put && old === undefined ? 201 : 200, {
      content: put ? { path, sha: blobSha(files.get(path)!) } : null,
      commit: { sha, message: body['message'] },
    });
    return true;
  }
  if (route === '/pulls' && req.method === 'GET') {
    const head = url.searchParams.get('head');
    const state = url.searchParams.get('state') ?? 'open';
    const owner = fullName.split('/')[0];
    json(
      res,
      200,
      repo.pulls
        .filter((pr) => (state === 'all' || pr.state === state) && (!head || head === `${owner}:${pr.head}`))
        .map((pr) => ({
          number: pr.number,
          state: pr.state,
          title: pr.title,
          body: pr.body,
          html_url: `https://github.com/${fullName}/pull/${pr.number}`,
          head: { ref: pr.head },
          base: { ref: pr.base },
          labels: pr.labels.map((name) => ({ name })),
        })),
    );
    return true;
  }
  if (route === '/pulls' && req.method === 'POST') {
    if (invalid(checkKeys(body, KEYS.createPull, ['head', 'base', 'title']))) return true;
    const head = String(body['head']);
    if (!repo.branches.has(head)) return invalid([`head ${head} is not a branch`]);
    if (repo.pulls.some((pr) => pr.state === 'open' && pr.head === head)) return invalid([`A pull request already exists for ${head}`]);
    const pr: FakePull = {
      number: repo.pulls.length + 1,
      title: String(body['title']),
      body: String(body['body'] ?? ''),
      head,
      base: String(body['base']),
      state: 'open',
      labels: [],
    };
    repo.pulls.push(pr);
    json(res, 201, {
      number: pr.number,
      state: 'open',
      html_url: `https://github.com/${fullName}/pull/${pr.number}`,
      head: { ref: head },
      base: { ref: pr.base },
    });
    return true;
  }
  if ((m = /^\/pulls\/(\d+)$/.exec(route)) && req.method === 'PATCH') {
    if (invalid(checkKeys(body, KEYS.updatePull, []))) return true;
    const pr = repo.pulls.find((x) => x.number === Number(m![1]));
    if (!pr) return (json(res, 404, { message: 'Not Found' }), true);
    if (typeof body['title'] === 'string') pr.title = body['title'];
    if (typeof body['body'] === 'string') pr.body = body['body'];
    json(res, 200, { number: pr.number, state: pr.state, html_url: `https://github.com/${fullName}/pull/${pr.number}` });
    return true;
  }
  if ((m = /^\/issues\/(\d+)\/labels$/.exec(route)) && req.method === 'POST') {
    const labels = body['labels'];
    if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string') || labels.length === 0)
      return invalid(['labels must be a non-empty array of strings']);
    const pr = repo.pulls.find((x) => x.number === Number(m![1]));
    if (!pr) return (json(res, 404, { message: 'Not Found' }), true);
    pr.labels = [...new Set([...pr.labels, ...(labels as string[])])];
    json(
      res,
      200,
      pr.labels.map((name) => ({ name, color: 'ededed', default: false })),
    );
    return true;
  }
  json(res, 404, { message: 'Not Found' });
  return true;
}
