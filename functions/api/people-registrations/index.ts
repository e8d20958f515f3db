/** POST /api/people-registrations — スタッフ紹介の登録: stored, email-verified, then D1 (private part) and a pull request (public file). */
import { personRegistrationForm } from '../../_lib/forms.ts';
import { formEndpoint } from '../../_lib/submit.ts';

export const onRequest = formEndpoint(personRegistrationForm);
