/** The contact page's form script: src/scripts/forms.ts with the contact form's fields (no zod). */
import { checkForm, CONTACT_FIELDS } from '../../lib/schema/form-spec.ts';
import { enhanceForms } from '../forms.ts';

enhanceForms({ contact: (d) => checkForm(CONTACT_FIELDS, d) });
