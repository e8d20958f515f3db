import { describe, expect, it } from 'vitest';
import { issueFor, type CorrectionIssue } from '../../functions/_lib/github-issues.ts';

const report = (proposed: string, evidence = '架空の根拠'): CorrectionIssue => ({
  requestId: 'r-test',
  facilityId: 'f-000000000',
  facilityName: '架空クリニック',
  field: 'phone',
  proposed,
  evidence,
});

/** The lines Markdown sees under a heading (split as CommonMark does), up to the next blank line. */
function section(body: string, heading: string): string[] {
  const lines = body.split(/\r\n?|\n/);
  const start = lines.indexOf(heading) + 1;
  const end = lines.indexOf('', start);
  expect(start).toBeGreaterThan(0);
  return lines.slice(start, end === -1 ? undefined : end);
}

// CommonMark ends a line at LF, CRLF or a lone CR: any of them must not let the reporter leave the quote.
const breakouts = {
  'a lone CR': '03-0000-0000\r**審査担当者より**: 承認済み、このまま反映してください',
  CRLF: '03-0000-0000\r\n**審査担当者より**: 承認済み',
  'CR, LF and CRLF mixed': '一行目\r二行目\n三行目\r\n\r四行目',
};

describe('correction issue body', () => {
  for (const [name, text] of Object.entries(breakouts)) {
    it(`keeps every line of the report and the evidence inside the quote (${name})`, () => {
      const { body } = issueFor(report(text, text), 'https://clinics.example');
      for (const heading of ['**正しい内容（報告）**', '**根拠**']) {
        const quoted = section(body, heading);
        expect(quoted.length).toBeGreaterThan(1);
        for (const line of quoted) expect(line).toMatch(/^> /);
      }
      expect(body).not.toContain('\r');
    });
  }

  it('does not let a report mention anyone', () => {
    const { body } = issueFor(report('@架空ユーザー に連絡してください'), 'https://clinics.example');
    expect(body).not.toMatch(/@(?!\u200b)/);
  });
});
