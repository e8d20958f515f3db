/**
 * Builds the Pagefind index after the site is written (astro:build:done), through Pagefind's Node API.
 * Only facility pages (and person pages, once they exist) are indexed, and of each only the hidden
 * <SearchMeta> block: its encoded keywords, filters, metadata and sort key. The visible text stays out,
 * because Pagefind would segment it differently from the query (docs/decisions/0400-search-normalisation.md).
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Pages that get a search record: one fragment file each (the second dist/ file per facility). */
export const INDEXED_PAGES = '{facilities,people}/*/index.html';
/** Everything inside data-pagefind-body except the <SearchMeta> block. */
export const EXCLUDE_SELECTORS = ['[data-pagefind-body] > :not([data-search])'];
/** Pagefind's own UIs: we render results ourselves (src/scripts/search.ts), so they are not shipped. */
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
