/**
 * Runs the content checker before Astro loads any collection, so a bad file fails the build with
 * our message (file › field: 日本語の説明) instead of a stack trace. The CMS integration reads the content it
 * loaded (checkedContent) instead of reading every file again: at 40,000 files that read costs a minute.
 */
import type { AstroIntegration } from 'astro';
import { checkContent, formatProblems, type LoadedContent } from '../lib/check/check-content.ts';
import { contentDir } from '../lib/content/content-dir.ts';

let checked: LoadedContent | undefined;

/** The content this build checked (the CMS pickers' vocabularies), or a fresh read when no check ran. */
export async function checkedContent(): Promise<LoadedContent> {
  return checked ?? (await checkContent(contentDir)).content;
}

export default function contentCheck(): AstroIntegration {
  return {
    name: 'nakano:content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const { problems, content } = await checkContent(contentDir);
        if (problems.length > 0) {
          throw new Error(`内容の検査で ${problems.length} 件の問題が見つかりました:\n${formatProblems(problems)}`);
        }
        checked = content;
        logger.info(`内容の検査: 問題なし（施設 ${content.counts.facilities} 件、人物 ${content.counts.people} 件）`);
      },
    },
  };
}
