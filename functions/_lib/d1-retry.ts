/**
 * D1 with a retry on "database is locked". Locally the Pages project and the outbox drain Worker are two
 * workerd processes on one SQLite file (scripts/lib/dev-server.ts), and a write that meets the other's
 * write fails at once with SQLITE_BUSY: without this, about 1 submission in 70 failed with a 500 while the
 * drain ran continuously. A BUSY statement or batch changed nothing (a batch is one transaction), so trying
 * it again is safe. Deployed, D1 is one database service and this never triggers.
 */
const BUSY = /SQLITE_BUSY|database is locked/;
const TRIES = 8;

async function retry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (attempt >= TRIES || !(e instanceof Error) || !BUSY.test(e.message)) throw e;
      await new Promise((r) => setTimeout(r, 5 * 2 ** attempt + Math.random() * 10));
    }
  }
}

/** The statement each retrying proxy stands for: a batch must be given D1's own statements. */
const real = new WeakMap<object, D1PreparedStatement>();
const RUNS = new Set<PropertyKey>(['first', 'run', 'all', 'raw']);

/** Calls `fn` on `target` with `args`, keeping `this`. */
const call = (target: object, prop: PropertyKey, args: unknown[]): unknown =>
  Reflect.apply(Reflect.get(target, prop) as (...a: unknown[]) => unknown, target, args);

function wrapStatement(s: D1PreparedStatement): D1PreparedStatement {
  const w = new Proxy(s, {
    get(target, prop) {
      if (prop === 'bind') return (...values: unknown[]) => wrapStatement(target.bind(...values));
      if (RUNS.has(prop)) return (...args: unknown[]) => retry(() => call(target, prop, args) as Promise<unknown>);
      return Reflect.get(target, prop);
    },
  });
  real.set(w, s);
  return w;
}

/** The same D1 API, retrying statements and batches that met a lock. */
export function withBusyRetry(db: D1Database): D1Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrapStatement(target.prepare(sql));
      if (prop === 'batch') return (stmts: D1PreparedStatement[]) => retry(() => target.batch(stmts.map((st) => real.get(st) ?? st)));
      if (prop === 'exec') return (sql: string) => retry(() => target.exec(sql));
      const v: unknown = Reflect.get(target, prop);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
