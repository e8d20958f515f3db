/**
 * Streams the rows of an MHLW open-data file: `.csv`, `.csv.gz` or `.zip` (the first `.csv` inside),
 * UTF-8 with or without BOM, or Shift_JIS/CP932. The encoding is detected from the first 64 KB: a BOM
 * or valid UTF-8 is UTF-8, anything else is decoded as CP932 (what Excel writes when someone re-saves
 * the file). Rows are parsed by csv-parse as they arrive, so a national file never sits in memory.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import * as yauzl from 'yauzl';

export type Encoding = 'utf-8' | 'cp932';

export interface CsvSource {
  /** Header row, as in the file. */
  header: string[];
  /** Data rows, each an array aligned with `header`. */
  rows: AsyncIterable<string[]>;
  /** The encoding that was detected. */
  encoding: () => Encoding | undefined;
}

/** Reading progress in bytes of the file on disk (compressed bytes for .gz and .zip). */
export type OnProgress = (bytesRead: number, totalBytes: number) => void;

export class MhlwReadError extends Error {
  override name = 'MhlwReadError';
}

const SNIFF_BYTES = 64 * 1024;

/** Is the buffer valid UTF-8 (a multi-byte character cut at the end is allowed)? */
export function looksLikeUtf8(buf: Buffer): boolean {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: true });
    return true;
  } catch {
    return false;
  }
}

async function openRaw(file: string, onProgress?: OnProgress): Promise<Readable> {
  const total = (await stat(file)).size;
  let read = 0;
  const counter = () =>
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        read += chunk.length;
        onProgress?.(read, total);
        done(null, chunk);
      },
    });
  if (/\.zip$/i.test(file)) {
    const zip = await yauzl.openPromise(file);
    for await (const entry of zip.eachEntry()) {
      if (/\.csv$/i.test(entry.fileName)) {
        const stream = await zip.openReadStreamPromise(entry);
        // Progress for a zip entry is measured on the uncompressed bytes.
        let done = 0;
        return stream.pipe(
          new Transform({
            transform(chunk: Buffer, _enc, cb) {
              done += chunk.length;
              onProgress?.(done, entry.uncompressedSize);
              cb(null, chunk);
            },
          }),
        );
      }
    }
    zip.close();
    throw new MhlwReadError(`${file}: ZIP の中に CSV ファイルがありません`);
  }
  const raw = createReadStream(file).pipe(counter());
  return /\.gz$/i.test(file) ? raw.pipe(createGunzip()) : raw;
}

/** Decode a byte stream to text, choosing the encoding from its first bytes. */
async function* decode(bytes: AsyncIterable<Buffer>, detected: (e: Encoding) => void): AsyncGenerator<string> {
  let head: Buffer[] = [];
  let headLength = 0;
  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  const start = () => {
    const buf = Buffer.concat(head);
    const encoding: Encoding = looksLikeUtf8(buf) ? 'utf-8' : 'cp932';
    detected(encoding);
    // iconv-lite strips a UTF-8 BOM by default.
    decoder = iconv.getDecoder(encoding === 'utf-8' ? 'utf8' : 'cp932');
    head = [];
    return decoder.write(buf);
  };
  for await (const chunk of bytes) {
    if (decoder) {
      yield decoder.write(chunk);
      continue;
    }
    head.push(chunk);
    headLength += chunk.length;
    if (headLength >= SNIFF_BYTES) yield start();
  }
  if (!decoder) yield start();
  const rest = decoder!.end();
  if (rest) yield rest;
}

/** Open a file and stream its CSV rows. */
export async function readCsv(file: string, onProgress?: OnProgress): Promise<CsvSource> {
  let encoding: Encoding | undefined;
  const raw = await openRaw(file, onProgress);
  const parser = Readable.from(decode(raw, (e) => (encoding = e))).pipe(parse({ relax_column_count: true, skip_empty_lines: true, bom: true }));
  raw.on('error', (e) => parser.destroy(e));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await iterator.next().catch((e: unknown) => {
    throw new MhlwReadError(`${file}: CSV として読めません（${e instanceof Error ? e.message : String(e)}）`);
  });
  if (first.done) throw new MhlwReadError(`${file}: ファイルが空です`);
  return {
    header: first.value.map((h) => h.trim()),
    rows: { [Symbol.asyncIterator]: () => iterator },
    encoding: () => encoding,
  };
}
