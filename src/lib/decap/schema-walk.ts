/**
 * Reads a zod 4 schema into a small tree the Decap config generator (and its test) can walk:
 * what kind of value each field holds, whether an editor must fill it in, its enum values and
 * its pattern with the schema's own Japanese message, and the picker its metadata asks for (`.meta({ widget })`
 * in src/lib/schema/common.ts). Uses `schema._zod.def`, zod 4's documented introspection surface for library authors.
 */
import type { z } from 'zod';

interface Common {
  /** Must the editor fill it in? False for `.optional()` and `.default()` fields (input optionality). */
  required: boolean;
}
export interface StringShape extends Common {
  kind: 'string';
  /** First `.regex()` of the string, with the schema's error message. */
  pattern?: { source: string; flags: string; message: string };
  /** zod string formats other than regex (url, email). */
  format?: 'url' | 'email';
  /** The picker the schema's metadata asks for; without it the field is a text box. */
  widget?: 'date' | 'time';
  /** Custom refinements exist that Decap cannot run (e.g. "a real date"). */
  refined: boolean;
  maxLength?: number;
  minLength?: number;
}
export interface NumberShape extends Common {
  kind: 'number';
  int: boolean;
  min?: number;
  max?: number;
}
export interface BooleanShape extends Common {
  kind: 'boolean';
  default?: boolean;
}
export interface EnumShape extends Common {
  kind: 'enum';
  values: string[];
}
export interface ObjectShape extends Common {
  kind: 'object';
  fields: Record<string, Shape>;
  /** Cross-field rules (superRefine/refine) that only the full schema can check. */
  refined: boolean;
}
export interface ArrayShape extends Common {
  kind: 'array';
  element: Shape;
  min?: number;
}
export type Shape = StringShape | NumberShape | BooleanShape | EnumShape | ObjectShape | ArrayShape;
/** A shape before its required-ness is known (omitted per member of the union). */
type Kind = Shape extends infer T ? (T extends Shape ? Omit<T, 'required'> : never) : never;

// zod's internal definition objects are untyped here on purpose: the walker only reads them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one untyped view of every zod def, narrowed by `type` below
type Def = Record<string, any>;
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): Def[] => ((d['checks'] as unknown[] | undefined) ?? []).map((c) => defOf(c));
const messageOf = (check: Def): string => {
  const e = check['error'];
  const m = typeof e === 'function' ? e({}) : e;
  return typeof m === 'string' ? m : typeof m?.message === 'string' ? m.message : '';
};

/** The shape of a zod schema. Throws on a zod type the CMS cannot edit, so a new kind of field fails the test. */
export function shapeOf(schema: z.ZodType): Shape {
  const required = !['optional', 'default', 'prefault'].includes(defOf(schema)['type']) && schema._zod.optin !== 'optional';
  return { ...inner(schema), required } as Shape;
}

/** The shape under the wrappers, with the widget from the metadata of the schema or of any wrapper around it. */
function inner(schema: z.ZodType): Kind {
  const kind = unwrap(schema);
  const widget = schema.meta()?.widget;
  if (!widget) return kind;
  if (kind.kind !== 'string') throw new Error(`widget: '${widget}' は文字列の項目にだけ付けられます（${kind.kind}）`);
  return { ...kind, widget };
}

function unwrap(schema: z.ZodType): Kind {
  const d = defOf(schema);
  switch (d['type']) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
      return inner(d['innerType']);
    case 'pipe':
      // `.transform()` normalises input: the editor types what the input side accepts.
      // `z.preprocess()` puts its function first: then the schema after it says what is accepted.
      return defOf(d['in'])['type'] === 'transform' ? inner(d['out']) : inner(d['in']);
    case 'string': {
      const checks = checksOf(d);
      const out: Omit<StringShape, 'required'> = { kind: 'string', refined: false };
      if (d['format'] === 'url' || d['format'] === 'email') out.format = d['format'];
      for (const c of checks) {
        if (c['check'] === 'string_format' && c['format'] === 'regex' && !out.pattern) {
          const re = c['pattern'] as RegExp;
          out.pattern = { source: re.source, flags: re.flags, message: messageOf(c) };
        } else if (c['check'] === 'string_format' && (c['format'] === 'url' || c['format'] === 'email')) {
          out.format = c['format'];
        } else if (c['check'] === 'max_length') out.maxLength = c['maximum'];
        else if (c['check'] === 'min_length') out.minLength = c['minimum'];
        else if (c['check'] === 'custom') out.refined = true;
      }
      return out;
    }
    case 'number': {
      const out: Omit<NumberShape, 'required'> = { kind: 'number', int: d['format'] === 'safeint' };
      for (const c of checksOf(d)) {
        if (c['check'] === 'number_format') out.int = true;
        if (c['check'] === 'greater_than') out.min = c['value'];
        if (c['check'] === 'less_than') out.max = c['value'];
      }
      return out;
    }
    case 'boolean':
      return { kind: 'boolean' };
    case 'enum':
      return { kind: 'enum', values: Object.values(d['entries'] as Record<string, string>) };
    case 'object': {
      const shape = d['shape'] as Record<string, z.ZodType>;
      return {
        kind: 'object',
        fields: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, shapeOf(v)])),
        refined: checksOf(d).length > 0,
      };
    }
    case 'array': {
      const min = checksOf(d).find((c) => c['check'] === 'min_length')?.['minimum'] as number | undefined;
      return { kind: 'array', element: shapeOf(d['element']), ...(min !== undefined ? { min } : {}) };
    }
    default:
      throw new Error(`CMS の設定を作れない型です: ${String(d['type'])}`);
  }
}

/** Every leaf of a shape with its dotted path (array elements as `[]`), depth first. */
export function leaves(shape: Shape, prefix = ''): { path: string; shape: Shape }[] {
  if (shape.kind === 'object') {
    return Object.entries(shape.fields).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  if (shape.kind === 'array' && (shape.element.kind === 'object' || shape.element.kind === 'array')) {
    return [{ path: prefix, shape }, ...leaves(shape.element, `${prefix}[]`)];
  }
  return [{ path: prefix, shape }];
}
