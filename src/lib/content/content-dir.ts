/**
 * Where content lives. `CONTENT_DIR` lets the benchmark and the tests build a synthetic or fixture
 * content set from a temporary folder, never from content/.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const contentDir: string = path.resolve(root, process.env['CONTENT_DIR'] ?? 'content');

/**
 * The demo build (`npm run build:demo`): fictional facilities and people (tests/fixtures/demo), every page
 * bannered 架空. Set by scripts/build-demo.ts only.
 */
export const demoSite: boolean = process.env['SITE_DEMO'] === '1';
