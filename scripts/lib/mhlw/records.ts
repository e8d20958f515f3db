/**
 * From MHLW rows to what the directory stores: one facility row plus its department/hours rows become
 * a record with names, position, website, departments and an `Hours` value in our schema, and a list of
 * warnings for everything that was repaired, dropped or contradictory.
 */
import type { Day, Hours, Slot, Weekday } from '../../../src/lib/schema/hours.ts';
import { HoursSchema } from '../../../src/lib/schema/hours.ts';
import { nfkc } from '../../../src/lib/util/japanese.ts';
import { DAY_COLUMNS, FACILITY_COLUMNS as F, HOURS_COLUMNS as H, HOURS_DAY_COLUMNS, hoursColumn, nthWeekColumn, weeklyColumn } from './columns.ts';
import { cleanKana, parseCoordinates, parseOpenFlag, parseOtherClosures, parseRange, repairUrl, unescapeNewlines } from './quirks.ts';

type Get = (row: string[], name: string) => string;
const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_KEYS: readonly Day[] = [...WEEK, 'hol'];

export interface MhlwDepartment {
  code: string;
  /** 診療科目名 as in the file (free text for the 991/992 catch-alls). */
  name: string;
}

interface HoursRow {
  code: string;
  slot: number;
  /** Per day: consultation and reception ranges as written. */
  times: { day: Day; start: string; end: string; rStart: string; rEnd: string }[];
}

export interface MhlwRecord {
  id: string;
  kind: 'clinic' | 'hospital';
  name: string;
  kana?: string | undefined;
  en?: string | undefined;
  /** 所在地 as published (may be only a town). */
  address: string;
  cityCode: string;
  position?: { lat: number; lon: number } | undefined;
  website?: string | undefined;
  flags: {
    weekly: Partial<Record<Weekday, 'open' | 'closed'>>;
    nth: Partial<Record<Weekday, ('open' | 'closed' | undefined)[]>>;
    holiday?: 'open' | 'closed' | undefined;
  };
  otherClosures: string;
  departments: MhlwDepartment[];
  hoursRows: HoursRow[];
  /** Repairs and drops, in Japanese, for the report. */
  warnings: string[];
}

/** The facility-file part of a record. */
export function facilityFromRow(get: Get, row: string[], kind: 'clinic' | 'hospital'): MhlwRecord {
  const warnings: string[] = [];
  const id = get(row, F.id);
  const coords = parseCoordinates(get(row, F.lat), get(row, F.lon));
  if ('bad' in coords) warnings.push(coords.bad);
  const url = repairUrl(get(row, F.url));
  if (url.warning) warnings.push(url.warning);
  const kanaRaw = get(row, F.kana);
  const kana = cleanKana(kanaRaw);
  if (kanaRaw && !kana) warnings.push(`フリガナにかな以外の文字があるため取り込みません（${kanaRaw}）`);
  const weekly: MhlwRecord['flags']['weekly'] = {};
  const nth: MhlwRecord['flags']['nth'] = {};
  DAY_COLUMNS.forEach((d, i) => {
    const flag = parseOpenFlag(get(row, weeklyColumn(d)));
    if (flag) weekly[WEEK[i]!] = flag;
    nth[WEEK[i]!] = [1, 2, 3, 4, 5].map((w) => parseOpenFlag(get(row, nthWeekColumn(w, d))));
  });
  const machine = get(row, F.kind);
  return {
    id,
    kind: machine === '1' ? 'hospital' : machine === '2' ? 'clinic' : kind,
    name: nfkc(get(row, F.name)),
    kana,
    en: nfkc(get(row, F.en)) || undefined,
    address: nfkc(unescapeNewlines(get(row, F.address)).replace(/\n/gu, ' ')),
    cityCode: `${get(row, F.pref).padStart(2, '0')}${get(row, F.city).padStart(3, '0')}`,
    position: 'lat' in coords ? coords : undefined,
    website: url.url,
    flags: { weekly, nth, holiday: parseOpenFlag(get(row, F.holidayClosed)) },
    otherClosures: get(row, F.otherClosures),
    departments: [],
    hoursRows: [],
    warnings,
  };
}

/** Add one department/hours row to its record. */
export function addHoursRow(rec: MhlwRecord, get: Get, row: string[]): void {
  const code = get(row, H.code).padStart(5, '0');
  const name = nfkc(get(row, H.name));
  if (!rec.departments.some((d) => d.code === code && d.name === name)) rec.departments.push({ code, name });
  rec.hoursRows.push({
    code,
    slot: Number(get(row, H.slot)) || 0,
    times: HOURS_DAY_COLUMNS.map((d, i) => ({
      day: DAY_KEYS[i]!,
      start: get(row, hoursColumn(d, '診療開始時間')),
      end: get(row, hoursColumn(d, '診療終了時間')),
      rStart: get(row, hoursColumn(d, '外来受付開始時間')),
      rEnd: get(row, hoursColumn(d, '外来受付終了時間')),
    })),
  });
}

const DAY_JA: Record<Day, string> = { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun: '日', hol: '祝' };

/** 午前 / 午後 / 夜間 from the times, when the slot is clearly one of them. */
function labelFor(open: string, close: string, overnight: boolean): string | undefined {
  if (overnight || open >= '17:00') return '夜間';
  if (close <= '14:00') return '午前';
  if (open >= '12:00') return '午後';
  return undefined;
}

