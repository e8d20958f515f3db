/**
 * POST /api/ops/retry: the operator's "retry now" for the outbox (npm run outbox -- --retry,
 * npm run corrections:retry). Bearer OPS_TOKEN. Items that were given up (`failed`) are tried again too.
 * Answers `{sent, failed, gaveUp}` for this run and what is left: `waiting` (the drain retries it) and
 * `stillFailed` (given up, waiting for the operator).
 */
import { withBusyRetry } from './d1-retry.ts';
import { configOr503 } from './config.ts';
import { methodNotAllowed, Refusal, refusalJson } from './http.ts';
import { hmacVerify, hmac } from './crypto.ts';
import { outboxCounts, sweep } from './outbox.ts';

export const retryOutbox: PagesFunction<Env> = async ({ request, env }) => {
  if (request.method !== 'POST') return methodNotAllowed('POST');
  const url = new URL(request.url);
  const cfg = configOr503(env, url);
  if (cfg instanceof Response) return cfg;
  const given = (request.headers.get('Authorization') ?? '').replace(/^Bearer\s+/i, '');
  // Compare through HMAC so the check takes the same time whatever the input.
  if (!given || !(await hmacVerify(cfg.hmacKey, 'ops', given, await hmac(cfg.hmacKey, 'ops', cfg.opsToken)))) {
    return refusalJson(new Refusal(403, [{ field: 'authorization', reason: 'invalid' }]), 'ja');
  }
  const db = withBusyRetry(env.DB);
  const channel = url.searchParams.get('channel');
  const report = await sweep(db, cfg, {
    force: true,
    limit: 200,
    ...(channel === 'mail' || channel === 'github-issue' || channel === 'github-pr' ? { channel } : {}),
  });
  const left = await outboxCounts(db);
  return Response.json({ ...report, waiting: left.waiting, stillFailed: left.failed }, { headers: { 'Cache-Control': 'no-store' } });
};
