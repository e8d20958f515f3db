/**
 * Address normalisation for the published variants seen in the official lists, e.g.
 * 「中野区中央四丁目５９番１６号」「中野区中野５丁目６７－５ ＳＫＧＴ長谷部４階」「中央２丁目５９番地１８号」
 * 「中野区本町一丁目３１番６－２０３」. The result keeps the published text; the parts are derived.
 */
import { ADDRESS_DASHES, nfkc, parseJapaneseNumber } from './japanese.ts';

export interface NormalizedAddress {
  /** Town (町名), e.g. 中央. */
  town: string;
  /** 丁目, when written or implied by a leading number. */
  chome?: number;
  /** 番地・号 (and a room number written with a hyphen), joined with hyphens: 59-16, 31-6-203. */
  block?: string;
  /** What follows the block numbers: building, floor, room (NFKC: half-width digits and Latin). */
  building?: string;
}

export class AddressError extends Error {
  override name = 'AddressError';
}

const PREFIXES = /^(?:東京都)?\s?(?:中野区)?\s?/u;

/**
 * Split a published address into town, 丁目, block and building.
 * @param towns the towns of the ward (longest match wins: 上鷺宮 before 鷺宮, 東中野 before 中野)
 */
export function normalizeAddress(published: string, towns: readonly string[]): NormalizedAddress {
  let s = nfkc(published).replace(PREFIXES, '');
  const town = [...towns].sort((a, b) => b.length - a.length).find((t) => s.startsWith(t));
  if (!town) throw new AddressError(`町名が見つかりません: ${published}`);
  s = s.slice(town.length).trim();

  const out: NormalizedAddress = { town };
  const chome = /^([0-9]+|[〇一二三四五六七八九十]+)丁目/u.exec(s);
  if (chome) {
    const n = parseJapaneseNumber(chome[1] ?? '');
    if (n !== undefined) out.chome = n;
    s = s.slice(chome[0].length).trim();
  }
  // Block numbers: digits joined by 番地 / 番 / 号 / の / a dash. Stops at the first other character.
  const block = /^[0-9]+(?:(?:番地|番|号|の|[-‐‑‒–—―−ｰ─━])[0-9]+)*(?:番地|番|号)?/u.exec(s);
  if (block) {
    const parts = block[0].replace(ADDRESS_DASHES, '-').match(/[0-9]+/g) ?? [];
    // 「中野5-67-5」 written without 丁目: the first number is the 丁目.
    if (out.chome === undefined && !chome && parts.length >= 2 && /^[0-9]+[-‐‑‒–—―−ｰ─━]/u.test(block[0])) {
      out.chome = Number(parts.shift());
    }
    if (parts.length > 0) out.block = parts.map((p) => String(Number(p))).join('-');
    s = s.slice(block[0].length);
  }
  const building = s.replace(/^[\s、,]+/u, '').trim();
  if (building) out.building = building;
  return out;
}

/** A comparable key for matching two spellings of one address: town + 丁目 + block, ignoring the building. */
export const addressKey = (a: NormalizedAddress): string => `${a.town}|${a.chome ?? ''}|${a.block ?? ''}`;
