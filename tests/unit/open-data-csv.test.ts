import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CREDITS } from '../../src/lib/seo/credits.ts';
import { openDataCsv } from '../../src/lib/seo/open-data-csv.ts';

const header = ['id', '名称', '備考', '緯度', '経度'];
const row = (n: number, note: string) => [`f-00000000${n}`, `架空クリニック${n}`, note, 35.7, -0.5];

/** Cells a spreadsheet would run as a formula (OWASP CSV injection), each written into 備考. */
const dangerous = ['=HYPERLINK("https://example.invalid/","架空")', '+1', '-1+1', '@SUM(1)', '\t架空', '\r架空'];
/** Cells that need quoting to survive, and one that needs nothing. */
const awkward = ['架空医院, 本院', '架空 "さくら" 医院', '一行目\n二行目', '一行目\r\n二行目', '架空ビル#2', '架空内科'];

const csv = openDataCsv(
  header,
  [...dangerous, ...awkward].map((note, i) => row(i, note)),
);
// relax_column_count: a row cut short (an unquoted #) fails the assertions below instead of the whole file.
const records = parse(csv, { bom: true, comment: '#', relax_column_count: true }) as string[][];
const notes = records.slice(1).map((r) => r[2]);

describe('open-data CSV', () => {
  it('reads back with the header first and one record per row', () => {
    expect(records[0]).toEqual(header);
    expect(records).toHaveLength(1 + dangerous.length + awkward.length);
  });

  it("prefixes every cell that starts like a formula with '", () => {
    expect(notes.slice(0, dangerous.length)).toEqual(dangerous.map((d) => `'${d}`));
  });

  it('round-trips commas, quotes, line breaks and # inside cells, and leaves ordinary text and numbers alone', () => {
    expect(notes.slice(dangerous.length)).toEqual(awkward);
    for (const r of records.slice(1)) expect(r.slice(3)).toEqual(['35.7', '-0.5']);
  });

  it('starts with a BOM, the derived-value note and every credit as # lines, and ends rows with CRLF', () => {
    expect(csv.startsWith('\uFEFF#')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    const comments = lines.slice(0, lines.indexOf(header.join(',')));
    expect(comments.every((l) => l.startsWith('# '))).toBe(true);
    expect(comments.join('\n')).toContain('derived');
    for (const c of CREDITS) {
      expect(comments.some((l) => l.includes(c.credit ?? c.dataset) && l.includes(c.licence.ja))).toBe(true);
    }
    // Outside quoted cells, every line ends with CRLF.
    expect(csv.replace(/"(?:[^"]|"")*"/g, '')).not.toMatch(/[^\r]\n/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
