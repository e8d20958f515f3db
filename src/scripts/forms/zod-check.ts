/** A zod schema as a form check (the update and staff pages, whose schemas build on the content schemas). */
import { safeParse } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { formIssues } from '../../lib/schema/forms.ts';
import type { FormCheck } from '../forms.ts';

export const zodCheck =
  (schema: $ZodType): FormCheck =>
  (data) => {
    const parsed = safeParse(schema, data);
    return parsed.success ? [] : formIssues(parsed.error);
  };
