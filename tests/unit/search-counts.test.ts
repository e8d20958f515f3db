/** The filter counts run one search at a time, and a newer search replaces a waiting one (src/scripts/search/counts.ts). */
import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../src/scripts/search/counts.ts';

describe('oneAtATime', () => {
  it('runs once more after a run for all the asks made during it, and tells the run it went stale', async () => {
    const runs: { n: number; staleAtEnd: boolean }[] = [];
    let release: () => void = () => {};
    let n = 0;
    const ask = oneAtATime(async (stale) => {
      const mine = ++n;
      if (mine === 1) await new Promise<void>((r) => (release = r));
      runs.push({ n: mine, staleAtEnd: stale() });
    });
    ask();
    ask();
    ask();
    expect(n).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toEqual([
      { n: 1, staleAtEnd: true },
      { n: 2, staleAtEnd: false },
    ]);
    ask();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs.map((r) => r.n)).toEqual([1, 2, 3]);
  });
});
