/**
 * What the build writes to functions/_generated/ (src/integrations/pagefind.ts), not in git: Pagefind's
 * browser runtime and its Wasm module, for functions/_lib/search.ts. Declared here so the functions type-check
 * before the first build as after it.
 */
declare module '*/_generated/pagefind.js' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import by a relative path (TS2439)
  export const createInstance: import('../../src/lib/search/pagefind-types.ts').PagefindModule['createInstance'];
}

declare module '*/_generated/pagefind.wasm' {
  /** Compiled by the bundler (wrangler), since Workers compile no Wasm from bytes. */
  const wasm: WebAssembly.Module;
  export default wasm;
}
