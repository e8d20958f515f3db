/** Editorial pages (privacy policy, about): Markdown files in content/pages with this front matter. */
import { z } from 'zod';
import { IsoDate } from './common.ts';

export const PageSchema = z.object({
  /** Page title. */
  title: z.string().min(1),
  /** One-line summary for search engines and link previews. */
  description: z.string().max(200),
  /** Date of the current version. */
  updated: IsoDate,
  /** Dated revision history, newest first. */
  revisions: z.array(z.object({ date: IsoDate, summary: z.string().min(1) })).default([]),
});
export type Page = z.output<typeof PageSchema>;
