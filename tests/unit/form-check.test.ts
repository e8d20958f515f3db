/**
 * The browser's form check (src/lib/schema/form-spec.ts, no zod) and the server's zod schemas built from the
 * same fields (src/lib/schema/forms.ts) give the same `{ field, reason }` list, in the same order, for the
 * contact, correction and data-request forms: valid entries, each field missing, blank, too long, with
 * control characters or markup, bad emails and choices, and the rules across fields.
 */
import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import {
  checkForm,
  CONTACT_FIELDS,
  CORRECTION_FORM_FIELDS,
  DATA_REQUEST_FIELDS,
  DATA_REQUEST_RULES,
  FORM_LIMITS,
  type FieldSpec,
  type FormRule,
} from '../../src/lib/schema/form-spec.ts';
import { ContactFormSchema, CorrectionFormSchema, DataRequestFormSchema, formIssues } from '../../src/lib/schema/forms.ts';

const server = (schema: $ZodType, data: Record<string, unknown>) => {
  const r = safeParse(schema, data);
  return r.success ? [] : formIssues(r.error);
};

/** Variations of a valid entry: every field given each troublesome value in turn. */
function corpus(valid: Record<string, unknown>, fields: Readonly<Record<string, FieldSpec>>): Record<string, unknown>[] {
  const bad: unknown[] = [
    undefined,
    '',
    '   ',
    null,
    42,
    'x'.repeat(FORM_LIMITS.message + 1),
    'a\u0007b',
    'line\nbreak',
    '<b>bold</b>',
    'javascript:alert(1)',
    'not-an-email',
    'hanako@example.jp',
    ' Hanako@Example.JP ',
    'on',
    true,
    false,
    'agent',
    'deletion',
    'correction',
    'f-131432004',
    'F_BAD',
    'ｶﾞ\u0301',
    'x'.repeat(FORM_LIMITS.name + 1),
    'x'.repeat(FORM_LIMITS.email + 1),
  ];
  const out: Record<string, unknown>[] = [valid, {}, { ...valid, homepage: 'http://spam.example' }];
  for (const [k, f] of Object.entries(fields)) {
    // The limits themselves: at the limit, one over, and over only before trimming.
    const max = f.kind === 'text' ? f.max : f.kind === 'email' ? FORM_LIMITS.email : f.kind === 'facility' ? 100 : undefined;
    const edges =
      max === undefined
        ? []
        : ['x'.repeat(max), 'x'.repeat(max + 1), ` ${'x'.repeat(max)} `, `${'a'.repeat(max - 11)}@example.jp`, `${'a'.repeat(max - 10)}@example.jp`];
    for (const v of [...bad, ...edges]) out.push({ ...valid, [k]: v });
  }
  return out;
}

const cases: [string, $ZodType, Readonly<Record<string, FieldSpec>>, readonly FormRule[], Record<string, unknown>][] = [
  [
    'contact',
    ContactFormSchema,
    CONTACT_FIELDS,
    [],
    { lang: 'ja', name: '中野 花子', email: 'hanako@example.jp', message: 'お問い合わせです。\n二行目', agree: true },
  ],
  [
    'correction',
    CorrectionFormSchema,
    CORRECTION_FORM_FIELDS,
    [],
    { lang: 'ja', facility: 'f-131432004', field: 'phone', proposed: '03-0000-0000', evidence: '院内の掲示', email: '', agree: 'on' },
  ],
  [
    'data-request',
    DataRequestFormSchema,
    DATA_REQUEST_FIELDS,
    DATA_REQUEST_RULES,
    { lang: 'en', type: 'deletion', name: 'Hanako Nakano', email: 'hanako@example.jp', relation: 'self', principalName: '', details: '', agree: true },
  ],
];

describe('the browser check agrees with the server schema', () => {
  for (const [name, schema, fields, rules, valid] of cases) {
    it(`${name}: ${corpus(valid, fields).length} entries`, () => {
      const differ = corpus(valid, fields)
        .map((data) => ({ data, browser: checkForm(fields, data, rules), server: server(schema, data) }))
        .filter((x) => JSON.stringify(x.browser) !== JSON.stringify(x.server));
      expect(differ).toEqual([]);
      expect(checkForm(fields, valid, rules)).toEqual([]);
    });
  }

  it('the rules across fields: an agent names the person, 訂正 and 追加 say what to change', () => {
    const base = cases[2]![4];
    for (const data of [
      { ...base, relation: 'agent' },
      { ...base, relation: 'agent', principalName: '中野 太郎' },
      { ...base, type: 'correction' },
      { ...base, type: 'addition', details: '住所を追加してください' },
      { ...base, type: 'correction', relation: 'agent' },
    ])
      expect(checkForm(DATA_REQUEST_FIELDS, data, DATA_REQUEST_RULES)).toEqual(server(DataRequestFormSchema, data));
    expect(checkForm(DATA_REQUEST_FIELDS, { ...base, relation: 'agent' }, DATA_REQUEST_RULES)).toEqual([
      { field: 'principalName', reason: 'agentNameRequired' },
    ]);
  });
});
