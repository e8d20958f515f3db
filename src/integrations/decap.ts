/**
 * Builds /admin (Decap CMS) into the output folder after the site is built:
 * - `admin/config.yml`: generated from the schema registry and the vocabularies in content/ (src/lib/decap/config.ts);
 * - `admin/cms.js` (+ `cms.css`, `cms.js.LEGAL.txt`): src/admin/main.ts and Decap from npm, bundled by esbuild.
 *   The bundle depends on code only, so it is cached under the Astro cache folder and rebuilt only when one
 *   of its input files changes (a content-only rebuild costs nothing here);
 * - `admin/index.html`: loads the bundle; `noindex`. Its CSP comes from functions/_lib/security-headers.ts.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { stringify } from 'yaml';
import type { LoadedContent } from '../lib/check/check-content.ts';
import { checkedContent } from './content-check.ts';
import { buildDecapConfig, settingsFromEnv, type Vocabularies } from '../lib/decap/config.ts';
import { messages } from '../i18n/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = path.join(root, 'src/admin/main.ts');
/** Decap's ajv config check needs 'unsafe-eval'; see the stub for why it is safe to leave out. */
const VALIDATE_STUB = path.join(root, 'src/admin/config-validated-at-build.ts');
const BUNDLE_FILES = ['cms.js', 'cms.css', 'cms.js.LEGAL.txt'];

/** Picker options from the vocabularies, named as the Japanese pages name them, in the order an editor scans them. */
export function vocabularies(c: LoadedContent): Vocabularies {
  const { names } = messages('ja');
  const byValue = (a: { value: string }, b: { value: string }) => (a.value < b.value ? -1 : 1);
  return {
    departments: [...c.departments.values()].map((d) => ({ value: d.code, label: d.name })).sort(byValue),
    stations: [...c.stations.values()].map((s) => ({ value: s.id, label: names.station(s) })).sort(byValue),
    areas: [...c.areas.values()].map((a) => ({ value: a.id, label: names.area(a) })).sort(byValue),
    facilities: [...c.facilities.values()].map((f) => ({ value: f.id, label: `${f.name.display}（${f.id}）` })).sort(byValue),
    qualifications: [...c.qualifications.values()]
      .map((q) => ({ value: q.id, label: `${q.name}（${c.societies.get(q.society)?.short ?? q.society}）` }))
      .sort(byValue),
    societies: [...c.societies.values()].map((s) => ({ value: s.id, label: s.name })).sort(byValue),
    skills: [...c.skills.values()].map((s) => ({ value: s.id, label: s.name })).sort(byValue),
  };
}

const INDEX_HTML = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>編集画面｜中野区診療所データベース</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
<link rel="stylesheet" href="cms.css">
</head>
<body>
<noscript>編集画面を使うには JavaScript を有効にしてください。</noscript>
<script src="cms.js"></script>
</body>
</html>
`;

async function hashFiles(files: string[]): Promise<string> {
  const h = createHash('sha256');
  for (const f of [...files].sort()) {
    h.update(f);
    h.update(await readFile(path.join(root, f)).catch(() => Buffer.from('missing')));
  }
  return h.digest('hex');
}

/** Bundle src/admin/main.ts into `outDir`, reusing the cached bundle when no input changed. Returns whether it was cached. */
async function bundle(outDir: string, cacheDir: string): Promise<boolean> {
  const manifestFile = path.join(cacheDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8').catch(() => '{}')) as { inputs?: string[]; hash?: string };
  if (manifest.inputs && manifest.hash === (await hashFiles(manifest.inputs))) {
    try {
      for (const f of BUNDLE_FILES) await copyFile(path.join(cacheDir, f), path.join(outDir, f));
      return true;
    } catch {
      /* cache incomplete: rebuild */
    }
  }
  const { build } = await import('esbuild');
  const siteCss = await readFile(path.join(root, 'src/styles.css'), 'utf8');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    outfile: path.join(cacheDir, 'cms.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', __SITE_CSS__: JSON.stringify(siteCss) },
    plugins: [
      {
        name: 'config-validated-at-build',
        setup(b) {
          b.onResolve({ filter: /constants\/configSchema$/ }, (args) => (args.importer.includes('decap-cms-core') ? { path: VALIDATE_STUB } : undefined));
        },
      },
    ],
  });
  // esbuild writes cms.css only when a bundled module imports CSS; keep the set of files stable.
  for (const f of BUNDLE_FILES) await stat(path.join(cacheDir, f)).catch(() => writeFile(path.join(cacheDir, f), ''));
  // The bundler's settings live in this file: a change here rebuilds the bundle too.
  const inputs = [...Object.keys(result.metafile.inputs).map((p) => path.relative(root, path.resolve(root, p))), 'src/integrations/decap.ts'];
  await writeFile(manifestFile, JSON.stringify({ inputs, hash: await hashFiles(inputs) }));
  for (const f of BUNDLE_FILES) await copyFile(path.join(cacheDir, f), path.join(outDir, f));
  return false;
}

export default function decap(): AstroIntegration {
  let cacheDir = path.join(root, 'node_modules/.astro');
  return {
    name: 'nakano:decap',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = path.join(fileURLToPath(dir), 'admin');
        const bundleCache = path.join(cacheDir, 'decap');
        await mkdir(outDir, { recursive: true });
        await mkdir(bundleCache, { recursive: true });
        const content = await checkedContent();
        const config = buildDecapConfig(settingsFromEnv(process.env), vocabularies(content));
        await writeFile(
          path.join(outDir, 'config.yml'),
          `# 生成ファイル: src/lib/decap/config.ts がスキーマ（src/lib/schema）から作ります。手で編集しないでください。\n${stringify(config, { lineWidth: 0, aliasDuplicateObjects: false })}`,
        );
        await writeFile(path.join(outDir, 'index.html'), INDEX_HTML);
        const cached = await bundle(outDir, bundleCache);
        const js = await readFile(path.join(outDir, 'cms.js'));
        const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
        logger.info(
          `/admin: cms.js ${kb(js.length)}（gzip ${kb(gzipSync(js).length)}）${cached ? '、キャッシュを使用' : ''}、${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
