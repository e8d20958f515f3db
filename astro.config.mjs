// @ts-check
import { defineConfig } from 'astro/config';
import contentCheck from './src/integrations/content-check.ts';
import decap from './src/integrations/decap.ts';
import pagefind from './src/integrations/pagefind.ts';
import { checkBuildSettings } from './src/lib/util/site.ts';

/** The public origin, for canonical URLs, OGP and the sitemap. Set SITE_URL in production builds. */
const site = process.env.SITE_URL ?? 'http://localhost:8788';
checkBuildSettings({ site, turnstileSiteKey: process.env.PUBLIC_TURNSTILE_SITE_KEY });

export default defineConfig({
  site,
  // DIST_DIR / ASTRO_CACHE_DIR let the benchmark build synthetic content sets side by side with the real one.
  outDir: process.env.DIST_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  integrations: [contentCheck(), decap(), pagefind()],
  // No inlined scripts, however small: the CSP is script-src 'self' (Astro inlines scripts under this limit).
  vite: { build: { sourcemap: false, assetsInlineLimit: 0 } },
});
