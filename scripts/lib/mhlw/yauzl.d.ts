/** The part of yauzl 3 the MHLW reader uses (the package ships no types). */
declare module 'yauzl' {
  import type { Readable } from 'node:stream';
  export interface Entry {
    fileName: string;
    uncompressedSize: number;
  }
  export interface ZipFile {
    eachEntry(): AsyncIterable<Entry>;
    openReadStreamPromise(entry: Entry): Promise<Readable>;
    close(): void;
  }
  export function openPromise(path: string, options?: { lazyEntries?: boolean; autoClose?: boolean }): Promise<ZipFile>;
}
