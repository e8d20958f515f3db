/** The correction report's form script: src/scripts/forms.ts with its fields (no zod). */
import { checkForm, CORRECTION_FORM_FIELDS } from '../../lib/schema/form-spec.ts';
import { enhanceForms } from '../forms.ts';

enhanceForms({ correction: (d) => checkForm(CORRECTION_FORM_FIELDS, d) });
