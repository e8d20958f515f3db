/** Computed readings (kuromoji, build time): runs of morpheme readings, and what the index makes of them. */
import { describe, expect, it } from 'vitest';
import { readings } from '../../src/lib/content/readings.ts';
import { decode, fold, indexToken } from '../../src/lib/search/normalize.ts';

describe('readings', () => {
  it('reads kanji names as runs of morphemes, broken at spaces', async () => {
    const r = await readings(['橋本医院', '東中野 咳とぜんそくの内科クリニック', 'たかねファミリークリニック', '耳鼻科']);
    expect(r.get('橋本医院')).toEqual([['ハシモト', 'イイン']]);
    expect(r.get('東中野 咳とぜんそくの内科クリニック')).toEqual([['ヒガシナカノ'], ['セキ', 'ト', 'ゼンソク', 'ノ', 'ナイカ', 'クリニック']]);
    expect(r.get('耳鼻科')?.flat().join('')).toBe('ジビカ');
    // Kana names read as they are written: nothing to compute.
    expect(r.has('たかねファミリークリニック')).toBe(false);
    expect(fold('ハシモト')).toBe('はしもと');
    expect(decode(indexToken(fold('ハシモトイイン')))).toBe('はしもといいん');
  });
});