/**
 * The record's hours in our schema. Per department, the up-to-three slots per day become slots; days
 * with the same times share a slot; departments with the same slots share a schedule (one schedule with
 * no departments when all agree). The facility's flags are applied: a day the flags close every week
 * loses its times (flags and times disagree in ~22k national cases; the flag is the explicit statement,
 * and the disagreement is reported).
 */
export function buildHours(rec: MhlwRecord): { hours?: Hours; warnings: string[] } {
  const warnings: string[] = [];
  const where = (code: string, day: Day) => (day === 'hol' ? `${code} 祝日` : `${code} ${DAY_JA[day]}曜`);
  const closedDay = (day: Weekday) => rec.flags.weekly[day] === 'closed' || rec.flags.nth[day]?.every((f) => f === 'closed');
  const holidayClosed = rec.flags.holiday === 'closed';
  const perDept = new Map<string, Map<string, Slot>>();
  for (const r of rec.hoursRows.sort((a, b) => a.code.localeCompare(b.code) || a.slot - b.slot)) {
    const slots = perDept.get(r.code) ?? new Map<string, Slot>();
    perDept.set(r.code, slots);
    for (const t of r.times) {
      const c = parseRange(t.start, t.end);
      const rc = parseRange(t.rStart, t.rEnd);
      if (c.kind === 'bad') {
        warnings.push(`診療時間を取り込みません（${where(r.code, t.day)}）: ${c.reason}`);
        continue;
      }
      if (c.kind === 'empty') continue;
      if (t.day !== 'hol' && closedDay(t.day)) {
        warnings.push(`休診日の指定と診療時間が矛盾するため休診としました（${where(r.code, t.day)} ${c.open}〜${c.close}）`);
        continue;
      }
      if (t.day === 'hol' && holidayClosed) {
        warnings.push(`「祝日に休診」と祝日の診療時間が矛盾するため休診としました（${r.code} ${c.open}〜${c.close}）`);
        continue;
      }
      if (c.overnight) warnings.push(`夜間をまたぐ診療時間として取り込みました（${where(r.code, t.day)} ${c.open}〜翌${c.close}）`);
      let receptionOpen: string | undefined;
      let receptionClose: string | undefined;
      if (rc.kind === 'bad') warnings.push(`受付時間を取り込みません（${where(r.code, t.day)}）: ${rc.reason}`);
      if (rc.kind === 'ok') {
        if (rc.open !== c.open) receptionOpen = rc.open;
        if (rc.close !== c.close) receptionClose = rc.close;
      }
      const key = [c.open, c.close, receptionOpen, receptionClose].join('|');
      const slot = slots.get(key) ?? {
        days: [],
        open: c.open,
        close: c.close,
        ...(receptionOpen ? { receptionOpen } : {}),
        ...(receptionClose ? { receptionClose } : {}),
        ...(labelFor(c.open, c.close, c.overnight === true) ? { label: labelFor(c.open, c.close, c.overnight === true)! } : {}),
        ...(c.overnight ? { overnight: true } : {}),
      };
      if (!slot.days.includes(t.day)) slot.days.push(t.day);
      slots.set(key, slot);
    }
  }
  // Departments with identical slots share one schedule.
  const groups = new Map<string, { departments: string[]; slots: Slot[] }>();
  for (const [code, slots] of perDept) {
    if (slots.size === 0) continue;
    const list = [...slots.values()].sort((a, b) => a.open.localeCompare(b.open) || a.close.localeCompare(b.close));
    const key = JSON.stringify(list);
    const g = groups.get(key) ?? { departments: [], slots: list };
    g.departments.push(code);
    groups.set(key, g);
  }
  if (groups.size === 0) return { warnings };
  const withHours = [...groups.values()];
  const schedules =
    withHours.length === 1 && withHours[0]!.departments.length === [...perDept.keys()].length
      ? [{ departments: [], slots: withHours[0]!.slots }]
      : withHours.map((g) => ({ departments: g.departments, slots: g.slots }));

  const nthWeekClosures = WEEK.flatMap((day) => {
    if (closedDay(day)) return [];
    const weeks = [1, 2, 3, 4, 5].filter((_w, i) => rec.flags.nth[day]?.[i] === 'closed');
    return weeks.length > 0 ? [{ weeks, day }] : [];
  });
  const other = parseOtherClosures(rec.otherClosures);
  for (const s of other.suspicious) warnings.push(`「その他の休診日」の期間が長すぎるため入力誤りとみなし取り込みません（${s}）`);
  const note = other.rest.length > 0 ? `その他の休診日: ${nfkc(unescapeNewlines(rec.otherClosures)).replace(/\s+/gu, ' ')}`.slice(0, 500) : undefined;
  const parsed = HoursSchema.safeParse({
    schedules,
    closedOnHolidays: rec.flags.holiday !== 'open',
    nthWeekClosures,
    annualClosures: other.closures,
    ...(note ? { note } : {}),
  });
  if (!parsed.success) {
    warnings.push(`診療時間を組み立てられませんでした: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(' / ')}`);
    return { warnings };
  }
  return { hours: parsed.data, warnings };
}
