/**
 * The hours engine, as a table of moments a resident might ask "is it open now?" about.
 * Instants are written with an explicit +09:00 offset so the test does not trust the engine's own
 * JST arithmetic; the whole table runs again with the process in New York time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoursSchema, type HoursInput } from '../../src/lib/schema/hours.ts';
import { holidayCalendar, holidaysBetween } from '../../src/lib/util/holidays.ts';
import { calendarFromList, dayPlan, openStatus, tableRows, type OpenStatus } from '../../src/lib/util/hours.ts';
import { hoursFilterFacts } from '../../src/lib/util/hours-filters.ts';
import { toJst } from '../../src/lib/util/jst.ts';

const hours = (h: HoursInput) => HoursSchema.parse(h);
const WEEKDAYS_BUT_WED = ['mon', 'tue', 'thu', 'fri'] as const;

/** 架空内科クリニック: 午前・午後, reception earlier than consultation, 第2・第4土曜休診, 年末年始, お盆. */
const naika = hours({
  schedules: [
    {
      slots: [
        { days: [...WEEKDAYS_BUT_WED, 'wed', 'sat'], open: '09:00', close: '12:30', receptionOpen: '08:45', receptionClose: '12:15', label: '午前' },
        { days: [...WEEKDAYS_BUT_WED], open: '15:00', close: '18:30', receptionClose: '18:00', label: '午後' },
      ],
    },
  ],
  nthWeekClosures: [{ weeks: [2, 4], day: 'sat' }],
  datedClosures: [{ from: '2026-12-29', to: '2027-01-03', note: '年末年始' }],
  annualClosures: [{ from: '08-13', to: '08-16', note: '夏季休診' }],
});

/** 架空夜間診療所: 22:00–翌6:00 every night, holidays too, reception until 5:30. */
const night = hours({
  schedules: [
    {
      slots: [
        {
          days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'hol'],
          open: '22:00',
          close: '06:00',
          receptionClose: '05:30',
          overnight: true,
          label: '夜間',
        },
      ],
    },
  ],
});

/** 架空こども医院: 内科 weekdays; 小児科 weekdays plus 祝日 morning; closed 第2月曜. */
const kodomo = hours({
  schedules: [
    { departments: ['01001'], slots: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' }] },
    {
      departments: ['03001'],
      slots: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '18:00' },
        { days: ['hol'], open: '09:00', close: '12:00' },
      ],
    },
  ],
  nthWeekClosures: [{ weeks: [2], day: 'mon' }],
});

const at = (iso: string) => Date.parse(iso);
const hm = (epoch: number) => {
  const t = toJst(epoch);
  return `${t.date} ${String(Math.floor(t.minutes / 60)).padStart(2, '0')}:${String(t.minutes % 60).padStart(2, '0')}`;
};
/** A status as one readable line: state, reception-closes-at, 本日休診 reason, next opening. */
const summary = (s: OpenStatus) =>
  [
    s.state,
    s.until ? `until ${hm(s.until)}` : '',
    s.closedToday ? `today closed (${s.closedToday.kind}${s.closedToday.note ? ` ${s.closedToday.note}` : ''})` : '',
    s.next ? `next ${hm(s.next.at)}` : '',
  ]
    .filter(Boolean)
    .join(', ');

