/**
 * The CMS config is generated from the schema; these tests walk the schema recursively and fail when an
 * editable field has no widget, or when required-ness, enum values or patterns differ from zod's, and they
 * check the result against Decap's own config schema (which /admin cannot do at run time: see
 * src/admin/config-validated-at-build.ts).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IsoDate, TimeOfDay } from '../../src/lib/schema/common.ts';
import { collections, HoursSchema } from '../../src/lib/schema/index.ts';
import {
  buildDecapConfig,
  fieldFor,
  MANAGED_FIELDS,
  REVIEWER_COLLECTION,
  REVIEWER_FIELDS,
  settingsFromEnv,
  type DecapField,
  type DecapCollection,
  type Vocabularies,
} from '../../src/lib/decap/config.ts';
import { FIELD_TEXT, enumLabel } from '../../src/lib/decap/labels.ts';
import { leaves, shapeOf, type Shape } from '../../src/lib/decap/schema-walk.ts';

const root = path.resolve(import.meta.dirname, '../..');
const vocab: Vocabularies = {
  departments: [
    { value: '01001', label: '内科' },
    { value: '01013', label: '小児科' },
  ],
  stations: [{ value: 'nakano', label: '中野駅' }],
  areas: [{ value: 'nakano-5', label: '中野5丁目' }],
  facilities: [{ value: 'f-kakuu-1', label: '架空クリニック（f-kakuu-1）' }],
  qualifications: [{ value: 'q001', label: '内科専門医（内科学会）' }],
  societies: [{ value: 'soc001', label: '一般社団法人日本内科学会' }],
  skills: [{ value: 'abdominal-ultrasound', label: '腹部超音波' }],
};
const config = buildDecapConfig(settingsFromEnv({}), vocab);
const collection = (name: string) => config.collections.find((c) => c.name === name)!;

/** The Decap field at a schema path (`a.b[].c`), following object `fields`, list `fields` and list `field`. */
function fieldAt(fields: DecapField[], p: string): DecapField | undefined {
  let list: DecapField[] | undefined = fields;
  let field: DecapField | undefined;
  for (const part of p.split('.')) {
    const name = part.replace(/\[\]$/, '');
    field = list?.find((f) => f.name === name);
    if (!field) return undefined;
    list = field['fields'] as DecapField[] | undefined;
    if (part.endsWith('[]') && field['field']) list = [field['field'] as DecapField];
  }
  return field;
}

/**
 * Whether an editor must fill in a field: zod requires it and every object around it, up to the list item
 * it is in, is required too (an optional object left empty is valid; the save hook checks the rest).
 */
function requiredInForm(schema: Parameters<typeof shapeOf>[0], p: string): boolean {
  let shape: Shape = shapeOf(schema);
  let required = true;
  for (const part of p.split('.')) {
    if (shape.kind !== 'object') throw new Error(`${p}: not an object at ${part}`);
    shape = shape.fields[part.replace(/\[\]$/, '')]!;
    required = required && shape.required;
    if (part.endsWith('[]') && shape.kind === 'array') {
      shape = shape.element;
      required = true;
    }
  }
  return required;
}

const PICKED: Record<string, keyof Vocabularies> = {
  'facilities:departments[].code': 'departments',
  'facilities:hours.schedules[].departments': 'departments',
  'facilities:access.stations[].station': 'stations',
  'facilities:address.area': 'areas',
  'facilities:status.movedTo': 'facilities',
  'people:affiliations[].facility': 'facilities',
  'people:affiliations[].departments': 'departments',
  'people:qualifications[].qualification': 'qualifications',
  'people:memberships.societies': 'societies',
  'people:skills.ids': 'skills',
  'skills:departments': 'departments',
  'qualifications:society': 'societies',
};
const REGISTERED_WIDGETS = new Set(['string', 'text', 'number', 'boolean', 'select', 'list', 'object', 'datetime', 'hidden', 'markdown']);
const optionValues = (f: DecapField) => (f['options'] as { value: unknown }[]).map((o) => o.value);

