#!/usr/bin/env node
/**
 * `npm run pr:review -- --repo <owner/name> --pr <number> [--reviewers-team <org/team> | --reviewers a,b] [--dry-run]`
 * Reads a pull request through the GitHub API (GITHUB_TOKEN; GITHUB_API_URL for another host), checks the
 * changed content against the schema and the editor rules, and posts or updates one summary comment.
 * Exit 0: nothing blocks the merge; 1: problems (the check fails); 2: usage or GitHub error.
 * Runs from .github/workflows/pr-review.yml on the base branch's code: it never executes the PR's files.
 */
import { parseArgs } from 'node:util';
import { Octokit } from '@octokit/rest';
import { COMMENT_MARKER, currentFacilities, parse, PERSON_FILE, reviewPullRequest, type ChangedFile } from './lib/pr-review.ts';

const fail = (msg: string): never => {
  console.error(`pr-review: ${msg}`);
  process.exit(2);
};

const { values } = parseArgs({
  options: {
    repo: { type: 'string' },
    pr: { type: 'string' },
    'reviewers-team': { type: 'string' },
    reviewers: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const [owner, repo] = (values.repo ?? '').split('/');
const pull_number = Number(values.pr);
if (!owner || !repo || !Number.isInteger(pull_number) || pull_number <= 0) fail('--repo <owner/name> と --pr <番号> が必要です');
const token = process.env['GITHUB_TOKEN'] ?? fail('GITHUB_TOKEN が設定されていません');
const octokit = new Octokit({
  auth: token,
  baseUrl: process.env['GITHUB_API_URL'] ?? 'https://api.github.com',
  userAgent: 'nakano-clinic-db-pr-review',
  // Expected 404s (not a team member, a file added or removed) are handled below; say nothing per request.
  log: { debug: () => {}, info: () => {}, warn: console.warn, error: () => {} },
});
const o = owner as string;
const r = repo as string;

async function isReviewer(login: string): Promise<boolean> {
  if (values.reviewers)
    return values.reviewers
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .includes(login.toLowerCase());
  const [org, team_slug] = (values['reviewers-team'] ?? '').split('/');
  if (!org || !team_slug) return fail('--reviewers-team <org/team> か --reviewers <a,b> が必要です');
  try {
    const m = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug, username: login });
    return m.data.state === 'active';
  } catch (e) {
    if ((e as { status?: number }).status === 404) return false;
    throw e;
  }
}

async function fileAt(path: string, ref: string): Promise<string | undefined> {
  try {
    const res = await octokit.rest.repos.getContent({ owner: o, repo: r, path, ref, mediaType: { format: 'raw' } });
    return String(res.data);
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw e;
  }
}

try {
  const { data: pr } = await octokit.rest.pulls.get({ owner: o, repo: r, pull_number });
  const author = pr.user?.login ?? fail('pull request の作成者が分かりません');
  const listed = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: o, repo: r, pull_number, per_page: 100 });
  const files: ChangedFile[] = [];
  for (const f of listed) {
    const status = f.status === 'removed' ? 'removed' : f.status === 'added' ? 'added' : f.status === 'renamed' ? 'renamed' : 'modified';
    files.push({
      path: f.filename,
      status,
      before: status === 'added' ? undefined : await fileAt(f.previous_filename ?? f.filename, pr.base.sha),
      after: status === 'removed' ? undefined : await fileAt(f.filename, pr.head.sha),
    });
  }
  // Who may edit a staff profile: the editors of the facilities the person works at now, as on the base branch.
  const facilityEditors = new Map<string, string[]>();
  for (const f of files.filter((x) => PERSON_FILE.test(x.path)))
    for (const text of [f.before, f.after])
      for (const id of currentFacilities(parse(text).data))
        if (!facilityEditors.has(id)) {
          const facility = await fileAt(`content/facilities/${id}.yaml`, pr.base.sha);
          const editors = parse(facility).data?.['editors'];
          facilityEditors.set(id, Array.isArray(editors) ? editors.map(String) : []);
        }
  const review = reviewPullRequest({ author, authorIsReviewer: await isReviewer(author), files, facilityEditors });
  if (values['dry-run']) {
    process.stdout.write(review.markdown);
  } else {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: o, repo: r, issue_number: pull_number, per_page: 100 });
    const mine = comments.find((c) => c.body?.startsWith(COMMENT_MARKER));
    if (mine) await octokit.rest.issues.updateComment({ owner: o, repo: r, comment_id: mine.id, body: review.markdown });
    else await octokit.rest.issues.createComment({ owner: o, repo: r, issue_number: pull_number, body: review.markdown });
  }
  const problems = review.verdicts.reduce((n, v) => n + v.problems.length, 0);
  console.log(`pr-review: #${pull_number} ファイル ${files.length} 件、問題 ${problems} 件`);
  process.exit(review.ok ? 0 : 1);
} catch (e) {
  fail(`GitHub への問い合わせに失敗しました（${(e as { status?: number }).status ?? (e instanceof Error ? e.name : 'error')}）`);
}
