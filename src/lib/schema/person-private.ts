/**
 * What a person gave the operator that is not published: it lives in D1 only, encrypted
 * (migrations/0103_people_private.sql, functions/_lib/people.ts), never in content/ or Git.
 */
import { z } from 'zod';
import { IsoDate, Slug } from './common.ts';
import { PERSON_SECTIONS } from './person.ts';

export const PersonPrivateSchema = z.object({
  /** The public id of the profile this belongs to. */
  id: Slug,
  /** Contact email (for consent renewals and APPI requests). */
  email: z.email({ error: 'メールアドレスの形が正しくありません' }).optional(),
  /** Contact phone. */
  phone: z.string().max(30).optional(),
  /** Licence (医籍登録番号 …), checked by the reviewer, never published. */
  licence: z.object({ kind: z.string().min(1).max(40), number: z.string().min(1).max(40), checked: IsoDate.optional() }).optional(),
  /** Documents the person sent (R2 object keys), e.g. a certificate's scan. */
  documents: z.array(z.object({ name: z.string().min(1).max(100), key: z.string().min(1).max(200) })).default([]),
  /** Sections the person registered but has not agreed to publish, as they sent them. */
  unpublished: z.partialRecord(z.enum(PERSON_SECTIONS), z.unknown()).default({}),
  /** The day the person asked to stop publication (「公開をやめる」); the profile's file is then removed by a PR. */
  withdrawn: IsoDate.optional(),
  /** The registration form's values as the person last sent them: what the edit link (「登録内容を更新する」) fills in. */
  form: z.record(z.string(), z.unknown()).optional(),
  /** The operator's notes. */
  notes: z.string().max(2000).optional(),
});
export type PersonPrivate = z.output<typeof PersonPrivateSchema>;
