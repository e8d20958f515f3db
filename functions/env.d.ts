/**
 * Every binding, variable and secret the Pages Functions (and the outbox drain Worker) read.
 * Vars come from wrangler.toml (`[vars]` locally, `[env.production.vars]` / `[env.preview.vars]` deployed);
 * secrets from the Cloudflare dashboard or `wrangler pages secret put`; tests pass `--binding`.
 * docs/operations/deploy.md lists which is which.
 */
interface Env {
  DB: D1Database;
  /** Static assets of the Pages project (dist/). Absent in the drain Worker. */
  ASSETS: Fetcher;
  UPLOADS: R2Bucket;

  /** The site's own origin, e.g. https://nakano-clinics.example (links in mails, Turnstile hostname). */
  SITE_ORIGIN: string;
  /** `development` (local runs: loopback only may use development keys) or `production` / `preview`. */
  ENVIRONMENT?: string;
  OPERATOR_EMAIL?: string;
  MAIL_FROM?: string;
  /** owner/name of the content repository (correction issues, PRs). */
  GITHUB_CONTENT_REPO?: string;
  /** Branch self-service pull requests go to (default main). */
  GITHUB_CONTENT_BRANCH?: string;
  /** `false` refuses plain-HTML submissions (no JavaScript) altogether. */
  FORMS_ALLOW_NO_JS?: string;
  /** First retry delay of a failed outbox item, seconds (doubles each time). Default 60. */
  OUTBOX_RETRY_BASE_SECONDS?: string;
  /** Failed attempts before an outbox item is `failed` for the operator. Default 12. */
  OUTBOX_MAX_ATTEMPTS?: string;
  /** Self-service changes accepted a day, site-wide (default 20). */
  SELF_SERVICE_PER_DAY?: string;

  // Secrets (at least 32 bytes each; see functions/_lib/config.ts).
  DATA_ENC_KEY?: string;
  HMAC_KEY?: string;
  OPS_TOKEN?: string;
  TURNSTILE_SECRET_KEY?: string;
  SENDGRID_API_KEY?: string;
  GITHUB_TOKEN?: string;
  GITHUB_CLIENT_ID?: string;
  GITHUB_CLIENT_SECRET?: string;
  GITHUB_OAUTH_SCOPE?: string;

  // Provider endpoints: only tests point these at the local fakes.
  TURNSTILE_VERIFY_URL?: string;
  SENDGRID_API_BASE?: string;
  GITHUB_API_BASE?: string;
  GITHUB_OAUTH_BASE?: string;
}
