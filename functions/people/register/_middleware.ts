/** The staff registration form: pre-filled from an edit link (update-page.ts), then the form pages' touches (form token …). */
import { formPageMiddleware } from '../../_lib/form-pages.ts';
import { personEditPrefill } from '../../_lib/update-page.ts';

export const onRequestGet = [formPageMiddleware, personEditPrefill];
