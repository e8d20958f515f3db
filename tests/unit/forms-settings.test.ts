/**
 * The forms' settings and rate-limit subjects, without a server: what a deployment must set before the
 * functions run, what a public build must not ship, and which addresses count as one sender.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, formsConfig, type EnvSettings } from '../../functions/_lib/config.ts';
import { ipSubject, mailboxOf } from '../../functions/_lib/rate-limit.ts';
import { sameHost } from '../../functions/_lib/turnstile.ts';
import { TURNSTILE_TEST_SECRET, TURNSTILE_TEST_SITE_KEY } from '../../src/lib/schema/forms.ts';
import { checkBuildSettings } from '../../src/lib/util/site.ts';

const site = new URL('https://nakano-clinics.jp/api/contact');
const good = {
  ENVIRONMENT: 'production',
  SITE_ORIGIN: 'https://nakano-clinics.jp',
  MAIL_FROM: 'no-reply@nakano-clinics.jp',
  DATA_ENC_KEY: btoa('k'.repeat(32)),
  HMAC_KEY: 'h'.repeat(32),
  OPS_TOKEN: 'o'.repeat(32),
  TURNSTILE_SECRET_KEY: `0x${'t'.repeat(33)}`,
  SENDGRID_API_KEY: `SG.${'s'.repeat(60)}`,
  GITHUB_TOKEN: `github_pat_${'g'.repeat(70)}`,
};
const problems = (over: EnvSettings, url = site): string[] => {
  try {
    formsConfig({ ...good, ...over }, url);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems;
  }
};

describe('production settings', () => {
  it('accepts a complete production environment', () => {
    expect(problems({})).toEqual([]);
  });
  it('names each secret shorter than 32 bytes, and never its value', () => {
    const p = problems({ HMAC_KEY: 'short-hmac', OPS_TOKEN: 'o'.repeat(31), DATA_ENC_KEY: btoa('k'.repeat(16)) });
    expect(p).toEqual(['DATA_ENC_KEY: shorter than 32 bytes', 'HMAC_KEY: shorter than 32 bytes', 'OPS_TOKEN: shorter than 32 bytes']);
    expect(p.join()).not.toContain('short-hmac');
  });
  it('names every missing secret', () => {
    expect(problems({ SENDGRID_API_KEY: undefined, GITHUB_TOKEN: '' })).toEqual(['SENDGRID_API_KEY: missing', 'GITHUB_TOKEN: missing']);
  });
  it('refuses the local values wrangler.toml has at its top level, and the placeholders of [env.production]', () => {
    expect(problems({ SITE_ORIGIN: 'http://localhost:8788' })).toEqual(['SITE_ORIGIN: not the https origin of the site']);
    expect(problems({ SITE_ORIGIN: 'https://nakano-clinics.example' })).toEqual(['SITE_ORIGIN: not the https origin of the site']);
    expect(problems({ SITE_ORIGIN: 'http://nakano-clinics.jp' })).toEqual(['SITE_ORIGIN: not the https origin of the site']);
    expect(problems({ MAIL_FROM: 'no-reply@localhost' })).toEqual(['MAIL_FROM: placeholder address']);
    expect(problems({ MAIL_FROM: 'no-reply@nakano-clinics.example' })).toEqual(['MAIL_FROM: placeholder address']);
    expect(problems({ TURNSTILE_SECRET_KEY: TURNSTILE_TEST_SECRET })).toEqual(['TURNSTILE_SECRET_KEY: Cloudflare test secret']);
  });
  it('ENVIRONMENT=development left on a public host still needs every real secret', () => {
    const p = problems({ ENVIRONMENT: 'development', HMAC_KEY: undefined });
    expect(p).toEqual(['HMAC_KEY: missing']);
  });
  it('local runs on loopback may use the labelled development keys', () => {
    const cfg = formsConfig({ ENVIRONMENT: 'development', SITE_ORIGIN: 'http://localhost:8788' }, new URL('http://127.0.0.1:8788/api/contact'));
    expect(cfg.localDev).toBe(true);
    expect(cfg.hmacKey).toMatch(/^dev-only-/);
  });
  it('one content repository for the CMS and the functions', async () => {
    const { settingsFromEnv } = await import('../../src/lib/decap/config.ts');
    const cfg = formsConfig(good, site);
    expect(`${cfg.github.owner}/${cfg.github.repo}`).toBe(settingsFromEnv({}).repo);
    expect(settingsFromEnv({ GITHUB_CONTENT_REPO: 'o/r' }).repo).toBe('o/r');
  });
});

describe('a public build', () => {
  it('fails with the setting named when it would ship a Turnstile test key', () => {
    for (const key of [undefined, '', TURNSTILE_TEST_SITE_KEY, '2x00000000000000000000AB', '3x00000000000000000000FF']) {
      expect(() => checkBuildSettings({ site: 'https://nakano-clinics.jp', turnstileSiteKey: key }), String(key)).toThrow(/PUBLIC_TURNSTILE_SITE_KEY/);
    }
  });
  it('passes with a real key, and local builds keep the test key', () => {
    expect(() => checkBuildSettings({ site: 'https://nakano-clinics.jp', turnstileSiteKey: '0x4AAAAAAABkMYinukE8nzYS' })).not.toThrow();
    expect(() => checkBuildSettings({ site: 'http://localhost:8788', turnstileSiteKey: undefined })).not.toThrow();
  });
});

describe('who counts as one sender', () => {
  it('an email is one mailbox whatever its case or +tag', () => {
    expect(mailboxOf('Victim+1@Example.JP')).toBe('victim@example.jp');
    expect(mailboxOf(' VICTIM+2@example.jp ')).toBe('victim@example.jp');
    expect(mailboxOf('victim@example.jp')).toBe('victim@example.jp');
    expect(mailboxOf('+x@example.jp')).toBe('+x@example.jp');
    expect(mailboxOf('other@example.jp')).not.toBe(mailboxOf('victim@example.jp'));
  });
  it('IPv6 addresses of one /64 are one sender; the next /64 is another', () => {
    const a = ipSubject('2001:db8:1:2::1');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(ipSubject('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(a);
    expect(ipSubject('2001:DB8:1:2:0:0:0:abcd')).toBe(a);
    expect(ipSubject('[2001:db8:1:2::9]')).toBe(a);
    expect(ipSubject('2001:db8:1:3::1')).not.toBe(a);
    expect(ipSubject('::1')).toBe('0:0:0:0::/64');
  });
  it('IPv4 addresses are themselves, also when mapped into IPv6; unreadable ones share one bucket', () => {
    expect(ipSubject('192.0.2.1')).toBe('192.0.2.1');
    expect(ipSubject('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(ipSubject('::ffff:c000:0201')).toBe('192.0.2.1');
    expect(ipSubject('192.0.2.2')).not.toBe('192.0.2.1');
    for (const bad of [null, '', 'not-an-ip', '1:2:3', '1::2::3', '2001:db8::g']) expect(ipSubject(bad)).toBe('unknown');
  });
});

describe('Turnstile hostname', () => {
  it('must be the site host; loopback names are one host on a local run', () => {
    expect(sameHost('nakano-clinics.jp', 'nakano-clinics.jp')).toBe(true);
    expect(sameHost('evil.example', 'nakano-clinics.jp')).toBe(false);
    expect(sameHost(undefined, 'nakano-clinics.jp')).toBe(false);
    expect(sameHost('localhost', '127.0.0.1')).toBe(true);
    expect(sameHost('localhost', 'nakano-clinics.jp')).toBe(false);
  });
});
