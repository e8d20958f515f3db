/**
 * Security headers for every response. Public pages load only our own scripts and styles; images also from
 * 地理院タイル, for the map a resident opens (src/lib/util/map.ts). /admin (Decap CMS) gets its own CSP from
 * `adminSecurityHeaders` below.
 */
import { GSI_TILE_ORIGIN } from '../../src/lib/util/map.ts';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: ${GSI_TILE_ORIGIN}; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'`,
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), payment=(), geolocation=(self)',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * /admin (Decap CMS, docs/operations/cms.md): only our own bundle runs (no 'unsafe-eval', no third-party script);
 * inline styles are needed by Decap's CSS-in-JS (emotion). It talks to GitHub's API, and on localhost to
 * decap-server (the local backend, any port). The OAuth popup must keep its opener, hence
 * `same-origin-allow-popups`. Never indexed, never framed.
 */
export function adminSecurityHeaders(url: URL): Record<string, string> {
  if (url.pathname !== '/admin' && !url.pathname.startsWith('/admin/')) return {};
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  const connect = ["'self'", 'https://api.github.com', ...(local ? ['http://localhost:*', 'http://127.0.0.1:*'] : [])].join(' ');
  return {
    'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com; connect-src ${connect}; font-src 'self' data:; frame-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'`,
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
    'X-Robots-Tag': 'noindex, nofollow',
  };
}

/**
 * /search/, /en/search/ and Pagefind's files (/pagefind/…, incl. its Web Worker): Pagefind searches in WebAssembly,
 * which Chromium compiles only with 'wasm-unsafe-eval'. That allows compiling Wasm, not JavaScript eval,
 * and only on these paths; everything else stays script-src 'self'. docs/decisions/0401-search-page.md.
 */
export function searchSecurityHeaders(url: URL): Record<string, string> {
  if (!['/search/', '/en/search/', '/pagefind/'].some((p) => url.pathname.startsWith(p))) return {};
  const csp = SECURITY_HEADERS['Content-Security-Policy']!.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");
  return { 'Content-Security-Policy': csp };
}

/** Copy a response with the security headers added; headers a handler already set are kept, `forced` ones win. */
export function withSecurityHeaders(res: Response, forced: Record<string, string> = {}): Response {
  const out = new Response(res.body, res);
  for (const [k, v] of Object.entries(forced)) out.headers.set(k, v);
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) {
    if (!out.headers.has(k)) out.headers.set(k, v);
  }
  return out;
}
