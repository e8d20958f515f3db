/**
 * スタッフ紹介の登録: the form at /people/register/, as the browser sends it (flat fields, so it works without
 * JavaScript); functions/_lib/person-registration.ts turns it into a profile. The person chooses section by section what is
 * public (`publish`); a section they fill in but do not publish goes to D1 only, with their email, phone and
 * licence number. The values are checked by the profile schema (PersonSchema) and the same reference rules as
 * `npm run check:content` (src/lib/check/people.ts).
 */
import { z } from 'zod';
import { PERSON_SECTIONS, PROFESSIONS } from './person.ts';
import type { $ZodType } from 'zod/v4/core';
import { CommonShape, Consent, FacilityIdField, FormEmail, optionalText, PHONE, text } from './forms.ts';

const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item, { error: 'type' }).max(max, { error: 'tooLong' }));
const emptyIsNone = <T extends $ZodType>(t: T) => z.preprocess((v) => (v === '' ? undefined : v), z.optional(t));
const slug = z.string({ error: 'type' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'invalidChoice' });
const day = z.string({ error: 'type' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalid' });

export const PersonRegistrationFormSchema = z.strictObject({
  ...CommonShape,
  /** 本人確認: the person's own words, shown on the profile. */
  name: text(60),
  kana: optionalText(60),
  romaji: optionalText(60),
  profession: z.enum(PROFESSIONS, { error: (iss) => (iss.input === undefined || iss.input === '' ? 'required' : 'invalidChoice') }),
  /** 勤務先 (one, the current one): a facility in the directory, or a place outside it. */
  facility: emptyIsNone(FacilityIdField),
  place: optionalText(100),
  affRole: optionalText(40),
  employment: emptyIsNone(z.enum(['full-time', 'part-time'], { error: 'invalidChoice' })),
  affFrom: emptyIsNone(day),
  departments: list(z.string({ error: 'type' }).regex(/^\d{5}$/, { error: 'invalidChoice' }), 20),
  qualifications: list(slug, 40),
  societies: list(slug, 40),
  skills: list(slug, 60),
  /** Skills in the person's own words, one per line or separated by 、 or a comma. */
  skillsOther: optionalText(400, { multiline: true }),
  researchmap: optionalText(200),
  orcid: optionalText(60),
  website: optionalText(500),
  /** The sections to publish; the others are kept unpublished. */
  publish: list(z.enum(PERSON_SECTIONS, { error: 'invalidChoice' }), PERSON_SECTIONS.length),
  /** Not published: for the reviewer's checks and the person's own requests. */
  email: FormEmail,
  phone: emptyIsNone(text(30, { pattern: PHONE })),
  licenceNumber: optionalText(40),
  /** The signed, single-use link from 「登録内容を更新する」: the registration then updates that profile. */
  edit: emptyIsNone(z.string({ error: 'type' }).max(200, { error: 'tooLong' })),
  /** 「選んだ項目の公開に同意します」 and the privacy policy. */
  consent: Consent,
  agree: Consent,
});
export type PersonRegistrationForm = z.output<typeof PersonRegistrationFormSchema>;

/**
 * 公開をやめる and 登録内容を更新する: the person's public id and the email they registered with (it must match the one
 * in D1 for anything to be sent).
 */
export const PersonByEmailFormSchema = z.strictObject({
  ...CommonShape,
  person: z
    .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type') })
    .min(1, { error: 'required' })
    .max(100, { error: 'tooLong' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'invalidChoice' }),
  email: FormEmail,
  agree: Consent,
});
