/** decap-cms-locales ships no types: each export is a nested phrase table (see src/admin/phrases.ts). */
declare module 'decap-cms-locales' {
  export const ja: Record<string, unknown>;
}
