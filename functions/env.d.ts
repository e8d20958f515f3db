/** Bindings and secrets the Pages Functions see (wrangler.toml, dashboard secrets, --binding in tests). */
interface Env {
  DB: D1Database;
  RATE_LIMIT: KVNamespace;
  UPLOADS: R2Bucket;
  /** The site's own origin, e.g. https://nakano-clinics.example. */
  SITE_ORIGIN: string;
  [key: string]: unknown;
}
