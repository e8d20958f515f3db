/**
 * Secrets and settings the form functions need, read from the Pages environment.
 *
 * Production must have real secrets; without them the functions answer 503 and log which *names* are
 * missing. Local runs (`npm start`, tests) may omit them: only when ENVIRONMENT=development AND the
 * request arrives on localhost do clearly-labelled development keys fill the gaps, so a production host
 * can never fall back to them even if ENVIRONMENT were left set by mistake.
 */

import { TURNSTILE_TEST_SECRET } from '../../src/lib/schema/forms.ts';

export { TURNSTILE_DUMMY_TOKEN, TURNSTILE_TEST_SECRET, TURNSTILE_TEST_SITE_KEY } from '../../src/lib/schema/forms.ts';

/** Development-only keys. Never valid outside localhost (see `isLocalDev`). */
const DEV = {
  DATA_ENC_KEY: 'ZGV2LW9ubHktbm90LXNlY3JldC1rZXktMzItYnl0ZSE=', // "dev-only-not-secret-key-32-byte!"
  HMAC_KEY: 'dev-only-hmac-key-not-a-secret-nakano-clinic-db',
  OPS_TOKEN: 'dev-only-ops-token',
} as const;

export interface FormsConfig {
  localDev: boolean;
  /** AES-GCM key, base64 of 32 bytes. */
  encKey: string;
  /** HMAC key for email/IP lookups and verification links. */
  hmacKey: string;
  /** Bearer token for the operator endpoints (/api/ops/*). */
  opsToken: string;
  turnstile: { secret: string; verifyUrl: string; offline: boolean };
  /** No apiKey (local runs only): mail stays in the local outbox. */
  sendgrid: { apiKey: string | undefined; base: string };
  /** No token (local runs only): issues stay in the local outbox. */
  github: { token: string | undefined; owner: string; repo: string; base: string };
  mailFrom: string;
  operatorEmail: string;
  /** Public origin for links in mails. */
  siteOrigin: string;
  /** Accept no-JavaScript submissions without a Turnstile token (stricter rate limit). */
  allowNoJs: boolean;
  /** First retry delay of a failed outbox item; each further failure doubles it (at most 6 hours). */
  outboxRetryBaseMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly missing: string[];
  constructor(missing: string[]) {
    super(`missing settings: ${missing.join(', ')}`);
    this.missing = missing;
  }
}

const str = (env: Env, key: keyof Env): string | undefined => {
  const v = env[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** 60 s unless set; tests shorten it so a retry is due within the test. */
const retryBaseSeconds = (v: string | undefined): number => {
  const n = Number(v ?? '60');
  return Number.isFinite(n) && n >= 1 ? n : 60;
};

export const isLocalDev = (env: Env, url: URL): boolean =>
  str(env, 'ENVIRONMENT') === 'development' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

export function formsConfig(env: Env, url: URL): FormsConfig {
  const localDev = isLocalDev(env, url);
  const missing: string[] = [];
  const secret = (key: keyof typeof DEV | 'TURNSTILE_SECRET_KEY', dev: string): string => {
    const v = str(env, key);
    if (v) return v;
    if (!localDev) missing.push(key);
    return dev;
  };
  const encKey = secret('DATA_ENC_KEY', DEV.DATA_ENC_KEY);
  const hmacKey = secret('HMAC_KEY', DEV.HMAC_KEY);
  const opsToken = secret('OPS_TOKEN', DEV.OPS_TOKEN);
  const turnstileSecret = secret('TURNSTILE_SECRET_KEY', TURNSTILE_TEST_SECRET);
  const verifyUrl = str(env, 'TURNSTILE_VERIFY_URL');
  const sendgridKey = str(env, 'SENDGRID_API_KEY');
  const githubToken = str(env, 'GITHUB_TOKEN');
  if (!localDev && !sendgridKey) missing.push('SENDGRID_API_KEY');
  if (!localDev && !githubToken) missing.push('GITHUB_TOKEN');
  const [owner = '', repo = ''] = (str(env, 'GITHUB_CONTENT_REPO') ?? 'altry/nakano-clinic-db').split('/');
  if (missing.length > 0) throw new ConfigError(missing);
  return {
    localDev,
    encKey,
    hmacKey,
    opsToken,
    turnstile: {
      secret: turnstileSecret,
      verifyUrl: verifyUrl ?? 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
      // Offline local runs: the always-pass test secret behaves as documented without a network call.
      offline: localDev && !verifyUrl && turnstileSecret === TURNSTILE_TEST_SECRET,
    },
    sendgrid: { apiKey: sendgridKey, base: str(env, 'SENDGRID_API_BASE') ?? 'https://api.sendgrid.com' },
    github: { token: githubToken, owner, repo, base: str(env, 'GITHUB_API_BASE') ?? 'https://api.github.com' },
    mailFrom: str(env, 'MAIL_FROM') ?? 'no-reply@localhost',
    operatorEmail: str(env, 'OPERATOR_EMAIL') ?? 'operator@localhost',
    siteOrigin: str(env, 'SITE_ORIGIN') ?? url.origin,
    allowNoJs: str(env, 'FORMS_ALLOW_NO_JS') !== 'false',
    outboxRetryBaseMs: retryBaseSeconds(str(env, 'OUTBOX_RETRY_BASE_SECONDS')) * 1000,
  };
}