const cases: [string, ReturnType<typeof hours>, string, string, string[]?][] = [
  ['weekday morning', naika, '2026-01-13T10:00+09:00', 'open, until 2026-01-13 12:15, next 2026-01-13 15:00'],
  ['25 minutes before reception closes', naika, '2026-01-13T11:50+09:00', 'closing-soon, until 2026-01-13 12:15, next 2026-01-13 15:00'],
  ['reception closed, consultation still running', naika, '2026-01-13T12:20+09:00', 'closed, next 2026-01-13 15:00'],
  ['reception opens before consultation', naika, '2026-01-13T08:50+09:00', 'open, until 2026-01-13 12:15, next 2026-01-13 15:00'],
  ['before reception opens', naika, '2026-01-13T08:30+09:00', 'closed, next 2026-01-13 08:45'],
  ['last minute of the day', naika, '2026-01-13T23:59+09:00', 'closed, next 2026-01-14 08:45'],
  ['midnight starts the next day', naika, '2026-01-14T00:00+09:00', 'closed, next 2026-01-14 08:45'],
  ['Wednesday afternoon (morning only)', naika, '2026-01-14T15:30+09:00', 'closed, next 2026-01-15 08:45'],
  ['成人の日 (a holiday on the 2nd Monday)', naika, '2026-01-12T10:00+09:00', 'closed, today closed (holiday), next 2026-01-13 08:45'],
  ['第2土曜 closed, then Sunday, then Monday is a holiday', naika, '2026-01-10T10:00+09:00', 'closed, today closed (nth-week), next 2026-01-13 08:45'],
  ['第3土曜 open', naika, '2026-01-17T10:00+09:00', 'open, until 2026-01-17 12:15'.concat(', next 2026-01-19 08:45')],
  ['Sunday', naika, '2026-01-18T10:00+09:00', 'closed, today closed (weekly), next 2026-01-19 08:45'],
  ['evening before 年末年始', naika, '2026-12-28T19:00+09:00', 'closed, next 2027-01-04 08:45'],
  ['元日 inside 年末年始 across the year boundary', naika, '2027-01-01T10:00+09:00', 'closed, today closed (dated 年末年始), next 2027-01-04 08:45'],
  ['お盆 every year', naika, '2027-08-16T10:00+09:00', 'closed, today closed (annual 夏季休診), next 2027-08-17 08:45'],
  ['overnight slot before midnight', night, '2026-01-13T23:00+09:00', 'open, until 2026-01-14 05:30, next 2026-01-14 22:00'],
  ["overnight slot after midnight (yesterday's slot)", night, '2026-01-14T03:00+09:00', 'open, until 2026-01-14 05:30, next 2026-01-14 22:00'],
  ['overnight slot, reception about to close', night, '2026-01-14T05:10+09:00', 'closing-soon, until 2026-01-14 05:30, next 2026-01-14 22:00'],
  ['overnight slot over New Year', night, '2026-12-31T23:30+09:00', 'open, until 2027-01-01 05:30, next 2027-01-01 22:00'],
  ['after the overnight slot', night, '2026-01-14T06:10+09:00', 'closed, next 2026-01-14 22:00'],
  [
    'holiday on the 2nd Monday: the 第2月曜 closure wins over 祝日 hours',
    kodomo,
    '2026-01-12T10:00+09:00',
    'closed, today closed (nth-week), next 2026-01-13 09:00',
  ],
  ['海の日 (3rd Monday): 小児科 holiday hours', kodomo, '2026-07-20T10:00+09:00', 'open, until 2026-07-20 12:00, next 2026-07-21 09:00'],
  ['海の日 afternoon: holiday hours replace the weekday afternoon', kodomo, '2026-07-20T14:00+09:00', 'closed, next 2026-07-21 09:00'],
  ['海の日, 内科 only', kodomo, '2026-07-20T10:00+09:00', 'closed, today closed (holiday), next 2026-07-21 09:00', ['01001']],
  ['outside the holiday data', naika, '2051-01-05T10:00+09:00', 'unknown'],
];

function runTable() {
  it.each(cases)('%s', (_name, h, iso, expected, departments) => {
    expect(summary(openStatus(h, at(iso), holidayCalendar, { departments }))).toBe(expected);
  });
}

describe('openStatus (machine in Tokyo time or UTC)', runTable);

describe('openStatus with the process in America/New_York', () => {
  const saved = process.env['TZ'];
  beforeAll(() => {
    process.env['TZ'] = 'America/New_York';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  });
  it('really runs in New York time', () => expect(new Date(at('2026-03-08T12:00Z')).getTimezoneOffset()).toBe(240));
  runTable();
});

