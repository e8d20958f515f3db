/** GET /api/data-requests/verify?token=… — the one-time, expiring email verification link. */
import { verifyEmail } from '../../_lib/verify-email.ts';

export const onRequest = verifyEmail;
