/**
 * A person who works at a facility and has consented to a public profile.
 * No page reads people yet; `private` never reaches dist/ (tests/build/private-fields.test.ts).
 */
import { z } from 'zod';
import { IsoDate, Slug } from './common.ts';

export const PersonSchema = z.object({
  /** Stable ASCII id, the file name. */
  id: Slug,
  /** Name as the person wants it shown. */
  name: z.string().min(1),
  /** Reading in kana. */
  kana: z.string().optional(),
  /** Role, e.g. 院長, 看護師. */
  role: z.string().max(40).optional(),
  /** Facilities the person works at. */
  facilities: z.array(Slug).min(1, { error: '勤務先の施設を 1 つ以上選んでください' }),
  /** Specialist qualifications (names from the qualifications vocabulary). */
  qualifications: z.array(z.string().min(1)).default([]),
  /** Society memberships. */
  societies: z.array(z.string().min(1)).default([]),
  /** Skills in the person's own words. */
  skills: z.array(z.string().max(100)).default([]),
  /** Consent to publish: without `publish: true` nothing about the person is built. */
  consent: z.object({
    /** The person agreed to a public profile. */
    publish: z.boolean(),
    /** When they agreed (or withdrew). */
    date: IsoDate,
  }),
  /** Never published: contact and notes for the operator's records only. */
  private: z
    .object({
      /** Contact email. */
      email: z.email({ error: 'メールアドレスの形が正しくありません' }).optional(),
      /** Contact phone. */
      phone: z.string().optional(),
      /** Operator's notes. */
      notes: z.string().optional(),
    })
    .default({}),
});
/** A person as validated (every collection exports its type, GUIDE §3; staff profiles will read it). @public */
export type Person = z.output<typeof PersonSchema>;
