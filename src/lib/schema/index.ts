/**
 * The collection registry: each collection's name, its folder under content/, the file format and its schema.
 * Astro (src/content.config.ts), the content checker and the CMS config generator all read this one list.
 */
import type { z } from 'zod';
import { FacilitySchema } from './facility.ts';
import { PageSchema } from './page.ts';
import { PersonSchema } from './person.ts';
import { AreaSchema, DepartmentSchema, QualificationSchema, SkillSchema, SocietySchema, StationSchema, SymptomSchema } from './vocab.ts';

export interface CollectionDef<S extends z.ZodType = z.ZodType> {
  /** Collection name used by astro:content. */
  name: string;
  /** Folder under content/. */
  folder: string;
  /** File pattern inside the folder. */
  pattern: string;
  /** Japanese label for editors and error messages. */
  label: string;
  /** Whether the file name (without extension) must equal the entry's `id`/`code` field. */
  idField?: string;
  schema: S;
}

export const collections = {
  facilities: { name: 'facilities', folder: 'facilities', pattern: '*.yaml', label: '医療機関', idField: 'id', schema: FacilitySchema },
  people: { name: 'people', folder: 'people', pattern: '*.yaml', label: '人物', idField: 'id', schema: PersonSchema },
  departments: { name: 'departments', folder: 'departments', pattern: '*.yaml', label: '診療科', idField: 'code', schema: DepartmentSchema },
  areas: { name: 'areas', folder: 'areas', pattern: '*.yaml', label: '地域（町丁目）', idField: 'id', schema: AreaSchema },
  stations: { name: 'stations', folder: 'stations', pattern: '*.yaml', label: '駅', idField: 'id', schema: StationSchema },
  skills: { name: 'skills', folder: 'skills', pattern: '*.yaml', label: '検査・診療技能', idField: 'id', schema: SkillSchema },
  qualifications: { name: 'qualifications', folder: 'qualifications', pattern: '*.yaml', label: '資格', idField: 'id', schema: QualificationSchema },
  societies: { name: 'societies', folder: 'societies', pattern: '*.yaml', label: '学会', idField: 'id', schema: SocietySchema },
  symptoms: { name: 'symptoms', folder: 'symptoms', pattern: '*.yaml', label: '症状', idField: 'id', schema: SymptomSchema },
  pages: { name: 'pages', folder: 'pages', pattern: '*.md', label: 'ページ', schema: PageSchema },
} as const satisfies Record<string, CollectionDef>;

export type CollectionName = keyof typeof collections;

export * from './common.ts';
export * from './facility.ts';
export * from './hours.ts';
export * from './page.ts';
export * from './person.ts';
export * from './provenance.ts';
export * from './vocab.ts';
export * from './forms.ts';
export * from './person-private.ts';
