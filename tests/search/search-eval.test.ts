/**
 * The search evaluation in CI: tests/search/queries.yaml against the Pagefind index that ships in the
 * built site (DIST_DIR, default dist/), searched with Pagefind's own browser bundle loaded in Node and
 * our query normaliser — the same path the search page takes. Fails when recall@10 drops below 0.95, a
 * navigational query loses rank 1, or a facility that must not match is returned.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadQueries, MIN_RECALL_AT_10, normalizedSearch, openIndex, type EvalReport } from '../../scripts/search-eval.ts';

const dist = path.resolve(import.meta.dirname, '../..', process.env['DIST_DIR'] ?? 'dist');
const queries = loadQueries();
let report: EvalReport;

beforeAll(async () => {
  report = await evaluate(queries, normalizedSearch(await openIndex(path.join(dist, 'pagefind'), '/pagefind/')));
});

const describeFailures = (r: EvalReport) => r.failures.map((f) => `「${f.query.q}」: ${f.problems.join(' / ')}`).join('\n');

describe('search evaluation (tests/search/queries.yaml)', () => {
  it('has at least 60 realistic queries covering every recall case', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const cases = new Set(queries.map((q) => q.case));
    for (const c of [
      'navigational',
      'compound',
      'kana-script',
      'half-width',
      'case-width',
      'department-synonym',
      'department-reading',
      'town',
      'town-reading',
      'postal-code',
      'station',
      'and',
      'single-character',
      'kanji-variant',
      'kanji-reading',
      'romaji',
    ]) {
      expect(cases, c).toContain(c);
    }
    expect(queries.filter((q) => q.first).length).toBeGreaterThanOrEqual(20);
  });

  it(`keeps recall@10 at or above ${MIN_RECALL_AT_10}`, () => {
    expect(report.recallAt10, describeFailures(report)).toBeGreaterThanOrEqual(MIN_RECALL_AT_10);
  });

  it('puts the named facility first for every navigational query', () => {
    const lost = report.outcomes.filter((o) => o.query.first && o.ids[0] !== o.query.first);
    expect(lost.map((o) => `「${o.query.q}」 → ${o.ids[0] ?? '結果なし'}`)).toEqual([]);
  });

  it('never returns a facility a query must not match (中野駅 is not 新中野駅), and ANDs every word', () => {
    const wrong = report.outcomes.filter((o) => (o.query.exclude ?? []).some((id) => o.ids.includes(id)) || (o.query.empty && o.total > 0));
    expect(wrong.map((o) => `「${o.query.q}」: ${o.problems.join(' / ')}`)).toEqual([]);
  });
});
