/**
 * Weekly opening hours, designed for how clinics state them:
 * 「月火木金 9:00–12:30, 15:00–18:30 / 水土 9:00–12:30 / 第2土曜休診 / 祝日休診 / 年末年始 12/29–1/3 休診」.
 * The engine that reads this shape (open now, next opening) lives in src/lib/util.
 */
import { z } from 'zod';
import { IsoDate, TimeOfDay } from './common.ts';

/**
 * Days a slot can apply to. `hol` is a Japanese public holiday (振替休日 and 国民の休日 included):
 * on a holiday the `hol` slots apply instead of the weekday's.
 */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'hol'] as const;
export type Day = (typeof DAYS)[number];
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export const SlotSchema = z
  .object({
    /** The days this slot applies to, e.g. `[mon, tue, thu, fri]`. */
    days: z.array(z.enum(DAYS, { error: '曜日は mon〜sun または hol（祝日）で書いてください' })).min(1, { error: '曜日を 1 つ以上選んでください' }),
    /** Consultation starts (HH:MM). */
    open: TimeOfDay,
    /** Consultation ends (HH:MM). Earlier than `open` means the slot runs past midnight (夜間・当直). */
    close: TimeOfDay,
    /** Reception opens, when it differs from `open`. */
    receptionOpen: TimeOfDay.optional(),
    /** Reception closes (受付終了), when it differs from `close`; often 15–30 minutes earlier. */
    receptionClose: TimeOfDay.optional(),
    /** Optional label: 午前, 午後, 夜間 … */
    label: z.string().max(20).optional(),
    /**
     * Set when a slot really crosses midnight; otherwise `close` before `open` is treated as a typing error.
     * An overnight slot belongs to the day it starts on (its closures and holidays are that day's).
     * Reception times at or before `close` are read as the next morning.
     */
    overnight: z.boolean().optional(),
  })
  .superRefine((s, ctx) => {
    if (minutes(s.close) <= minutes(s.open) && !s.overnight) {
      ctx.addIssue({
        code: 'custom',
        path: ['close'],
        message: `終了時刻（${s.close}）が開始時刻（${s.open}）より前です。夜間をまたぐ枠なら overnight を true にしてください`,
      });
    }
  });
export type Slot = z.output<typeof SlotSchema>;

export const ScheduleSchema = z.object({
  /** MHLW department codes this schedule applies to; empty means every department of the facility. */
  departments: z.array(z.string().regex(/^\d{5}$/, { error: '診療科コードは 5 桁の数字です' })).default([]),
  /** A name for the schedule when there are several, e.g. 「小児科」 or 「予防接種・健診」. */
  label: z.string().max(40).optional(),
  /** The weekly slots. */
  slots: z.array(SlotSchema).min(1, { error: '診療時間を 1 つ以上登録してください' }),
});
export type Schedule = z.output<typeof ScheduleSchema>;

export const NthWeekClosureSchema = z.object({
  /** Which weeks of the month (1–5), e.g. `[2, 4]` for 第2・第4. */
  weeks: z.array(z.number().int().min(1).max(5, { error: '第何週かは 1〜5 で書いてください' })).min(1),
  /** The weekday. */
  day: z.enum(WEEKDAYS, { error: '曜日は mon〜sun で書いてください' }),
});

export const DatedClosureSchema = z
  .object({
    /** First closed day. */
    from: IsoDate,
    /** Last closed day (inclusive); the same as `from` for a single day. */
    to: IsoDate,
    /** What it is: 年末年始, 夏季休診, 臨時休診 … */
    note: z.string().max(100).optional(),
  })
  .refine((c) => c.to >= c.from, { error: '終了日が開始日より前です', path: ['to'] });

/** A month and day `MM-DD`, for closures that come back every year. */
const MonthDay = z
  .string()
  .regex(/^(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, { error: '月日は MM-DD の形で書いてください（例: 12-29）' })
  .refine((s) => Number(s.slice(3)) <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(s.slice(0, 2)) - 1]!, {
    error: '存在しない月日です',
  });

export const AnnualClosureSchema = z.object({
  /** First closed day every year, `MM-DD` (e.g. 12-29). */
  from: MonthDay,
  /** Last closed day (inclusive), `MM-DD`. Earlier than `from` means the range crosses New Year (12-29 → 01-03). */
  to: MonthDay,
  /** What it is: 年末年始, 夏季休診 … */
  note: z.string().max(100).optional(),
});

export const HoursSchema = z.object({
  /** One or more weekly schedules (one per department group when they differ). */
  schedules: z.array(ScheduleSchema).min(1, { error: '診療時間を 1 つ以上登録してください' }),
  /**
   * Closed on Japanese public holidays even when a weekday slot exists. Default true (most clinics).
   * Slots with `hol` win over this flag: a facility with `hol` slots is open on holidays at those hours.
   * With `false` and no `hol` slots, a holiday keeps its weekday's hours.
   */
  closedOnHolidays: z.boolean().default(true),
  /** Closed on given weeks of the month, e.g. 第2・第4土曜休診. */
  nthWeekClosures: z.array(NthWeekClosureSchema).default([]),
  /** Closed on date ranges: 年末年始, お盆, 臨時休診. */
  datedClosures: z.array(DatedClosureSchema).default([]),
  /** Closed every year on the same days, as clinics state them without a year (「12月29日〜1月3日」「8月13日〜8月16日」). */
  annualClosures: z.array(AnnualClosureSchema).default([]),
  /** Anything the structure cannot say, shown as written (e.g. 「最終受付は終了 30 分前」). */
  note: z.string().max(500).optional(),
});
export type Hours = z.output<typeof HoursSchema>;
export type HoursInput = z.input<typeof HoursSchema>;
