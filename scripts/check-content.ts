#!/usr/bin/env node
/** `npm run check:content [-- --dir <content folder>]`: the build's content checks, without building. */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { checkContent, formatProblems } from '../src/lib/check/check-content.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const dir = path.resolve(values.dir ?? process.env['CONTENT_DIR'] ?? 'content');
const { problems, content } = await checkContent(dir);
const summary = Object.entries(content.counts)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');
if (problems.length > 0) {
  console.error(formatProblems(problems));
  console.error(`内容の検査: ${problems.length} 件の問題があります（${summary}）`);
  process.exit(1);
}
console.log(`内容の検査: 問題なし（${summary}）`);
