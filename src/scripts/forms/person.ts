/** The staff pages' form script (registration, withdrawal, edit link): src/scripts/forms.ts with their zod schemas. */
import { PersonByEmailFormSchema, PersonRegistrationFormSchema } from '../../lib/schema/person-registration-form.ts';
import { enhanceForms } from '../forms.ts';
import { zodCheck } from './zod-check.ts';

enhanceForms({ 'person-registration': zodCheck(PersonRegistrationFormSchema), 'person-withdrawal': zodCheck(PersonByEmailFormSchema) });
