/**
 * `npm run check:clones`: repeated code in src/, functions/, scripts/ and workers/, found by jscpd (runs of
 * at least 6 lines and 35 tokens, identical but for white space and comments). More than MAX_CLONES pairs
 * fails, listing each pair, so a copy is merged before it lands. README, "Code health".
 */
import { createRequire } from 'node:module';
import type * as Jscpd from 'jscpd';

// jscpd's ES module build imports `colors/safe` without an extension, which Node refuses; its CommonJS build works.
const { detectClones } = createRequire(import.meta.url)('jscpd') as typeof Jscpd;

export const MAX_CLONES = 5;

const clones = await detectClones({
  path: ['src', 'functions', 'scripts', 'workers'],
  ignore: ['**/_generated/**', '**/node_modules/**'],
  minLines: 6,
  minTokens: 35,
  silent: true,
  reporters: [],
  gitignore: true,
});
for (const c of clones) {
  const at = (d: typeof c.duplicationA) => `${d.sourceId}:${d.start.line}-${d.end.line}`;
  console.log(`clone: ${at(c.duplicationA)} ~ ${at(c.duplicationB)}`);
}
console.log(`${clones.length} repeated runs of code (at most ${MAX_CLONES})`);
if (clones.length > MAX_CLONES) process.exit(1);
