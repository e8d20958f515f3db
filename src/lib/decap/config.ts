/**
 * The Decap CMS configuration, generated from the schema registry (src/lib/schema) so it cannot
 * drift from what the build accepts. Written to dist/admin/config.yml by src/integrations/decap.ts.
 *
 * - every schema field becomes a widget; required-ness, enums (as selects), patterns and limits come from zod;
 * - labels and hints come from ./labels.ts (Japanese, for clinic staff);
 * - vocabulary references (departments, stations, areas, facilities) are `select` widgets whose options are
 *   read from content/ at build time, not `relation` widgets (docs/decisions/0202-vocabulary-pickers.md);
 * - fields the CMS fills in itself (provenance, lastVerified) and reviewer-only fields (editors) are hidden
 *   in the facility form; `editors` has its own reviewer collection (docs/operations/cms.md).
 */
import { DEFAULT_CONTENT_REPO } from '../util/site.ts';
import { collections, type CollectionName } from '../schema/index.ts';
import { FIELD_TEXT, enumLabel } from './labels.ts';
import { shapeOf, type Shape } from './schema-walk.ts';

export interface Option {
  value: string;
  label: string;
}

/** Vocabulary options for the pickers, read from content/ by the build. */
export interface Vocabularies {
  departments: Option[];
  stations: Option[];
  areas: Option[];
  facilities: Option[];
  qualifications: Option[];
  societies: Option[];
  skills: Option[];
}

export interface DecapSettings {
  /** `owner/name` of the GitHub repository. */
  repo: string;
  /** The branch pull requests go to. */
  branch: string;
  /** GitHub OAuth scope: `public_repo` for a public repository, `repo` for a private one. */
  authScope: 'public_repo' | 'repo';
  /** Editors without write access work from a fork (Decap "open authoring"). */
  openAuthoring: boolean;
  /** The public site, for "view live" links. */
  siteUrl: string;
  /** decap-server's API, used only when /admin is opened on localhost. */
  localBackendUrl: string;
}

export type DecapField = Record<string, unknown> & { name: string; label: string; widget: string };
export type DecapCollection = Record<string, unknown> & { name: string; label: string; fields: DecapField[] };
export type DecapConfig = Record<string, unknown> & { collections: DecapCollection[] };

/** Facility fields the CMS fills in on save (./save.ts) instead of the editor. */
export const MANAGED_FIELDS = ['provenance', 'lastVerified'] as const;
/** Facility fields only reviewers change, through the `facility-editors` collection. */
export const REVIEWER_FIELDS = ['editors'] as const;
export const REVIEWER_COLLECTION = 'facility-editors';

type Picker = keyof Vocabularies;
/** Which vocabulary a reference field picks from. */
const PICKERS: Readonly<Record<string, Picker>> = {
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
  'symptoms:departments': 'departments',
  'qualifications:society': 'societies',
};

/** Long free text gets a multi-line box. */
const TEXT_MIN_LENGTH = 300;

const text = (collection: string, path: string, name: string) => {
  const t = FIELD_TEXT[`${collection}:${path}`];
  return { label: t?.label ?? name, ...(t?.hint ? { hint: t.hint } : {}) };
};

/**
 * One Decap field for one schema field. `inOptional`: the field sits in an object that may be left out
 * (`position`, `hours`, `status` …). Decap validates nested fields even when their object is empty, so such a
 * field is optional in the form and the save hook checks it with the schema when the object is filled in.
 * Inside a list item the item exists, so its own required fields are required again.
 */
