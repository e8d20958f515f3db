/** /api/people-withdrawals/verify — POST with the token confirms 「公開をやめる」 and queues the PR that removes the profile. */
import { verifyEmail } from '../../_lib/verify-email.ts';

export const onRequest = verifyEmail;
