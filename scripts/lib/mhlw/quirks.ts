/**
 * The MHLW format's quirks, one small function each. Every repair or drop returns a warning for the
 * import report: nothing is changed silently.
 */
import { nfkc } from '../../../src/lib/util/japanese.ts';

/** 「（改行）」 is how the files store a newline inside a field. */
export const unescapeNewlines = (s: string): string => s.replace(/[（(]改行[）)]/gu, '\n');

/** `H:MM` / `HH:MM` / `HHMM` / full-width digits → `HH:MM`; undefined when it is not a time of day (24:00 allowed). */
export function parseTime(raw: string): string | undefined {
  const m = /^(\d{1,2})[:：]?(\d{2})$/u.exec(nfkc(raw));
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return undefined;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

export type TimeRange = { kind: 'empty' } | { kind: 'ok'; open: string; close: string; overnight?: true } | { kind: 'bad'; reason: string };

const mins = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

/**
 * Read a start–end pair.
 * - both blank, or the `00:00`–`00:00` placeholder: empty (the codebook: a placeholder for "no value");
 * - end before start: an overnight duty slot only when it looks like one (starts 16:00 or later, ends by 10:00);
 *   anything else (e.g. 12:00–09:00) is a typing error and is dropped;
 * - a start before 5:00 that is not overnight (e.g. 00:45–17:15, seen in the real data) is dropped: it
 *   would tell a resident the clinic is open at one in the morning;
 * - start equal to end (other than the placeholder) is dropped.
 */
export function parseRange(startRaw: string, endRaw: string): TimeRange {
  if (!startRaw && !endRaw) return { kind: 'empty' };
  const open = parseTime(startRaw);
  const close = parseTime(endRaw);
  if (open === '00:00' && close === '00:00') return { kind: 'empty' };
  if (!open || !close) return { kind: 'bad', reason: `時刻として読めません（${startRaw || '空欄'}〜${endRaw || '空欄'}）` };
  const o = mins(open);
  const c = mins(close);
  if (c === o) return { kind: 'bad', reason: `開始と終了が同じです（${open}〜${close}）` };
  if (c < o) {
    if (o >= 16 * 60 && c <= 10 * 60) return { kind: 'ok', open, close, overnight: true };
    return { kind: 'bad', reason: `終了が開始より前です（${open}〜${close}）` };
  }
  if (o < 5 * 60 && !(o === 0 && c >= 23 * 60 + 59)) return { kind: 'bad', reason: `深夜の開始時刻は入力誤りの可能性があります（${open}〜${close}）` };
  return { kind: 'ok', open, close: c === 23 * 60 + 59 ? '24:00' : close };
}

/**
 * Closed-day flags. The column names say 「休診」 but **1 = 診療 (open), 0 = 休診 (closed)**, blank = not given.
 * Evidence (CODEBOOK.md, secondary): the official 定義書's フォーマット column as cited by two independent
 * importers (nyampire/jp-healthcare-osm and a PHP importer), and the real rows: 日 = 0 for almost every
 * clinic, and the shared 高知 sample has 日 = 0 with no Sunday hours and 月 = 0 for the clinic with no
 * Monday hours. goodsun/medical_open_data reads 1 as closed, which would make nearly every clinic open on
 * Sundays only. Check against the 定義書 workbook when it can be downloaded.
 */
export function parseOpenFlag(raw: string): 'open' | 'closed' | undefined {
  const v = nfkc(raw);
  if (v === '1') return 'open';
  if (v === '0') return 'closed';
  return undefined;
}

/** Latitude/longitude; "0.0" and blanks mean missing; values outside Japan are dropped. */
export function parseCoordinates(latRaw: string, lonRaw: string): { lat: number; lon: number } | { missing: true } | { bad: string } {
  const lat = Number(latRaw);
  const lon = Number(lonRaw);
  if (!latRaw || !lonRaw || (lat === 0 && lon === 0) || Number.isNaN(lat) || Number.isNaN(lon)) return { missing: true };
  if (lat < 20 || lat > 46 || lon < 122 || lon > 154) return { bad: `座標が日本の範囲外です（${latRaw}, ${lonRaw}）` };
  return { lat, lon };
}

/**
 * A homepage address, repaired when the intent is clear (`http//`, `http:/`, `https;//`, no scheme, full-width
 * characters, Bing redirect links) or dropped. Returns the URL and a warning when it changed anything.
 */
export function repairUrl(raw: string): { url?: string; warning?: string } {
  const original = raw.trim();
  if (!original) return {};
  let s = nfkc(original).replace(/\s+/gu, '');
  s = s.replace(/^(https?)[:;]?\/*\/?/iu, (_m, scheme: string) => `${scheme.toLowerCase()}://`);
  if (!/^https?:\/\//iu.test(s)) {
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(?:[/:?#]|$)/iu.test(s)) s = `http://${s}`;
    else return { warning: `URL として読めないため取り込みません（${original}）` };
  }
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return { warning: `URL として読めないため取り込みません（${original}）` };
  }
  // Bing result links: https://www.bing.com/ck/a?…&u=a1<base64url of the real address>
  if (/(^|\.)bing\.com$/iu.test(url.hostname) && url.pathname.startsWith('/ck/')) {
    const u = url.searchParams.get('u');
    const target = u?.startsWith('a1') ? Buffer.from(u.slice(2), 'base64url').toString('utf8') : '';
    if (!/^https?:\/\//u.test(target)) return { warning: `検索エンジンの転送 URL で元の URL が分からないため取り込みません（${original}）` };
    return { url: new URL(target).href, warning: `検索エンジンの転送 URL を元の URL に直しました（${original} → ${new URL(target).href}）` };
  }
  if (!url.hostname.includes('.') || /[^a-z0-9.-]/iu.test(url.hostname)) {
    return { warning: `URL のホスト名が正しくないため取り込みません（${original}）` };
  }
  const href = url.href;
  return href === original || href === `${original}/` ? { url: href } : { url: href, warning: `URL を直しました（${original} → ${href}）` };
}

/** Katakana reading as the schema accepts it (NFKC: half-width kana to full-width); undefined when it has other characters. */
export function cleanKana(raw: string): string | undefined {
  const s = nfkc(raw);
  return s && /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s　A-Za-z0-9＆&]+$/u.test(s) ? s : undefined;
}

export interface AnnualRange {
  from: string;
  to: string;
  note?: string;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Day index in a leap year (0 = 01-01 … 365 = 12-31), for grouping days into ranges. */
const dayIndex = (m: number, d: number) => DAYS_IN_MONTH.slice(0, m - 1).reduce((a, b) => a + b, 0) + d - 1;
const fromIndex = (i: number): string => {
  let m = 0;
  while (i >= DAYS_IN_MONTH[m]!) i -= DAYS_IN_MONTH[m++]!;
  return `${String(m + 1).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}`;
};
const validMonthDay = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= DAYS_IN_MONTH[m - 1]!;

/**
 * Read 「その他の休診日」: year-less dates and ranges as clinics write them — 「12月29日 12月30日 …」,
 * 「12/29~1/3」, 「8月13日～16日」, full-width digits, 「（改行）」 — into yearly closures. What cannot be
 * read (「GW」「学会出張時」) is returned as `rest`; ranges longer than 31 days are typing errors
 * (「8/14-5/16」) and returned as `suspicious`, not kept.
 */
export function parseOtherClosures(raw: string): { closures: AnnualRange[]; rest: string[]; suspicious: string[] } {
  const text = nfkc(unescapeNewlines(raw).replace(/\n/gu, ' '));
  const days = new Set<number>();
  const rest: string[] = [];
  const suspicious: string[] = [];
  const md = String.raw`(\d{1,2})\s*(?:月|/)\s*(\d{1,2})\s*日?`;
  const range = new RegExp(String.raw`${md}\s*[~〜～\-ー−―]\s*(?:(\d{1,2})\s*(?:月|/)\s*)?(\d{1,2})\s*日?`, 'gu');
  const single = new RegExp(md, 'gu');
  // Ranges first, then single days; whatever text is left over is returned as `rest`.
  const left = text
    .replace(range, (token, m1: string, d1: string, m2raw: string | undefined, d2: string) => {
      const [a1, b1, a2, b2] = [Number(m1), Number(d1), Number(m2raw ?? m1), Number(d2)];
      if (!validMonthDay(a1, b1) || !validMonthDay(a2, b2)) {
        suspicious.push(token.trim());
        return ' ';
      }
      const a = dayIndex(a1, b1);
      const length = (dayIndex(a2, b2) - a + 366) % 366;
      if (length > 31) suspicious.push(token.trim());
      else for (let i = 0; i <= length; i++) days.add((a + i) % 366);
      return ' ';
    })
    .replace(single, (token, m: string, d: string) => {
      if (validMonthDay(Number(m), Number(d))) days.add(dayIndex(Number(m), Number(d)));
      else suspicious.push(token.trim());
      return ' ';
    });
  rest.push(...left.split(/[\s、,，・()（）]+/u).filter(Boolean));
  // Consecutive days become one range; a range ending 12-31 joins one starting 01-01 (年末年始).
  const sorted = [...days].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && d === last[1] + 1) last[1] = d;
    else runs.push([d, d]);
  }
  if (runs.length > 1 && runs[0]![0] === 0 && runs[runs.length - 1]![1] === 365) {
    runs[0]![0] = runs.pop()![0];
  }
  const closures = runs
    .sort((x, y) => fromIndex(x[0]).localeCompare(fromIndex(y[0])))
    .map(([a, b]) => {
      const from = fromIndex(a);
      const to = fromIndex(b);
      const note = a > b || a === 0 || b === 365 ? '年末年始' : from >= '08-01' && to <= '08-31' ? '夏季休診' : undefined;
      return note ? { from, to, note } : { from, to };
    });
  return { closures, rest, suspicious };
}
