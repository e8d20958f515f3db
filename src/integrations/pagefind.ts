/**
 * Builds the Pagefind index after the site is written (astro:build:done), through Pagefind's Node API.
 * Only facility pages (and person pages, once they exist) are indexed, and of each only the hidden
 * <SearchMeta> block: its encoded keywords, filters, metadata and sort key. The visible text stays out,
 * because Pagefind would segment it differently from the query (docs/decisions/0400-search-normalisation.md).
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { INDEXED_PAGES } from '../lib/search/record.ts';

/** Everything inside data-pagefind-body except the <SearchMeta> block. */
export const EXCLUDE_SELECTORS = ['[data-pagefind-body] > :not([data-search])'];
/**
 * Where the build leaves Pagefind's search runtime for the /api/search function (functions/_lib/search.ts),
 * which runs the same search at the edge for a page's first results (docs/decisions/0402-first-results-at-the-edge.md).
 * Not in git: it is Pagefind's output, the same for every site built with this Pagefind version.
 */
export const FUNCTIONS_RUNTIME_DIR = fileURLToPath(new URL('../../functions/_generated/', import.meta.url));
/** Pagefind's Wasm file: gzip around a 12-byte signature and the module. */
const WASM_SIGNATURE = 'pagefind_dcd';

/** Pagefind's own UIs: we render results ourselves (src/scripts/search/), so they are not shipped. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

async function dirSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += (await stat(path.join(e.parentPath, e.name))).size;
  }
  return { files, bytes };
}

/** Write `bytes` to `file` unless it already holds them; through a temporary file, so a reader never sees half. */
async function writeIfChanged(file: string, bytes: Uint8Array): Promise<void> {
  const old = await readFile(file).catch(() => undefined);
  if (old && Buffer.compare(old, bytes) === 0) return;
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
}

/**
 * Pagefind's browser bundle and its Wasm module, unpacked, for the search function. Workers cannot compile
 * Wasm from bytes at run time, so the module is bundled with the function as a .wasm import.
 */
async function writeFunctionsRuntime(pagefindDir: string): Promise<void> {
  const files = await readdir(pagefindDir);
  const wasmFile = files.find((f) => /^wasm\..+\.pagefind$/.test(f));
  if (!wasmFile) throw new Error(`Pagefind: ${pagefindDir} に Wasm ファイルがありません`);
  let wasm = new Uint8Array(await readFile(path.join(pagefindDir, wasmFile)));
  if (new TextDecoder().decode(wasm.subarray(0, 12)) !== WASM_SIGNATURE) wasm = new Uint8Array(gunzipSync(wasm));
  if (new TextDecoder().decode(wasm.subarray(0, 12)) !== WASM_SIGNATURE) throw new Error(`Pagefind: ${wasmFile} の形式が想定と違います`);
  await mkdir(FUNCTIONS_RUNTIME_DIR, { recursive: true });
  await writeIfChanged(path.join(FUNCTIONS_RUNTIME_DIR, 'pagefind.wasm'), wasm.subarray(12));
  await writeIfChanged(path.join(FUNCTIONS_RUNTIME_DIR, 'pagefind.js'), await readFile(path.join(pagefindDir, 'pagefind.js')));
}

/** Index `siteDir` into `siteDir/pagefind`. Throws with Pagefind's own messages on any error. */
export async function buildSearchIndex(siteDir: string): Promise<{ pages: number; files: number; bytes: number }> {
  const outputPath = path.join(siteDir, 'pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
    if (!index || errors.length) throw new Error(`Pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir, glob: INDEXED_PAGES });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('Pagefind: 索引する医療機関のページがありません');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    for (const f of await readdir(outputPath)) if (UNUSED.test(f)) await rm(path.join(outputPath, f));
    await writeFunctionsRuntime(outputPath);
    return { pages: added.page_count, ...(await dirSize(outputPath)) };
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'nakano:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const r = await buildSearchIndex(fileURLToPath(dir));
        const ms = Math.round(performance.now() - started);
        logger.info(`検索索引: ${r.pages} ページ、${r.files} ファイル、${(r.bytes / 1024).toFixed(0)} KB、${ms} ms`);
      },
    },
  };
}
