/** POST /api/people-edit-links — 登録内容を更新する: a single-use link to the pre-filled registration form, to the registered address only. */
import { personEditLinkForm } from '../../_lib/forms.ts';
import { formEndpoint } from '../../_lib/submit.ts';

export const onRequest = formEndpoint(personEditLinkForm);
