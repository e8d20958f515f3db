/** One collection per registry entry; the fields live in src/lib/schema, never here. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { z } from 'astro/zod';
import { collections as registry } from './lib/schema/index.ts';
import { contentDir } from './lib/content/content-dir.ts';

const define = <S extends z.ZodType>(c: { folder: string; pattern: string; schema: S }) =>
  defineCollection({ loader: glob({ pattern: c.pattern, base: `${contentDir}/${c.folder}` }), schema: c.schema });

export const collections = {
  facilities: define(registry.facilities),
  people: define(registry.people),
  departments: define(registry.departments),
  areas: define(registry.areas),
  stations: define(registry.stations),
  skills: define(registry.skills),
  qualifications: define(registry.qualifications),
  societies: define(registry.societies),
  symptoms: define(registry.symptoms),
  pages: define(registry.pages),
};
