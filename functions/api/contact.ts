/** POST /api/contact — お問い合わせ. */
import { contactForm } from '../_lib/forms.ts';
import { formEndpoint } from '../_lib/submit.ts';

export const onRequest = formEndpoint(contactForm);
