/** /api/facility-updates/verify — POST with the token confirms the sender's email and queues the pull request. */
import { verifyEmail } from '../../_lib/verify-email.ts';

export const onRequest = verifyEmail;
