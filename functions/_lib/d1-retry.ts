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

const real = new WeakMap<object, D1PreparedStatement>();

function wrapStatement(s: D1PreparedStatement): D1PreparedStatement {
  const w = {
    bind: (...values: unknown[]) => wrapStatement(s.bind(...values)),
    first: (col?: string) => retry(() => (col === undefined ? s.first() : s.first(col))),
    run: () => retry(() => s.run()),
    all: () => retry(() => s.all()),
    raw: (opts?: { columnNames?: boolean }) => retry(() => s.raw(opts as { columnNames: true })),
  } as unknown as D1PreparedStatement;
  real.set(w, s);
  return w;
}

/** The same D1 API, retrying statements and batches that met a lock. */
export function withBusyRetry(db: D1Database): D1Database {
  return {
    prepare: (sql: string) => wrapStatement(db.prepare(sql)),
    batch: (stmts: D1PreparedStatement[]) => retry(() => db.batch(stmts.map((s) => real.get(s) ?? s))),
    exec: (sql: string) => retry(() => db.exec(sql)),
    withSession: db.withSession?.bind(db),
    dump: db.dump?.bind(db),
  } as unknown as D1Database;
}
