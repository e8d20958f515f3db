/**
 * The open-data CSV: UTF-8 with a BOM and CRLF for spreadsheet software, the credits the licences require
 * as leading `#` comment lines (csv-parse `comment: '#'`, pandas `comment='#'`), then a header and one row
 * per facility.
 */
import { stringify } from 'csv-stringify/sync';
import { CREDITS } from './credits.ts';

/** Text, a number (latitude, 丁目; written as is), or an empty cell. */
type Cell = string | number | undefined;

/** Some credit texts already begin with 「出典: 」; keep them verbatim rather than doubling it. */
const creditLine = (c: (typeof CREDITS)[number]): string => {
  const text = c.credit ?? c.dataset;
  return ['# ' + (text.startsWith('出典: ') ? text : `出典: ${text}`), `ライセンス: ${c.licence.ja}`, ...(c.url ? [c.url] : [])].join(' ／ ');
};

const COMMENTS = ['# 「…の出典」列が derived の値は推定値です（derived values are estimates）。', ...CREDITS.map(creditLine)];

export function openDataCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const table = stringify([[...header], ...rows.map((r) => [...r])], {
    record_delimiter: 'windows',
    // Setting record_delimiter turns off quoting of a lone \n or \r, which would split a row.
    quote_record_delimiter: true,
    // OWASP CSV injection: a text cell starting with = + - @ tab or CR (or their full-width forms) gets a
    // leading ' so spreadsheets show it instead of running it; numbers are left alone.
    escape_formulas: true,
    // Readers given comment '#' cut an unquoted line at any #, not only at the start.
    quoted_match: '#',
  });
  return `\uFEFF${COMMENTS.join('\r\n')}\r\n${table}`;
}
