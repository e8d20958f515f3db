/** The APPI data request's form script: src/scripts/forms.ts with its fields and rules (no zod). */
import { checkForm, DATA_REQUEST_FIELDS, DATA_REQUEST_RULES } from '../../lib/schema/form-spec.ts';
import { enhanceForms } from '../forms.ts';

enhanceForms({ 'data-request': (d) => checkForm(DATA_REQUEST_FIELDS, d, DATA_REQUEST_RULES) });