describe('Tokyo calendar edges', () => {
  it.each([
    ['2026-01-13T14:59:59Z', '2026-01-13', 1439],
    ['2026-01-13T15:00:00Z', '2026-01-14', 0],
    // New York's DST starts 2026-03-08 07:00Z; Tokyo does not move.
    ['2026-03-08T06:30:00Z', '2026-03-08', 15 * 60 + 30],
    ['2026-03-08T07:30:00Z', '2026-03-08', 16 * 60 + 30],
    ['2026-12-31T15:00:00Z', '2027-01-01', 0],
  ])('%s is %s, minute %i in Tokyo', (iso, date, minutes) => {
    expect(toJst(at(iso))).toMatchObject({ date, minutes });
  });
});

describe('dayPlan', () => {
  it('uses the holiday package (振替休日 included)', () => {
    expect(dayPlan(naika, '2026-05-06', holidayCalendar)).toMatchObject({ holiday: true, closure: { kind: 'holiday' } });
  });
  it('with closedOnHolidays false and no 祝 slots a holiday keeps its weekday hours', () => {
    const open = hours({ ...naika, closedOnHolidays: false, nthWeekClosures: [], datedClosures: [], annualClosures: [] });
    expect(dayPlan(open, '2026-07-20', holidayCalendar).openings.map((o) => o.open)).toEqual([540, 900]);
  });
  it('throws outside the calendar instead of guessing', () => {
    expect(() => dayPlan(naika, '2026-01-01', calendarFromList([], '2027-01-01', '2027-12-31'))).toThrow(RangeError);
  });
  it('a compact calendar built from the package agrees with the package', () => {
    const compact = calendarFromList(holidaysBetween('2026-01-01', '2027-12-31'), '2026-01-01', '2027-12-31');
    for (let d = at('2026-01-01T00:00Z'); d < at('2028-01-01T00:00Z'); d += 86_400_000) {
      const date = new Date(d).toISOString().slice(0, 10);
      expect(compact.isHoliday(date), date).toBe(holidayCalendar.isHoliday(date));
    }
  });
});

describe('tableRows', () => {
  it('groups days by time range, earliest first', () => {
    const rows = tableRows(naika.schedules[0]!);
    expect(rows.map((r) => [r.label, r.open, r.close, [...r.days].join(' ')])).toEqual([
      ['午前', '09:00', '12:30', 'mon tue thu fri wed sat'],
      ['午後', '15:00', '18:30', 'mon tue thu fri'],
    ]);
  });
});

describe('hoursFilterFacts (the search filters)', () => {
  it.each([
    ['naika', naika, { mon: true, tue: true, wed: true, thu: true, fri: true, sat: true, sun: false, hol: false, after18: false, before9: true }],
    ['night', night, { mon: true, tue: true, wed: true, thu: true, fri: true, sat: true, sun: true, hol: true, after18: true, before9: true }],
    ['kodomo', kodomo, { mon: true, tue: true, wed: true, thu: true, fri: true, sat: false, sun: false, hol: true, after18: false, before9: false }],
  ] as const)('%s', (_n, h, facts) => expect(hoursFilterFacts(h)).toEqual(facts));
  it('reception until 18:30 counts as after 18:00', () => {
    const late = hours({ schedules: [{ slots: [{ days: ['mon'], open: '15:00', close: '19:00', receptionClose: '18:30' }] }] });
    expect(hoursFilterFacts(late)?.after18).toBe(true);
  });
  it('a day closed in all five weeks is not open', () => {
    const h = hours({ ...naika, nthWeekClosures: [{ weeks: [1, 2, 3, 4, 5], day: 'sat' }] });
    expect(hoursFilterFacts(h)?.sat).toBe(false);
  });
  it('no hours registered gives no facts', () => expect(hoursFilterFacts(undefined)).toBeUndefined());
  it('per department', () => expect(hoursFilterFacts(kodomo, { departments: ['01001'] })?.hol).toBe(false));
});
