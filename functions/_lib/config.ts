/**
 * Secrets and settings the form functions need, read from the Pages environment.
 *
 * Production must have real secrets of at least 32 bytes, an https SITE_ORIGIN and a real sender; without
 * them the functions answer 503 and log which *names* are wrong (never a value). Local runs (`npm start`,
 * tests) may omit them: only when ENVIRONMENT=development AND the request arrives on localhost do
 * clearly-labelled development keys fill the gaps, so a production host can never fall back to them even
 * if ENVIRONMENT were left set by mistake.
 */

import { TURNSTILE_TEST_SECRET } from '../../src/lib/schema/forms.ts';
import { DEFAULT_CONTENT_REPO } from '../../src/lib/util/site.ts';
import { log, unavailable } from './http.ts';

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
  /** The content repository: issues for correction reports, pull requests for self-service changes (to `branch`). */
  github: { token: string | undefined; owner: string; repo: string; base: string; branch: string };
  mailFrom: string;
  operatorEmail: string;
  /** Public origin for links in mails. */
  siteOrigin: string;
  /** Accept no-JavaScript submissions without a Turnstile token (stricter rate limit). */
  allowNoJs: boolean;
  /** First retry delay of a failed outbox item; each further failure doubles it (at most 6 hours). */
  outboxRetryBaseMs: number;
  /** After this many failed attempts an outbox item is `failed` and waits for the operator. */
  outboxMaxAttempts: number;
  /** Self-service changes (facility updates) accepted a day, site-wide (issue 13: 20). */
  selfServicePerDay: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  /** `NAME: what is wrong`, never a value. */
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`settings not usable: ${problems.join(', ')}`);
    this.problems = problems;
  }
}

/** Shortest secret accepted outside local runs: 32 bytes, as a key for HMAC-SHA-256 should be. */
export const MIN_SECRET_BYTES = 32;

/** Hosts that only ever stand for "not configured yet" (RFC 2606 names, loopback). */
const PLACEHOLDER_HOST = /(^|\.)(example|localhost|invalid|test)$|^127\.|^\[::1\]$/;

/** The text settings (vars and secrets) of Env, each possibly unset: what the forms' configuration reads. */
export type EnvSettings = { [K in keyof Env as Env[K] extends string | undefined ? K : never]?: string };

