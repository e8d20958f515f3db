/** One collection per registry entry; the fields live in src/lib/schema, never here. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collections as registry } from './lib/schema/index.ts';
import { contentDir } from './lib/content/content-dir.ts';

const define = <K extends keyof typeof registry>(key: K) => {
  const c = registry[key];
  return defineCollection({
    loader: glob({ pattern: c.pattern, base: `${contentDir}/${c.folder}` }),
    schema: c.schema as (typeof registry)[K]['schema'],
  });
};

export const collections = {
  facilities: define('facilities'),
  people: define('people'),
  departments: define('departments'),
  areas: define('areas'),
  stations: define('stations'),
  pages: define('pages'),
};
