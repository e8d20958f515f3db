/**
 * axe-core in Chromium: serious and critical WCAG 2.x A/AA violations on the current page.
 * axe is injected as a script, which the site's CSP rightly refuses: call this on a page whose context
 * was created with `bypassCSP: true`, and keep every other test on the real CSP.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

declare global {
  /** axe-core, once its script is added to the page. */
  interface Window {
    axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResult> };
  }
}

export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    return window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
