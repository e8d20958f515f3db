/**
 * The site's scheduled maintenance, run every minute by the outbox drain Worker (workers/outbox-drain,
 * docs/decisions/0103-outbox-drain-cron-worker.md). Pages Functions have no scheduler, so without it a mail
 * or GitHub issue that failed would wait for the next visitor or the operator.
 *
 * Each job is one awaited step in `drain`; a new job adds its step after the outbox and its counts to
 * DrainReport. The one log line per run carries counts only, never personal data.
 */
import { withBusyRetry } from './d1-retry.ts';
import { configOrLog, type FormsConfig } from './config.ts';
import { log } from './http.ts';
import { purgeSpentFormTokens } from './form-token.ts';
import { sweep, type DeliveryReport } from './outbox.ts';
import { purgeExpiredLimits } from './rate-limit.ts';

export interface DrainReport extends DeliveryReport {
  /** Rate-limit counters whose window is over, deleted. */
  limitsPurged: number;
  /** Spent form tokens that would have expired anyway, deleted. */
  formTokensPurged: number;
}

/**
 * There is no request, so the configured SITE_ORIGIN stands in for its URL: locally (ENVIRONMENT=development,
 * a localhost origin) that gives the development keys, exactly as `wrangler pages dev` does; deployed, the
 * real secrets are required and a missing one is logged by name and nothing runs.
 */
function drainConfig(env: Env): FormsConfig | undefined {
  if (URL.canParse(env.SITE_ORIGIN)) return configOrLog(env, new URL(env.SITE_ORIGIN));
  log('error', 'config-invalid', { problems: 'SITE_ORIGIN: missing or not a URL' });
  return undefined;
}

/** One run: `now` is the run's scheduled time (the cron minute), logged so a run matches its Cron event. */
export async function drain(env: Env, now: number): Promise<DrainReport | undefined> {
  const cfg = drainConfig(env);
  if (!cfg) return undefined;
  const db = withBusyRetry(env.DB);
  const report: DrainReport = {
    ...(await sweep(db, cfg)),
    limitsPurged: await purgeExpiredLimits(db, now),
    formTokensPurged: await purgeSpentFormTokens(db, now),
  };
  log('info', 'drain', { scheduledAt: new Date(now).toISOString(), ...report });
  return report;
}