export function fieldFor(collection: string, path: string, name: string, shape: Shape, vocab: Vocabularies, inOptional = false): DecapField {
  const base = { name, ...text(collection, path, name), required: shape.required && !inOptional };
  const childrenOptional = inOptional || !shape.required;
  const picker = PICKERS[`${collection}:${path}`];
  if (picker) {
    const multiple = shape.kind === 'array';
    return { ...base, widget: 'select', options: vocab[picker], multiple, ...(multiple && shape.min ? { min: shape.min } : {}) };
  }
  switch (shape.kind) {
    case 'string': {
      // Dates (IsoDate) and times (TimeOfDay) say in their metadata that they get the browser's own pickers.
      if (shape.widget === 'date') return { ...base, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false };
      const pattern = shape.pattern && !shape.pattern.flags.includes('u') ? { pattern: [shape.pattern.source, shape.pattern.message] } : {};
      if (shape.widget === 'time') return { ...base, widget: 'datetime', format: 'HH:mm', date_format: false, time_format: 'HH:mm', ...pattern };
      const long = (shape.maxLength ?? 0) >= TEXT_MIN_LENGTH;
      return { ...base, widget: long ? 'text' : 'string', ...pattern };
    }
    case 'number':
      return {
        ...base,
        widget: 'number',
        value_type: shape.int ? 'int' : 'float',
        ...(shape.min !== undefined ? { min: shape.min } : {}),
        ...(shape.max !== undefined ? { max: shape.max } : {}),
        ...(shape.int ? { step: 1 } : {}),
      };
    case 'boolean':
      return { ...base, widget: 'boolean', ...(shape.required ? { default: false } : {}) };
    case 'enum':
      return { ...base, widget: 'select', options: shape.values.map((v) => ({ value: v, label: enumLabel(collection, path, v) ?? v })) };
    case 'object':
      return {
        ...base,
        widget: 'object',
        collapsed: false,
        fields: Object.entries(shape.fields).map(([k, v]) => fieldFor(collection, `${path}.${k}`, k, v, vocab, childrenOptional)),
      };
    case 'array': {
      const el = shape.element;
      const limits = shape.min ? { min: shape.min } : {};
      if (el.kind === 'enum') {
        return {
          ...base,
          widget: 'select',
          multiple: true,
          options: el.values.map((v) => ({ value: v, label: enumLabel(collection, path, v) ?? v })),
          ...limits,
        };
      }
      if (el.kind === 'number' && el.int && el.min !== undefined && el.max !== undefined && el.max - el.min <= 10) {
        // Small integer sets (第1〜第5週) read best as a multiple select.
        const values = Array.from({ length: el.max - el.min + 1 }, (_, i) => el.min! + i);
        return { ...base, widget: 'select', multiple: true, options: values.map((v) => ({ value: v, label: `第${v}` })), ...limits };
      }
      if (el.kind === 'object') {
        const fields = Object.entries(el.fields).map(([k, v]) => fieldFor(collection, `${path}[].${k}`, k, v, vocab));
        return { ...base, widget: 'list', collapsed: false, allow_add: true, fields, summary: summaryFor(collection, path, fields), ...limits };
      }
      return { ...base, widget: 'list', field: fieldFor(collection, `${path}[]`, name, { ...el, required: true }, vocab), ...limits };
    }
  }
}

/** What a collapsed list item shows, so an editor sees 「mon,tue 09:00–12:30」 without opening it. */
function summaryFor(collection: string, path: string, fields: DecapField[]): string | undefined {
  const names = fields.map((f) => f.name);
  if (names.includes('open') && names.includes('close')) return '{{fields.days}} {{fields.open}}–{{fields.close}}';
  if (names.includes('from') && names.includes('to')) return '{{fields.from}}〜{{fields.to}} {{fields.note}}';
  if (names.includes('weeks')) return '第{{fields.weeks}}週 {{fields.day}}';
  if (names.includes('station')) return '{{fields.station}}';
  if (names.includes('code')) return '{{fields.code}} {{fields.name}}';
  if (names.includes('slots')) return '{{fields.label}}';
  void collection;
  void path;
  return undefined;
}

const FILE_FORMAT = { '*.yaml': { extension: 'yaml', format: 'yaml' }, '*.md': { extension: 'md', format: 'frontmatter' } } as const;

/** Collection settings beyond the fields: identifiers, summaries, who may create or delete. */
const COLLECTION_OPTIONS: Partial<Record<CollectionName, Record<string, unknown>>> = {
  facilities: {
    identifier_field: 'id',
    slug: '{{id}}',
    summary: '{{name.display}}（{{id}}）',
    sortable_fields: ['id', 'lastVerified'],
    // A facility is never deleted: closing one sets status.state.
    delete: false,
    description: '医療機関のページです。変更は審査のあと公開されます。',
  },
  people: {
    identifier_field: 'id',
    slug: '{{id}}',
    summary: '{{name}}（{{id}}）',
    // Removing a profile (APPI 削除) is a reviewed PR that deletes the file (docs/operations/data-requests.md).
    delete: false,
    description: '本人が公開に同意した値と同意の記録だけを書きます。連絡先・免許番号・同意のない項目は書かないでください（Git の履歴は消せません）。',
  },
  skills: { identifier_field: 'id', slug: '{{id}}', summary: '{{name}}（{{id}}）', delete: false },
  symptoms: {
    identifier_field: 'id',
    slug: '{{id}}',
    summary: '{{name}}（{{id}}）',
    delete: false,
    description: '症状と受診先の目安です。診療科を変えるときは docs/operations/symptoms.md の考え方に沿ってください。',
  },
  qualifications: { identifier_field: 'id', slug: '{{id}}', summary: '{{code}} {{name}}', delete: false },
  societies: { identifier_field: 'id', slug: '{{id}}', summary: '{{code}} {{name}}', delete: false },
  departments: { identifier_field: 'code', slug: '{{code}}', summary: '{{code}} {{name}}', delete: false },
  areas: { identifier_field: 'id', slug: '{{id}}', summary: '{{town}}{{chome}}丁目（{{id}}）', delete: false },
  stations: { identifier_field: 'id', slug: '{{id}}', summary: '{{name}}（{{id}}）', delete: false },
  pages: { identifier_field: 'title', slug: '{{slug}}', delete: false },
};

