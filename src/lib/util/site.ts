/**
 * Facts about the deployment that the build (CMS config) and the functions (correction issues, PRs)
 * must agree on. Overridden by the GITHUB_CONTENT_REPO setting in both places.
 */

/** `owner/name` of the content repository: Decap commits to it, the functions open issues and PRs on it. */
export const DEFAULT_CONTENT_REPO = 'altry/nakano-clinic-db';

/** Cloudflare's documented Turnstile test site keys (always pass, always block, force a challenge …). */
const TURNSTILE_TEST_SITE_KEY = /^[123]x0{20}[A-F]{2}$/;

/**
 * Refuses a public build that would ship a Turnstile test key: on an https site the bot check would then
 * pass for everybody. Local builds (http://localhost) use the always-pass test key on purpose.
 */
export function checkBuildSettings(s: { site: string; turnstileSiteKey: string | undefined }): void {
  if (!s.site.startsWith('https:')) return;
  if (!s.turnstileSiteKey || TURNSTILE_TEST_SITE_KEY.test(s.turnstileSiteKey)) {
    throw new Error(
      `PUBLIC_TURNSTILE_SITE_KEY: 公開サイト（${s.site}）のビルドには本番の Turnstile サイトキーが必要です（未設定か、Cloudflare のテスト用キーです）。docs/operations/deploy.md を参照してください。`,
    );
  }
}
