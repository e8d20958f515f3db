// @ts-check
import { defineConfig } from 'astro/config';
import contentCheck from './src/integrations/content-check.ts';

/** The public origin, for canonical URLs, OGP and the sitemap. Set SITE_URL in production builds. */
const site = process.env.SITE_URL ?? 'http://localhost:8788';

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  integrations: [contentCheck()],
  vite: { build: { sourcemap: false } },
});
