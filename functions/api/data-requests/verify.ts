/** /api/data-requests/verify — POST with the token confirms the email address; GET only leads to the page with the button. */
import { verifyEmail } from '../../_lib/verify-email.ts';

export const onRequest = verifyEmail;