/** The fields of one registry collection. */
export function collectionFields(name: CollectionName, vocab: Vocabularies): DecapField[] {
  const shape = shapeOf(collections[name].schema);
  if (shape.kind !== 'object') throw new Error(`${name}: the schema is not an object`);
  const fields = Object.entries(shape.fields).map(([k, v]) => {
    const f = fieldFor(name, k, k, v, vocab);
    if (name === 'facilities' && ([...MANAGED_FIELDS, ...REVIEWER_FIELDS] as readonly string[]).includes(k)) {
      // Kept in the file, filled by the save hook or by reviewers; the `hidden` widget writes nothing itself.
      return { name: k, label: f.label, widget: 'hidden', required: false };
    }
    return f;
  });
  if (name === 'pages') fields.push({ name: 'body', label: '本文', widget: 'markdown', required: true });
  return fields;
}

export function buildDecapConfig(settings: DecapSettings, vocab: Vocabularies): DecapConfig {
  const registry = Object.values(collections);
  const main: DecapCollection[] = registry.map((c) => ({
    name: c.name,
    label: c.label,
    label_singular: c.label,
    folder: `content/${c.folder}`,
    create: true,
    ...FILE_FORMAT[c.pattern],
    ...COLLECTION_OPTIONS[c.name],
    editor: { preview: c.name === 'facilities' },
    fields: collectionFields(c.name, vocab),
  }));
  const facilityShape = shapeOf(collections.facilities.schema);
  if (facilityShape.kind !== 'object') throw new Error('facilities: the schema is not an object');
  const reviewer: DecapCollection = {
    name: REVIEWER_COLLECTION,
    label: '編集者の管理（審査担当者のみ）',
    label_singular: '施設の編集者',
    description: 'どの GitHub アカウントがどの医療機関を編集できるかを決めます。審査担当者だけが使います。',
    folder: `content/${collections.facilities.folder}`,
    ...FILE_FORMAT[collections.facilities.pattern],
    identifier_field: 'id',
    summary: '{{name.display}}（{{id}}）',
    create: false,
    delete: false,
    editor: { preview: false },
    fields: [
      { name: 'id', label: '施設 ID', widget: 'hidden', required: true },
      ...REVIEWER_FIELDS.map((k) => fieldFor('facilities', k, k, facilityShape.fields[k]!, vocab)),
    ],
  };
  // Facilities first: that is what clinic staff come for.
  const order: string[] = ['facilities', 'people', REVIEWER_COLLECTION, 'pages', 'departments', 'stations', 'areas'];
  const all = [...main, reviewer].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  return {
    locale: 'ja',
    backend: {
      name: 'github',
      repo: settings.repo,
      branch: settings.branch,
      auth_endpoint: 'api/auth',
      auth_scope: settings.authScope,
      open_authoring: settings.openAuthoring,
      squash_merges: true,
      commit_messages: {
        create: '{{collection}}「{{slug}}」を追加（{{author-login}}）',
        update: '{{collection}}「{{slug}}」を更新（{{author-login}}）',
        delete: '{{collection}}「{{slug}}」を削除（{{author-login}}）',
        uploadMedia: '画像 {{path}} を追加',
        deleteMedia: '画像 {{path}} を削除',
        openAuthoring: '{{message}}',
      },
    },
    publish_mode: 'editorial_workflow',
    local_backend: { url: settings.localBackendUrl, allowed_hosts: ['localhost', '127.0.0.1'] },
    site_url: settings.siteUrl,
    display_url: settings.siteUrl,
    media_folder: 'public/uploads',
    public_folder: '/uploads',
    slug: { encoding: 'ascii', clean_accents: true },
    omit_empty_optional_fields: true,
    editor: { preview: true },
    collections: all,
  };
}

/** Settings from the environment of the build (docs/operations/cms.md lists them). */
export function settingsFromEnv(env: Record<string, string | undefined>): DecapSettings {
  const scope = env['GITHUB_OAUTH_SCOPE'] ?? 'public_repo';
  if (scope !== 'public_repo' && scope !== 'repo') throw new Error(`GITHUB_OAUTH_SCOPE は public_repo か repo です（${scope}）`);
  return {
    repo: env['GITHUB_CONTENT_REPO'] ?? DEFAULT_CONTENT_REPO,
    branch: env['DECAP_GITHUB_BRANCH'] ?? 'main',
    authScope: scope,
    openAuthoring: env['DECAP_OPEN_AUTHORING'] !== 'false',
    siteUrl: env['SITE_URL'] ?? 'http://localhost:8788',
    localBackendUrl: env['DECAP_LOCAL_BACKEND_URL'] ?? `http://localhost:${env['DECAP_PORT'] ?? '8081'}/api/v1`,
  };
}
