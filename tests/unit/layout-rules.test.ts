/**
 * The layout (GUIDE §3, docs/architecture.md) as ESLint import rules (eslint.config.js): a file that imports
 * against it fails `npm run lint` with the rule's name. Each case lints a file written at a real place in the
 * tree (the file need not exist, its imports must) and expects exactly that rule; the allowed imports
 * beside them must pass, so a rule that forbade everything would fail here too.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The layout rules a file breaks: the `layout/<name>` words of its lint messages. */
async function brokenRules(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).flatMap((m) => /layout\/([a-z0-9-]+)/.exec(m.message)?.[1] ?? (m.fatal ? [`fatal: ${m.message}`] : []));
}

describe('import rules of the layout', () => {
  it.each([
    ['src/lib/schema/example.ts', 'schema-is-a-leaf', "import { toJst } from '../util/jst.ts';\nexport const x = toJst;\n"],
    ['src/lib/schema/example.ts', 'schema-is-a-leaf', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/lib/util/example.ts', 'util-is-pure', "import { fold } from '../search/normalize.ts';\nexport const x = fold;\n"],
    ['src/lib/check/example.ts', 'check-is-pure', "import { fold } from '../search/normalize.ts';\nexport const x = fold;\n"],
    ['src/lib/content/example.ts', 'lib-below-ui', "import { t } from '../../i18n/index.ts';\nexport const x = t;\n"],
    ['src/i18n/example.ts', 'i18n-holds-words', "import { toJst } from '../lib/util/jst.ts';\nexport const x = toJst;\n"],
    [
      'src/components/Example.astro',
      'astro-content-in-one-place',
      "---\nimport { getCollection } from 'astro:content';\nconst all = await getCollection('facilities');\n---\n<p>{all.length}</p>\n",
    ],
    ['functions/api/example.ts', 'handlers-are-thin', "import { searchPage } from '../../src/lib/search/query.ts';\nexport const x = searchPage;\n"],
    ['functions/_lib/example.ts', 'runs-in-workerd', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['scripts/example.ts', 'nothing-imports-tests', "import { axeViolations } from '../tests/setup/axe.ts';\nexport const x = axeViolations;\n"],
    [
      'src/pages/example.astro',
      'src-is-the-site',
      "---\nimport { startPagesDev } from '../../scripts/lib/dev-server.ts';\n---\n<p>{String(startPagesDev)}</p>\n",
    ],
  ])('%s breaks %s', async (file, rule, code) => {
    expect(await brokenRules(file, code)).toEqual([rule]);
  });

  it.each([
    ['src/lib/schema/example.ts', "import { z } from 'zod';\nimport { HoursSchema } from './hours.ts';\nexport const x = z.object({ h: HoursSchema });\n"],
    ['src/lib/util/example.ts', "import type { Hours } from '../schema/hours.ts';\nexport const x = (h: Hours) => h;\n"],
    ['functions/_lib/example.ts', "import { searchPage } from '../../src/lib/search/query.ts';\nexport const x = searchPage;\n"],
    ['scripts/example.ts', "import { ledgerKeys } from '../functions/_lib/config.ts';\nexport const x = ledgerKeys;\n"],
    ['src/lib/content/example.ts', "import { getCollection } from 'astro:content';\nexport const x = getCollection;\n"],
  ])('%s may import what it does', async (file, code) => {
    expect(await brokenRules(file, code)).toEqual([]);
  });
});
