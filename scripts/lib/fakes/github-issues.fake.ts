/**
 * Fake GitHub REST API: POST /repos/{owner}/{repo}/issues (correction reports) and, through github-repo.ts, the
 * repository operations a self-service change proposal uses (refs, contents, pulls, labels). Issues are checked
 * against GitHub's OpenAPI description
 * (operation issues/create; types from @octokit/openapi-types): a token in Authorization (`token …` or
 * `Bearer …`), a User-Agent, a JSON Accept, X-GitHub-Api-Version when given must be a published one, and a
 * body with `title` (string or integer) plus only the documented optional properties. Answers 201 with an
 * issue, 401/404/415/422 like GitHub otherwise.
 *
 * Control (tests only): POST /_control/down {"match": "<text>"} makes issue creation fail with 503 for
 * bodies containing the text, until POST /_control/up {"match": …}; GET /_control/issues?match=… lists
 * created issues. The repository: POST /_control/repo/files {"files": {path: text}} adds files to main,
 * POST /_control/repo/down {"down": true|false}, GET /_control/repo returns its pulls, branches and request log.
 */
import type { components, operations } from '@octokit/openapi-types';
import { json, listen, type Fake } from './fake-server.ts';
import { handle, newRepo } from './github-repo.ts';

export const GITHUB_TEST_TOKEN = 'ghp_testtoken000000000000000000000000';
export const GITHUB_TEST_REPO = 'nakano-test/content';

type CreateIssueBody = NonNullable<operations['issues/create']['requestBody']>['content']['application/json'];
/** The fields of GitHub's issue object that the fake answers with (a subset: the rest is not read by the code). */
type Issue = Pick<components['schemas']['issue'], 'id' | 'number' | 'node_id' | 'url' | 'html_url' | 'title' | 'body' | 'state' | 'created_at'> & {
  labels: { name?: string }[];
};

/** The properties issues/create documents; anything else is refused. */
const ALLOWED: readonly (keyof CreateIssueBody)[] = ['title', 'body', 'assignee', 'milestone', 'labels', 'assignees', 'type'];

export function checkCreateIssue(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return ['body must be an object'];
  const b = body as Record<string, unknown>;
  const errs: string[] = [];
  for (const k of Object.keys(b)) if (!(ALLOWED as readonly string[]).includes(k)) errs.push(`${k} is not a permitted key`);
  if (!(typeof b['title'] === 'string' && b['title'].length > 0) && !Number.isInteger(b['title'])) errs.push('title is required (string or integer)');
  if (b['body'] !== undefined && typeof b['body'] !== 'string') errs.push('body must be a string');
  if (
    b['labels'] !== undefined &&
    !(
      Array.isArray(b['labels']) &&
      b['labels'].every((l) => typeof l === 'string' || (typeof l === 'object' && l !== null && typeof (l as { name?: unknown }).name === 'string'))
    )
  ) {
    errs.push('labels must be strings or objects with a name');
  }
  if (b['assignees'] !== undefined && !(Array.isArray(b['assignees']) && b['assignees'].every((a) => typeof a === 'string')))
    errs.push('assignees must be strings');
  return errs;
}

export async function start(): Promise<Fake> {
  const issues: (Issue & { repo: string })[] = [];
  const down = new Set<string>();
  const repo = newRepo({});
  const server = await listen((req, res) => {
    const url = new URL(req.path, 'http://fake');
    if (url.pathname === '/_control/down' && req.method === 'POST') {
      down.add((JSON.parse(req.body) as { match: string }).match);
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_control/up' && req.method === 'POST') {
      down.delete((JSON.parse(req.body) as { match: string }).match);
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_control/issues') {
      const m = url.searchParams.get('match');
      return json(
        res,
        200,
        issues.filter((i) => !m || `${i.title}\n${i.body ?? ''}`.includes(m)),
      );
    }
    if (url.pathname === '/_control/repo/files' && req.method === 'POST') {
      const main = repo.branches.get('main')!;
      for (const [k, v] of Object.entries((JSON.parse(req.body) as { files: Record<string, string> }).files)) main.set(k, v);
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_control/repo/down' && req.method === 'POST') {
      repo.down = (JSON.parse(req.body) as { down: boolean }).down;
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_control/repo') {
      return json(res, 200, {
        pulls: repo.pulls,
        branches: Object.fromEntries([...repo.branches].map(([b, files]) => [b, Object.fromEntries(files)])),
        commits: Object.fromEntries(repo.commits),
        log: repo.log,
      });
    }
    const route = /^\/repos\/([^/]+)\/([^/]+)\//.exec(url.pathname);
    if (!route) return json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const auth = String(req.headers['authorization'] ?? '');
    if (auth !== `token ${GITHUB_TEST_TOKEN}` && auth !== `Bearer ${GITHUB_TEST_TOKEN}`)
      return json(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    if (!req.headers['user-agent'])
      return json(res, 403, { message: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.' });
    const accept = String(req.headers['accept'] ?? '');
    if (!/application\/(vnd\.github(\.v3)?\+)?json/.test(accept)) return json(res, 415, { message: 'Unsupported Accept header' });
    const version = req.headers['x-github-api-version'];
    if (version !== undefined && version !== '2022-11-28' && version !== '2026-03-10')
      return json(res, 400, { message: `Unsupported API version ${String(version)}` });
    if (`${route[1]}/${route[2]}` !== GITHUB_TEST_REPO) return json(res, 404, { message: 'Not Found' });
    if (handle(repo, GITHUB_TEST_REPO, req, res)) return;
    if (url.pathname !== `/repos/${GITHUB_TEST_REPO}/issues` || req.method !== 'POST') return json(res, 404, { message: 'Not Found' });
    let body: unknown;
    try {
      body = JSON.parse(req.body);
    } catch {
      return json(res, 400, { message: 'Problems parsing JSON' });
    }
    const errs = checkCreateIssue(body);
    if (errs.length > 0) return json(res, 422, { message: 'Validation Failed', errors: errs.map((e) => ({ resource: 'Issue', code: 'invalid', message: e })) });
    const b = body as CreateIssueBody;
    if ([...down].some((m) => `${b.title}\n${b.body ?? ''}`.includes(m))) return json(res, 503, { message: 'Service Unavailable (simulated)' });
    const number = issues.length + 1;
    const issue: Issue & { repo: string } = {
      id: 1000 + number,
      number,
      node_id: `I_fake${number}`,
      url: `https://api.github.com/repos/${GITHUB_TEST_REPO}/issues/${number}`,
      html_url: `https://github.com/${GITHUB_TEST_REPO}/issues/${number}`,
      title: String(b.title),
      body: b.body ?? null,
      state: 'open',
      labels: (b.labels ?? []).map((l) => ({ name: typeof l === 'string' ? l : l.name })),
      created_at: new Date().toISOString(),
      repo: `${route[1]}/${route[2]}`,
    };
    issues.push(issue);
    return json(res, 201, issue);
  });
  return {
    name: 'github-issues',
    url: server.url,
    bindings: { GITHUB_API_BASE: server.url, GITHUB_TOKEN: GITHUB_TEST_TOKEN, GITHUB_CONTENT_REPO: GITHUB_TEST_REPO },
    stop: server.close,
  };
}
