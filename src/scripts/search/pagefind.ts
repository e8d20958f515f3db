/**
 * The browser's own Pagefind, loaded on first use, as two instances. Results come from one on the main
 * thread that never loads every filter index: Pagefind counts every loaded filter value on each search,
 * which takes seconds at 20,000 facilities. The counts come from a second instance in Pagefind's Web
 * Worker, after the results, one at a time.
 */
import type { Pagefind, PagefindModule } from '../../lib/search/pagefind-types.ts';

let module: Promise<PagefindModule> | undefined;
const loadModule = () => {
  // A URL in a variable: the bundler must leave this import alone (Pagefind's files are written after the build).
  const url = '/pagefind/pagefind.js';
  module ??= import(/* @vite-ignore */ url) as Promise<PagefindModule>;
  return module;
};

export interface LocalPagefind {
  results: () => Promise<Pagefind>;
  /** Whether the results instance has loaded: from then on the browser answers every search itself. */
  ready: () => boolean;
  counts: () => Promise<Pagefind>;
}

/** `onReady` runs once the results instance has loaded. */
export function localPagefind(onReady: () => void): LocalPagefind {
  let results: Promise<Pagefind> | undefined;
  let counts: Promise<Pagefind> | undefined;
  let ready = false;
  return {
    results: () =>
      (results ??= loadModule().then(async (m) => {
        const pf = m.createInstance({ noWorker: true });
        await pf.options({ excerptLength: 0 });
        await pf.init();
        ready = true;
        onReady();
        return pf;
      })),
    ready: () => ready,
    counts: () =>
      (counts ??= loadModule().then(async (m) => {
        const pf = m.createInstance({});
        await pf.options({ excerptLength: 0 });
        await pf.filters();
        return pf;
      })),
  };
}
