/** POST /api/ops/retry — retry the outbox now (operator, Bearer OPS_TOKEN). */
import { retryOutbox } from '../../_lib/ops.ts';

export const onRequest = retryOutbox;