const str = (env: EnvSettings, key: keyof EnvSettings): string | undefined => {
  const v = env[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/**
 * 12 attempts with the default 1-minute base: 1 + 2 + 4 … + 256 min, then 6 h twice (the cap): the last
 * attempt comes about 20.5 hours after the first (docs/operations/outbox.md).
 */
export const OUTBOX_MAX_ATTEMPTS = 12;

/** A positive number from a setting, or the default; tests shorten the outbox's delays this way. */
const positive = (v: string | undefined, fallback: number): number => {
  const n = Number(v ?? fallback);
  return Number.isFinite(n) && n >= 1 ? n : fallback;
};

const base64Bytes = (v: string): number => {
  try {
    return atob(v.replaceAll('-', '+').replaceAll('_', '/')).length;
  } catch {
    return 0;
  }
};

/** The encryption key counts its decoded bytes (base64 of 32 bytes); every other secret its UTF-8 bytes. */
const tooShort = (key: string, v: string): boolean => (key === 'DATA_ENC_KEY' ? base64Bytes(v) : new TextEncoder().encode(v).length) < MIN_SECRET_BYTES;

export const isLocalDev = (env: EnvSettings, url: URL): boolean =>
  str(env, 'ENVIRONMENT') === 'development' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

export function formsConfig(env: EnvSettings, url: URL): FormsConfig {
  const localDev = isLocalDev(env, url);
  const problems: string[] = [];
  /** A secret from the environment; in local runs a labelled development value may stand in. */
  const secret = (key: keyof typeof DEV | 'TURNSTILE_SECRET_KEY' | 'SENDGRID_API_KEY' | 'GITHUB_TOKEN', dev: string | undefined): string | undefined => {
    const v = str(env, key);
    if (!v) {
      if (!localDev) problems.push(`${key}: missing`);
      return dev;
    }
    if (tooShort(key, v)) problems.push(`${key}: shorter than ${MIN_SECRET_BYTES} bytes`);
    return v;
  };
  const encKey = secret('DATA_ENC_KEY', DEV.DATA_ENC_KEY)!;
  const hmacKey = secret('HMAC_KEY', DEV.HMAC_KEY)!;
  const opsToken = secret('OPS_TOKEN', DEV.OPS_TOKEN)!;
  const turnstileSecret = secret('TURNSTILE_SECRET_KEY', TURNSTILE_TEST_SECRET)!;
  const sendgridKey = secret('SENDGRID_API_KEY', undefined);
  const githubToken = secret('GITHUB_TOKEN', undefined);
  const verifyUrl = str(env, 'TURNSTILE_VERIFY_URL');
  const siteOrigin = str(env, 'SITE_ORIGIN') ?? url.origin;
  const mailFrom = str(env, 'MAIL_FROM') ?? 'no-reply@localhost';
  if (!localDev) {
    // A deployment that kept the local values would send residents links to localhost.
    const site = URL.canParse(siteOrigin) ? new URL(siteOrigin) : undefined;
    if (!site || site.protocol !== 'https:' || PLACEHOLDER_HOST.test(site.hostname)) problems.push('SITE_ORIGIN: not the https origin of the site');
    if (PLACEHOLDER_HOST.test(mailFrom.split('@')[1] ?? '')) problems.push('MAIL_FROM: placeholder address');
    if (turnstileSecret === TURNSTILE_TEST_SECRET) problems.push('TURNSTILE_SECRET_KEY: Cloudflare test secret');
  }
  const [owner = '', repo = ''] = (str(env, 'GITHUB_CONTENT_REPO') ?? DEFAULT_CONTENT_REPO).split('/');
  if (problems.length > 0) throw new ConfigError(problems);
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
    github: {
      token: githubToken,
      owner,
      repo,
      base: str(env, 'GITHUB_API_BASE') ?? 'https://api.github.com',
      branch: str(env, 'GITHUB_CONTENT_BRANCH') ?? 'main',
    },
    mailFrom,
    operatorEmail: str(env, 'OPERATOR_EMAIL') ?? 'operator@localhost',
    siteOrigin,
    allowNoJs: str(env, 'FORMS_ALLOW_NO_JS') !== 'false',
    outboxRetryBaseMs: positive(str(env, 'OUTBOX_RETRY_BASE_SECONDS'), 60) * 1000,
    outboxMaxAttempts: positive(str(env, 'OUTBOX_MAX_ATTEMPTS'), OUTBOX_MAX_ATTEMPTS),
    selfServicePerDay: positive(str(env, 'SELF_SERVICE_PER_DAY'), 20),
  };
}

/**
 * Only the two keys of the ledger, for the operator CLIs (which send nothing): the same rules as
 * formsConfig for them — development keys on a local run, otherwise real keys of at least 32 bytes.
 */
export function ledgerKeys(env: Pick<Env, 'DATA_ENC_KEY' | 'HMAC_KEY'>, local: boolean): { encKey: string; hmacKey: string } {
  const problems: string[] = [];
  const key = (name: 'DATA_ENC_KEY' | 'HMAC_KEY', dev: string): string => {
    const v = env[name];
    if (!v) {
      if (!local) problems.push(`${name}: missing`);
      return dev;
    }
    if (tooShort(name, v)) problems.push(`${name}: shorter than ${MIN_SECRET_BYTES} bytes`);
    return v;
  };
  const keys = { encKey: key('DATA_ENC_KEY', DEV.DATA_ENC_KEY), hmacKey: key('HMAC_KEY', DEV.HMAC_KEY) };
  if (problems.length > 0) throw new ConfigError(problems);
  return keys;
}

/** Reads config, or logs one line naming what is wrong (names only, never values) and gives none. */
export function configOrLog(env: EnvSettings, url: URL): FormsConfig | undefined {
  try {
    return formsConfig(env, url);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    log('error', 'config-invalid', { problems: e.problems.join('; ') });
    return undefined;
  }
}

/** Reads config, or answers 503 after logging what is wrong (configOrLog). */
export function configOr503(env: Env, url: URL): FormsConfig | Response {
  return configOrLog(env, url) ?? unavailable(300);
}
