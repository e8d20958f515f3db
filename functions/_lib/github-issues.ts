/**
 * Correction reports become issues on the content repository, through Octokit. The issue carries the
 * facility, the field, the proposed value and the evidence — never anything about the reporter.
 */
import { Octokit } from '@octokit/rest';
import type { CorrectionField } from '../../src/lib/schema/forms.ts';
import { messages } from '../../src/i18n/index.ts';

export interface CorrectionIssue {
  requestId: string;
  facilityId: string;
  facilityName: string;
  field: CorrectionField;
  proposed: string;
  evidence: string;
}

/**
 * Backticks and @ would let a report mention people or break the layout; show the text as quoted plain text.
 * Markdown also ends a line at a lone CR, so every line ending becomes LF before each line is quoted.
 */
const quote = (s: string): string =>
  s
    .replaceAll('@', '@\u200b')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

export function issueFor(c: CorrectionIssue, siteOrigin: string): { title: string; body: string; labels: string[] } {
  const label = messages('ja').labels.correctionField[c.field];
  return {
    title: `[修正依頼] ${c.facilityName}`,
    body: [
      `**施設**: ${c.facilityName}（\`${c.facilityId}\`）`,
      `**掲載ページ**: ${siteOrigin}/facilities/${c.facilityId}/`,
      `**項目**: ${label}（${c.field}）`,
      '',
      '**正しい内容（報告）**',
      quote(c.proposed),
      '',
      '**根拠**',
      quote(c.evidence),
      '',
      `受付番号: ${c.requestId}`,
      '',
      '<sub>フォームからの報告です。報告者の情報はこの Issue には含めていません（運営者の台帳にのみ保存）。</sub>',
    ].join('\n'),
    labels: ['修正依頼', `field:${c.field}`],
  };
}

export async function openIssue(
  cfg: { token: string; owner: string; repo: string; base: string },
  issue: { title: string; body: string; labels: string[] },
): Promise<{ ok: true; url: string } | { ok: false; error: string }> {
  const octokit = new Octokit({ auth: cfg.token, baseUrl: cfg.base, userAgent: 'nakano-clinic-db-forms', request: { retries: 0 } });
  try {
    const res = await octokit.rest.issues.create({ owner: cfg.owner, repo: cfg.repo, ...issue, headers: { 'X-GitHub-Api-Version': '2022-11-28' } });
    return { ok: true, url: res.data.html_url };
  } catch (e) {
    const status = (e as { status?: unknown }).status;
    return { ok: false, error: typeof status === 'number' ? `http-${status}` : e instanceof Error ? e.name : 'error' };
  }
}
