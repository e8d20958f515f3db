/** The facility update form's script: src/scripts/forms.ts with its zod schema (it brings the facility schema's vocabularies). */
import { FacilityUpdateFormSchema } from '../../lib/schema/facility-update-form.ts';
import { enhanceForms } from '../forms.ts';
import { zodCheck } from './zod-check.ts';

enhanceForms({ 'facility-update': zodCheck(FacilityUpdateFormSchema) });
