/**
 * A change proposal becomes a pull request on the content repository, through Octokit: a branch, one commit per
 * changed file (the contents API), a PR with a label, and nothing else. Everything it sends is public: ids,
 * paths, the public YAML, a title and body the caller built from public values. Names, emails and phones
 * never reach it (they stay in D1).
 *
 * - Idempotent per content hash: the branch is `self-service/<kind>/<subject>/<hash>`; a retry after a partial
 *   failure finds the branch, skips files already equal, and opens the PR that was missing. A resubmission of
 *   the same content changes nothing.
 * - One open PR per subject: a new proposal for a facility that already has an open one is committed to that
 *   PR's branch (`joined`), and its body is added under the PR's body (build it on `proposalBase`).
 */
import { Octokit } from '@octokit/rest';

export const PROPOSAL_KINDS = ['facility-update', 'person-registration', 'person-withdrawal'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export interface ProposedChange {
  kind: ProposalKind;
  /** The facility's or person's public id. */
  subject: string;
  /** Files under content/ to write (`text`) or delete (`null`). */
  files: { path: string; text: string | null }[];
  /** Public values only. */
  title: string;
  body: string;
}

export interface ContentRepo {
  token: string;
  owner: string;
  repo: string;
  /** GitHub's API base URL (the local fake in tests). */
  api: string;
  /** The branch PRs go to. */
  base: string;
}

export type ProposalResult = { ok: true; number: number; url: string; branch: string; joined: boolean; unchanged: boolean } | { ok: false; error: string };

const GITHUB_API_VERSION = { 'X-GitHub-Api-Version': '2022-11-28' } as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** First 12 hex digits of SHA-256 over what the proposal would write. */
export async function proposalHash(c: Pick<ProposedChange, 'kind' | 'subject' | 'files'>): Promise<string> {
  const data = new TextEncoder().encode(JSON.stringify([c.kind, c.subject, c.files.map((f) => [f.path, f.text])]));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const status = (e: unknown): number | undefined => {
  const s = (e as { status?: unknown }).status;
  return typeof s === 'number' ? s : undefined;
};
/** UTF-8 text as base64 (the contents API's encoding), in workerd and Node alike. */
const base64 = (text: string): string => {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
};

/** Octokit for the content repository, with its logging off: the callers report what failed, without values. */
function client(cfg: ContentRepo): Octokit {
  // Octokit would log every answer it treats as an error, expected 404s too (a branch not made yet).
  const quiet = () => undefined;
  return new Octokit({
    auth: cfg.token,
    baseUrl: cfg.api,
    userAgent: 'nakano-clinic-db-forms',
    request: { retries: 0 },
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
}

const decodeContent = (b64: string): string => new TextDecoder().decode(Uint8Array.from(atob(b64.replace(/\n/g, '')), (ch) => ch.charCodeAt(0)));

/**
 * The file a new proposal for `subject` builds on: as it is on the subject's open self-service PR when there is
 * one (so a second update adds to the first), else on the base branch. `null` when the file does not exist.
 */
export async function proposalBase(
  cfg: ContentRepo,
  kind: ProposalKind,
  subject: string,
  path: string,
): Promise<{ ok: true; text: string | null } | { ok: false; error: string }> {
  const octokit = client(cfg);
  const repo = { owner: cfg.owner, repo: cfg.repo, headers: GITHUB_API_VERSION };
  try {
    const open = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: 'open', base: cfg.base, per_page: 100 });
    const ref = open.find((pr) => pr.head.ref.startsWith(`self-service/${kind}/${subject}/`))?.head.ref ?? cfg.base;
    try {
      const got = await octokit.rest.repos.getContent({ ...repo, path, ref });
      return { ok: true, text: !Array.isArray(got.data) && got.data.type === 'file' ? decodeContent(got.data.content) : null };
    } catch (e) {
      if (status(e) === 404) return { ok: true, text: null };
      throw e;
    }
  } catch (e) {
    const s = status(e);
    return { ok: false, error: s ? `http-${s}` : e instanceof Error ? e.name : 'error' };
  }
}

export async function proposeChange(cfg: ContentRepo, change: ProposedChange): Promise<ProposalResult> {
  if (!SLUG.test(change.subject)) return { ok: false, error: 'bad-subject' };
  if (change.files.length === 0 || change.files.some((f) => !/^content\/[a-z]+\/[a-z0-9-]+\.yaml$/.test(f.path))) return { ok: false, error: 'bad-path' };
  const octokit = client(cfg);
  const repo = { owner: cfg.owner, repo: cfg.repo, headers: GITHUB_API_VERSION };
  try {
    const hash = await proposalHash(change);
    const prefix = `self-service/${change.kind}/${change.subject}/`;
    const open = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: 'open', base: cfg.base, per_page: 100 });
    const existing = open.find((pr) => pr.head.ref.startsWith(prefix));
    const branch = existing?.head.ref ?? `${prefix}${hash}`;
    if (!existing) {
      try {
        await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
      } catch (e) {
        if (status(e) !== 404) throw e;
        const base = await octokit.rest.git.getRef({ ...repo, ref: `heads/${cfg.base}` });
        await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: base.data.object.sha });
      }
    }
    let changed = 0;
    for (const f of change.files) {
      let sha: string | undefined;
      let current: string | undefined;
      try {
        const got = await octokit.rest.repos.getContent({ ...repo, path: f.path, ref: branch });
        if (!Array.isArray(got.data) && got.data.type === 'file') {
          sha = got.data.sha;
          current = decodeContent(got.data.content);
        }
      } catch (e) {
        if (status(e) !== 404) throw e;
      }
      const message = `${change.kind}: ${change.subject} (${hash})`;
      if (f.text === null) {
        if (sha === undefined) continue;
        await octokit.rest.repos.deleteFile({ ...repo, path: f.path, message, sha, branch });
      } else {
        if (current === f.text) continue;
        await octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: f.path, message, content: base64(f.text), branch, ...(sha ? { sha } : {}) });
      }
      changed++;
    }
    if (existing) {
      // A try that opened the PR but stopped before labelling it (a timeout, a 5xx) is finished by the retry.
      if (!existing.labels.some((l) => (typeof l === 'string' ? l : l.name) === change.kind))
        await octokit.rest.issues.addLabels({ ...repo, issue_number: existing.number, labels: [change.kind] });
      // The PR keeps what each submission said: the new one's table is added under the earlier ones.
      if (changed > 0)
        await octokit.rest.pulls.update({ ...repo, pull_number: existing.number, body: `${existing.body ?? ''}\n\n---\n\n${change.body}`.slice(0, 60_000) });
      return { ok: true, number: existing.number, url: existing.html_url, branch, joined: changed > 0, unchanged: changed === 0 };
    }
    const pr = await octokit.rest.pulls.create({ ...repo, head: branch, base: cfg.base, title: change.title, body: change.body, maintainer_can_modify: true });
    await octokit.rest.issues.addLabels({ ...repo, issue_number: pr.data.number, labels: [change.kind] });
    return { ok: true, number: pr.data.number, url: pr.data.html_url, branch, joined: false, unchanged: false };
  } catch (e) {
    const s = status(e);
    return { ok: false, error: s ? `http-${s}` : e instanceof Error ? e.name : 'error' };
  }
}
