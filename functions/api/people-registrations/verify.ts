/** /api/people-registrations/verify — POST with the token confirms the person's email, stores the private part, queues the PR. */
import { verifyEmail } from '../../_lib/verify-email.ts';

export const onRequest = verifyEmail;
