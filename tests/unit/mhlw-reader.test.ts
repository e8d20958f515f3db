/** Reading the MHLW files in every form they arrive in: .csv/.csv.gz/.zip, UTF-8 (BOM or not), Shift_JIS. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { columnReader, FACILITY_HEADERS, HOURS_HEADERS } from '../../scripts/lib/mhlw/columns.ts';
import { readCsv } from '../../scripts/lib/mhlw/reader.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/mhlw');
const kakuu02_1 = path.join(fixtures, 'kakuu/02-1_clinic_facility_info_20260601.csv');
const kochi02_2 = path.join(fixtures, 'real-format/sample_REAL_kochi_02-2_clinic_speciality_hours_20260601_corrected_excerpt.csv');
const tmp = mkdtempSync(path.join(tmpdir(), 'mhlw-reader-'));

async function readAll(file: string) {
  const src = await readCsv(file);
  const rows: string[][] = [];
  for await (const r of src.rows) rows.push(r);
  return { header: src.header, rows, encoding: src.encoding() };
}

describe('readCsv', () => {
  const utf8 = readFileSync(kakuu02_1);
  const text = utf8.toString('utf8').replace(/^\uFEFF/, '');

  it('reads UTF-8 with a BOM; quoted fields keep their commas and newlines', async () => {
    expect(utf8.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const { header, rows, encoding } = await readAll(kakuu02_1);
    expect(encoding).toBe('utf-8');
    expect(header[0]).toBe('ID');
    expect(rows).toHaveLength(8);
    const get = columnReader(header, FACILITY_HEADERS, kakuu02_1);
    expect(get(rows[0]!, 'その他の休診日（gw、お盆等）')).toBe('年末年始（12/29~1/3）,\n学会出張時は休診');
    expect(get(rows[0]!, '所在地座標（緯度）')).toBe('35.70712');
  });

  it('reads the same rows from Shift_JIS (CP932), gzip and UTF-8 without BOM', async () => {
    const expected = (await readAll(kakuu02_1)).rows;
    const sjis = path.join(tmp, 'sjis.csv');
    writeFileSync(sjis, iconv.encode(text, 'cp932'));
    const gz = path.join(tmp, 'x.csv.gz');
    writeFileSync(gz, gzipSync(utf8));
    const nobom = path.join(tmp, 'nobom.csv');
    writeFileSync(nobom, text);
    const s = await readAll(sjis);
    expect(s.encoding).toBe('cp932');
    expect(s.rows).toEqual(expected);
    expect((await readAll(gz)).rows).toEqual(expected);
    expect((await readAll(nobom)).rows).toEqual(expected);
  });

  it('reads the first CSV inside a zip (real 高知 excerpt)', async () => {
    const zipped = await readAll(path.join(fixtures, 'real-format/02-2_clinic_speciality_hours_kochi_excerpt.zip'));
    const plain = await readAll(kochi02_2);
    expect(zipped.rows).toHaveLength(27);
    expect(zipped.rows).toEqual(plain.rows);
  });

  it('finds columns by name even with extra columns (the corrected derivative adds 注記)', async () => {
    const { header, rows } = await readAll(kochi02_2);
    const get = columnReader(header, HOURS_HEADERS, kochi02_2);
    expect(header.at(-1)).toBe('注記');
    expect(get(rows[0]!, '月_診療開始時間')).toBe('09:00');
  });

  it('a file of the wrong kind fails with the missing columns named', async () => {
    const { header } = await readAll(kochi02_2);
    expect(() => columnReader(header, FACILITY_HEADERS, 'x.csv')).toThrow(/医療情報ネットの形式ではありません。列が見つかりません: 正式名称/);
  });

  it('an empty file is an error, not zero rows', async () => {
    const empty = path.join(tmp, 'empty.csv');
    writeFileSync(empty, '');
    await expect(readCsv(empty)).rejects.toThrow(/空です/);
  });
});
