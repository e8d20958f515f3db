/**
 * The UI strings (src/i18n): both languages have the same keys, every value says something, every key is
 * used somewhere in src/ or functions/, tables keyed by schema enum values have exactly the enum's keys,
 * and the Japanese words the search index holds are the index's own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { ja } from '../../src/i18n/ja.ts';
import { CORRECTION_FIELDS, DATA_REQUEST_TYPES, DataRequestFormSchema, FORM_ERROR_REASONS } from '../../src/lib/schema/forms.ts';
import {
  DATASETS,
  DAYS,
  DepartmentSchema,
  DERIVATION_METHODS,
  FACILITY_KINDS,
  FACILITY_STATES,
  LANGUAGES,
  PROVENANCE_FIELDS,
  SERVICES,
  SOURCE_KINDS,
} from '../../src/lib/schema/index.ts';
import { areaMeta, DAY_VALUES, FILTER_KEYS, HOURS_UNKNOWN, stationMeta, TIME_VALUES } from '../../src/lib/search/record.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Every leaf of a message tree as [dotted path, value]; arrays count as objects keyed 0, 1, …. */
function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([k, v]): [string, unknown][] =>
    v !== null && typeof v === 'object' ? leaves(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, v]],
  );
}

/** Tables keyed by enum values: exempt from the unused check, and their keys must be the enum's. */
const ENUM_TABLES: Record<string, readonly string[]> = {
  'labels.source': SOURCE_KINDS,
  'labels.dataset': DATASETS,
  'labels.method': DERIVATION_METHODS,
  'labels.kind': FACILITY_KINDS,
  'labels.group': DepartmentSchema.shape.group.options,
  'labels.language': LANGUAGES,
  'labels.service': SERVICES,
  'labels.provenanceField': PROVENANCE_FIELDS,
  'labels.requestType': DATA_REQUEST_TYPES,
  'labels.relation': DataRequestFormSchema.shape.relation.options,
  'dataRequest.typeHint': DATA_REQUEST_TYPES,
  'hours.day': DAYS,
  'hours.dayLong': DAYS,
  'search.filterNames': FILTER_KEYS,
  'search.day': Object.keys(DAY_VALUES),
  'search.time': Object.keys(TIME_VALUES),
  'search.state': FACILITY_STATES.filter((s) => s !== 'open'),
};
const inEnumTable = (p: string) => Object.keys(ENUM_TABLES).some((t) => p.startsWith(`${t}.`));

/** The source the keys must appear in: src/ and functions/, without the message files themselves. */
function sourceText(): string {
  const isMessages = (f: string) => /^src\/i18n\/(ja|en)(\.ts$|\/)/.test(f);
  return ['src', 'functions']
    .flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => `${dir}/${f}`))
    .filter((f) => /\.(ts|astro|mjs)$/.test(f) && !isMessages(f) && !f.includes('/_generated/'))
    .map((f) => readFileSync(path.join(root, f), 'utf8'))
    .join('\n');
}

describe('UI strings', () => {
  it('have the same keys in Japanese and English', () => {
    expect(leaves(en).map(([p]) => p)).toEqual(leaves(ja).map(([p]) => p));
  });

  it.each([
    ['ja', ja],
    ['en', en],
  ])('are non-empty strings or functions in %s', (_lang, messages) => {
    const bad = leaves(messages).filter(([, v]) => !(typeof v === 'function' || (typeof v === 'string' && v.trim() !== '')));
    expect(bad).toEqual([]);
  });

  it("are each used in src/ or functions/ (as `.key` or `'key'`)", () => {
    const text = sourceText();
    const unused = leaves(ja)
      .map(([p]) => p)
      .filter((p) => !inEnumTable(p))
      // Array items are used through their array.
      .map((p) => p.replace(/(\.\d+)+$/, ''))
      .filter((p) => {
        const key = p.split('.').at(-1)!;
        return !new RegExp(`\\.${key}\\b|'${key}'`).test(text);
      });
    expect([...new Set(unused)]).toEqual([]);
  });

  it.each(Object.entries(ENUM_TABLES))('%s has exactly the enum values as keys', (table, values) => {
    for (const messages of [ja, en]) {
      const node = table.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
      expect(Object.keys(node as object).sort()).toEqual([...values].sort());
    }
  });
});

describe('Japanese words the search index holds (src/lib/search/record.ts)', () => {
  it('are the index values of the day, time and hours filters', () => {
    expect(ja.search.day).toEqual(DAY_VALUES);
    expect(ja.search.time).toEqual(TIME_VALUES);
    expect(ja.search.hoursUnknown).toBe(HOURS_UNKNOWN);
  });

  it('write a town and a station the way the index does', () => {
    for (const chome of [3, undefined]) expect(ja.search.area('沼袋', chome)).toBe(`中野区${areaMeta('沼袋', chome)}`);
    for (const [walk, metres] of [
      [5, undefined],
      [undefined, 450],
      [undefined, undefined],
    ] as const) {
      expect(ja.search.station('中野', walk, metres)).toBe(stationMeta('中野', walk, metres));
    }
  });

  it('word every refusal reason, every data-request type and every correction field in both languages', () => {
    for (const m of [ja, en]) {
      expect(Object.keys(m.formErrors).sort()).toEqual([...FORM_ERROR_REASONS].sort());
      expect(Object.keys(m.labels.requestType).sort()).toEqual([...DATA_REQUEST_TYPES].sort());
      expect(Object.keys(m.labels.correctionField).sort()).toEqual([...CORRECTION_FIELDS].sort());
      for (const v of [...Object.values(m.formErrors), ...Object.values(m.labels.requestType), ...Object.values(m.labels.correctionField)]) {
        expect(v.trim().length).toBeGreaterThan(0);
      }
    }
  });
});