describe('CMS config generated from the schema', () => {
  for (const [name, def] of Object.entries(collections)) {
    describe(`${def.label}（${name}）`, () => {
      const all = leaves(shapeOf(def.schema));
      it.each(all.map((l) => [l.path, l.shape] as [string, Shape]))('%s has a widget that matches the schema', (p, shape) => {
        const top = p.split(/[.[]/)[0]!;
        const reviewerOnly = name === 'facilities' && (REVIEWER_FIELDS as readonly string[]).includes(top);
        const managed = name === 'facilities' && (MANAGED_FIELDS as readonly string[]).includes(top);
        const field = fieldAt(collection(reviewerOnly ? REVIEWER_COLLECTION : name).fields, managed ? top : p);
        expect(field, `${name}:${p} has no field in the CMS`).toBeDefined();
        expect(REGISTERED_WIDGETS.has(field!.widget), `${field!.widget} is a registered widget`).toBe(true);
        expect(FIELD_TEXT[`${name}:${managed ? top : p}`]?.label, `${name}:${p} has a Japanese label`).toBeTruthy();
        if (managed) {
          // Filled in on save (src/lib/decap/save.ts), never typed by an editor.
          expect(field!.widget).toBe('hidden');
          return;
        }
        expect(field!.widget).not.toBe('hidden');
        expect(field!.required !== false, `${name}:${p} required-ness`).toBe(requiredInForm(def.schema, p));
        const picker = PICKED[`${name}:${p}`];
        if (picker) {
          expect(field!.widget).toBe('select');
          expect(optionValues(field!)).toEqual(vocab[picker].map((o) => o.value));
          expect(field!['multiple']).toBe(shape.kind === 'array');
          return;
        }
        const values = shape.kind === 'enum' ? shape.values : shape.kind === 'array' && shape.element.kind === 'enum' ? shape.element.values : undefined;
        if (values) {
          expect(field!.widget).toBe('select');
          expect(optionValues(field!)).toEqual(values);
          expect(field!['multiple'] === true).toBe(shape.kind === 'array');
          for (const v of values) expect(enumLabel(name, p, v), `label of ${name}:${p} = ${v}`).toBeTruthy();
        }
        if (shape.kind === 'array' && shape.min) expect(field!['min']).toBe(shape.min);
        // Dates use the browser's date picker, which cannot produce anything else; a /u pattern cannot run in
        // Decap (it builds RegExp without flags), so those are checked on save by the schema itself.
        if (shape.kind === 'string' && shape.pattern && !shape.pattern.flags.includes('u') && field!['format'] !== 'YYYY-MM-DD') {
          expect(field!['pattern']).toEqual([shape.pattern.source, shape.pattern.message]);
        }
        if (shape.kind === 'number') {
          expect(field!.widget).toBe('number');
          expect(field!['value_type']).toBe(shape.int ? 'int' : 'float');
          expect(field!['min']).toBe(shape.min);
          expect(field!['max']).toBe(shape.max);
        }
      });
    });
  }

  describe('date and time pickers come from the metadata of the schema, not from its pattern', () => {
    const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
    const TIME_RE = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
    const field = (s: z.ZodType) => fieldFor('test', 'when', 'when', shapeOf(s), vocab);
    const DATE_PICKER = { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false };
    const TIME_PICKER = { widget: 'datetime', format: 'HH:mm', date_format: false, time_format: 'HH:mm' };

    it('gives a text box to a string with the date or time pattern but no metadata', () => {
      expect(field(z.string().regex(DATE_RE)).widget).toBe('string');
      expect(field(z.string().regex(TIME_RE)).widget).toBe('string');
    });

    it('gives the picker to a string whose metadata asks for it, whatever its pattern', () => {
      expect(field(z.string().regex(DATE_RE).meta({ widget: 'date' }))).toMatchObject(DATE_PICKER);
      expect(
        field(
          z
            .string()
            .regex(/^\d{8}$/)
            .meta({ widget: 'date' }),
        ),
      ).toMatchObject(DATE_PICKER);
      expect(field(z.string().regex(TIME_RE).meta({ widget: 'time' }))).toMatchObject(TIME_PICKER);
    });

    it('keeps the picker of IsoDate and TimeOfDay through optional, default and refinements', () => {
      expect(field(IsoDate)).toMatchObject(DATE_PICKER);
      expect(field(IsoDate.optional())).toMatchObject(DATE_PICKER);
      expect(field(TimeOfDay.default('09:00'))).toMatchObject(TIME_PICKER);
      expect(field(TimeOfDay.refine((t) => t !== '24:00'))).toMatchObject(TIME_PICKER);
    });

    it('refuses a picker on a field that is not a string', () => {
      expect(() => shapeOf(z.number().meta({ widget: 'date' }))).toThrow(/文字列の項目にだけ/);
    });

    it('gives exactly the date and time fields of the real collections a picker', () => {
      const pickers: string[] = [];
      const walk = (c: string, fields: DecapField[], prefix: string) => {
        for (const f of fields) {
          const p = `${prefix}${f.name}`;
          if (f.widget === 'datetime') pickers.push(`${c}:${p} ${String(f['format'])}`);
          const nested = f['fields'] as DecapField[] | undefined;
          if (nested) walk(c, nested, f.widget === 'list' ? `${p}[].` : `${p}.`);
          const item = f['field'] as DecapField | undefined;
          if (item?.widget === 'datetime') pickers.push(`${c}:${p}[] ${String(item['format'])}`);
        }
      };
      for (const c of config.collections) walk(c.name, c.fields, '');
      expect(pickers.sort()).toEqual(
        [
          'facilities:hours.schedules[].slots[].open HH:mm',
          'facilities:hours.schedules[].slots[].close HH:mm',
          'facilities:hours.schedules[].slots[].receptionOpen HH:mm',
          'facilities:hours.schedules[].slots[].receptionClose HH:mm',
          'facilities:hours.datedClosures[].from YYYY-MM-DD',
          'facilities:hours.datedClosures[].to YYYY-MM-DD',
          'facilities:status.since YYYY-MM-DD',
          'people:consent.date YYYY-MM-DD',
          'people:consent.policyVersion YYYY-MM-DD',
          'people:consent.withdrawn YYYY-MM-DD',
          'people:licence.date YYYY-MM-DD',
          'people:affiliations[].from YYYY-MM-DD',
          'people:affiliations[].to YYYY-MM-DD',
          'people:qualifications[].acquired YYYY-MM-DD',
          'people:qualifications[].validUntil YYYY-MM-DD',
          'people:qualifications[].verification.date YYYY-MM-DD',
          ...['identity', 'affiliations', 'qualifications', 'memberships', 'skills', 'portfolio'].map((k) => `people:provenance.${k}.date YYYY-MM-DD`),
          'skills:source.date YYYY-MM-DD',
          'symptoms:source.date YYYY-MM-DD',
          'qualifications:source.date YYYY-MM-DD',
          'societies:source.date YYYY-MM-DD',
          'pages:updated YYYY-MM-DD',
          'pages:revisions[].date YYYY-MM-DD',
          'departments:source.date YYYY-MM-DD',
          'stations:source.date YYYY-MM-DD',
          'areas:source.date YYYY-MM-DD',
        ].sort(),
      );
    });
  });

  it('hides who may edit a facility from the facility form and gives it to reviewers only', () => {
    expect(fieldAt(collection('facilities').fields, 'editors')!.widget).toBe('hidden');
    const reviewer = collection(REVIEWER_COLLECTION);
    expect(reviewer['folder']).toBe(collection('facilities')['folder']);
    expect([reviewer['create'], reviewer['delete']]).toEqual([false, false]);
    expect(reviewer.fields.filter((f) => f.widget !== 'hidden').map((f) => f.name)).toEqual(['editors']);
  });

  it('offers what an editor needs for 「月火木金 9:00–12:30, 15:00–18:30, 水土 9:00–12:30, 第2土曜休診」', () => {
    const f = collection('facilities').fields;
    const days = fieldAt(f, 'hours.schedules[].slots[].days')!;
    const label = (field: DecapField, v: unknown) => (field['options'] as { value: unknown; label: string }[]).find((o) => o.value === v)!.label;
    expect(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'hol'].map((d) => label(days, d)).join('')).toBe('月火水木金土日祝');
    expect(fieldAt(f, 'hours.schedules[].slots[].open')!['time_format']).toBe('HH:mm');
    const weeks = fieldAt(f, 'hours.nthWeekClosures[].weeks')!;
    const day = fieldAt(f, 'hours.nthWeekClosures[].day')!;
    expect([label(weeks, 2), label(day, 'sat')]).toEqual(['第2', '土曜日']);
    // What the form produces for that sentence is valid hours.
    const mtf = ['mon', 'tue', 'thu', 'fri'];
    const hours = {
      schedules: [
        {
          slots: [
            { days: mtf, open: '09:00', close: '12:30' },
            { days: mtf, open: '15:00', close: '18:30' },
            { days: ['wed', 'sat'], open: '09:00', close: '12:30' },
          ],
        },
      ],
      nthWeekClosures: [{ weeks: [2], day: 'sat' }],
    };
    expect(HoursSchema.safeParse(hours).success).toBe(true);
  });

  it('uses the GitHub backend with the editorial workflow, repository, branch and scope from the environment', () => {
    const c = buildDecapConfig(
      settingsFromEnv({ GITHUB_CONTENT_REPO: 'o/r', DECAP_GITHUB_BRANCH: 'content', GITHUB_OAUTH_SCOPE: 'repo', DECAP_OPEN_AUTHORING: 'false' }),
      vocab,
    );
    expect(c['publish_mode']).toBe('editorial_workflow');
    expect(c['backend']).toMatchObject({
      name: 'github',
      repo: 'o/r',
      branch: 'content',
      auth_scope: 'repo',
      auth_endpoint: 'api/auth',
      open_authoring: false,
    });
    expect(c['locale']).toBe('ja');
    expect(() => settingsFromEnv({ GITHUB_OAUTH_SCOPE: 'admin:org' })).toThrow(/public_repo か repo/);
  });

  describe("Decap's own config schema", () => {
    let validateConfig: (c: unknown) => void;
    beforeAll(async () => {
      // decap-cms-core's validator, bundled for Node with the three modules it only needs constants from.
      const widgets = ['string', 'text', 'number', 'boolean', 'select', 'list', 'object', 'datetime', 'markdown', 'hidden'].filter((w) => {
        try {
          readFileSync(path.join(root, `node_modules/decap-cms-widget-${w}/dist/esm/schema.js`));
          return true;
        } catch {
          return false;
        }
      });
      const stubs: Record<string, string> = {
        registry: `${widgets.map((w) => `import ${w} from 'decap-cms-widget-${w}/dist/esm/schema.js';`).join('\n')}
export const getWidgets = () => [${widgets.map((w) => `{ name: '${w}', schema: ${w} }`).join(', ')}];`,
        formats: `export const frontmatterFormats = ['yaml-frontmatter', 'toml-frontmatter', 'json-frontmatter'];
export const extensionFormatters = { yml: 1, yaml: 1, toml: 1, json: 1, md: 1, markdown: 1, html: 1 };`,
        i18n: `export const I18N_STRUCTURE = { MULTIPLE_FOLDERS: 'multiple_folders', MULTIPLE_FILES: 'multiple_files', SINGLE_FILE: 'single_file' };
export const I18N_FIELD = { TRANSLATE: 'translate', DUPLICATE: 'duplicate', NONE: 'none' };`,
      };
      const out = await build({
        entryPoints: [path.join(root, 'node_modules/decap-cms-core/dist/esm/constants/configSchema.js')],
        absWorkingDir: root,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        write: false,
        logLevel: 'error',
        plugins: [
          {
            name: 'constants-only',
            setup(b) {
              b.onResolve({ filter: /^\.\.\/(lib\/registry|formats\/formats|lib\/i18n)$/ }, (a) => ({ path: a.path.split('/').pop()!, namespace: 'stub' }));
              b.onLoad({ filter: /.*/, namespace: 'stub' }, (a) => ({ contents: stubs[a.path]!, loader: 'js', resolveDir: root }));
            },
          },
        ],
      });
      const file = path.join(await mkdtemp(path.join(tmpdir(), 'decap-schema-')), 'config-schema.cjs');
      await writeFile(file, out.outputFiles[0]!.text);
      ({ validateConfig } = createRequire(import.meta.url)(file) as { validateConfig: typeof validateConfig });
    });

    it('accepts the generated config', () => {
      expect(() => validateConfig(JSON.parse(JSON.stringify(config)))).not.toThrow();
    });

    it('would catch a broken field (so the check above means something)', () => {
      const broken = JSON.parse(JSON.stringify(config));
      const kind = broken.collections.find((c: DecapCollection) => c.name === 'facilities').fields.find((f: DecapField) => f.name === 'kind');
      kind.options = 'clinic';
      expect(() => validateConfig(broken)).toThrow(/options/);
    });
  });
});
