/**
 * Replaces decap-cms-core's `constants/configSchema` in the /admin bundle (src/integrations/decap.ts).
 * Decap checks its config at start-up with ajv, which compiles validators with `new Function`: that needs
 * `'unsafe-eval'`, which /admin's CSP does not allow. Our config is generated (src/lib/decap/config.ts) and
 * checked against Decap's own JSON schema in tests/unit/decap-config.test.ts, so nothing is lost at run time.
 */
export function validateConfig(): void {}
