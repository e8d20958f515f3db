/**
 * Splits the corporation prefix off an official facility name:
 * 「医療法人社団 博和会 中野駅前クリニック」 → corporation 「医療法人社団 博和会」, display 「中野駅前クリニック」.
 * 「医療法人社団 荒牧医院」 → corporation 「医療法人社団 荒牧医院」, display 「荒牧医院」
 * (the corporation is named after the clinic).
 */
import { nfkc } from './japanese.ts';

/** The kinds of legal person that run medical institutions, as they open an official name. */
const CORPORATION_TYPE =
  /^(?:(?:社会|特定)?医療法人(?:社団|財団)?|(?:一般|公益)(?:社団|財団)法人|社会福祉法人|学校法人|宗教法人|(?:地方)?独立行政法人|国立大学法人|株式会社|有限会社|合同会社|\S+(?:生活協同組合|共済組合|組合連合会))/u;

export interface SplitName {
  display: string;
  corporation?: string;
}

export function splitCorporation(official: string): SplitName {
  const tokens = official.trim().split(/[\s\u3000]+/u);
  const [first, second, ...rest] = tokens;
  const type = first === undefined ? null : CORPORATION_TYPE.exec(first);
  if (first === undefined || second === undefined || !type) return { display: tokens.join(' ') };
  // 「医療法人社団フレシェア 若宮診療所」「東京医療生活協同組合 新渡戸記念…」: the corporation's full name in one token.
  if (type[0].length < first.length || /組合|連合会$/u.test(first)) return { corporation: first, display: [second, ...rest].join(' ') };
  // 「医療法人社団 荒牧医院」: the corporation is named after the clinic.
  if (rest.length === 0) return { corporation: `${first} ${second}`, display: second };
  return { corporation: `${first} ${second}`, display: rest.join(' ') };
}

/** A comparable key for a facility name: NFKC, no corporation prefix, no spaces or middle dots. */
export const nameKey = (official: string): string =>
  nfkc(splitCorporation(official).display)
    .replace(/[\s・･]/gu, '')
    .toLowerCase();
