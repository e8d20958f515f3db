/** The update form: the facility's current values filled in (update-page.ts), then the form pages' touches (form token, ids, verification token). */
import { formPageMiddleware } from '../../_lib/form-pages.ts';
import { updatePagePrefill } from '../../_lib/update-page.ts';

export const onRequestGet = [formPageMiddleware, updatePagePrefill];
