/**
 * A deployment that kept local values or short secrets must not run: the functions answer 503 and log one
 * line naming each setting (never its value). Its own `wrangler pages dev` with production settings.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPagesDev, type PagesDev } from '../../scripts/lib/dev-server.ts';
import { eventually, validContact } from './forms-helpers.ts';

const SHORT_HMAC = 'short-hmac-value-1234';
let server: PagesDev;
let state: string;
const log = () => readFileSync(path.join(state, 'worker.log'), 'utf8');

beforeAll(async () => {
  state = mkdtempSync(path.join(tmpdir(), 'nakano-prod-settings-'));
  server = await startPagesDev({
    port: 8500 + Math.floor(Math.random() * 200),
    persistTo: state,
    dir: process.env['DIST_DIR'] ?? 'dist',
    logFile: path.join(state, 'worker.log'),
    // As if wrangler.toml's local [vars] (SITE_ORIGIN=http://localhost:8788, MAIL_FROM=no-reply@localhost) had
    // reached production, with one short secret and no others.
    bindings: { ENVIRONMENT: 'production', HMAC_KEY: SHORT_HMAC, GITHUB_CLIENT_ID: 'Iv1.fake', GITHUB_CLIENT_SECRET: 'too-short' },
  });
});
afterAll(async () => {
  await server?.stop();
  rmSync(state, { recursive: true, force: true });
});

describe('production settings', () => {
  it('a form answers 503 with Retry-After, and one log line names every setting that is wrong', async () => {
    const res = await fetch(`${server.url}/api/contact`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Origin: server.url },
      body: JSON.stringify(validContact()),
    });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    // The worker's output reaches the log file a moment after the response.
    const line = await eventually(() =>
      log()
        .split('\n')
        .find((l) => l.includes('"config-invalid"') && l.includes('HMAC_KEY')),
    );
    expect(line).toBeDefined();
    for (const p of [
      'HMAC_KEY: shorter than 32 bytes',
      'DATA_ENC_KEY: missing',
      'SENDGRID_API_KEY: missing',
      'SITE_ORIGIN: not the https origin of the site',
      'MAIL_FROM: placeholder address',
    ])
      expect(line).toContain(p);
    expect(log()).not.toContain(SHORT_HMAC);
  });

  it('the form page is still served, without a form token to hand out', async () => {
    const html = await (await fetch(`${server.url}/contact/`)).text();
    expect(html).toContain('data-form="contact"');
    expect(html).not.toContain('name="form-token"');
  });

  it('the CMS login refuses a client secret under 32 bytes with 503', async () => {
    const res = await fetch(`${server.url}/api/auth?provider=github`, { redirect: 'manual' });
    expect(res.status).toBe(503);
    expect(await eventually(() => log().includes('GITHUB_CLIENT_SECRET: shorter than 32 bytes'))).toBe(true);
    expect(log()).not.toContain('too-short');
  });
});
