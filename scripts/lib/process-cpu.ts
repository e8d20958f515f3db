/**
 * CPU time used by a process and its descendants, from /proc (Linux): how many milliseconds of CPU each
 * program spent between two snapshots: where the cores went. On the shared 2-core machine throughput moves by
 * about a quarter between runs of the same code, CPU per request by about a tenth. Empty where there is no /proc.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface Proc {
  pid: number;
  ppid: number;
  ticks: number;
  name: string;
}

function readProcs(): Proc[] {
  const out: Proc[] = [];
  if (!existsSync('/proc')) return out;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // pid (comm) state ppid … utime(14) stime(15): comm may hold spaces, so split after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').filter(Boolean);
      out.push({ pid: Number(d), ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]), name: label(cmd) });
    } catch {
      /* the process ended while we looked */
    }
  }
  return out;
}

/** A short name: the program, and for node the script; workerd's `entry` socket tells the user runtime from wrangler's proxy. */
function label(cmd: string[]): string {
  const prog = (cmd[0] ?? '?').split('/').at(-1)!;
  if (prog === 'workerd') return cmd.some((a) => a.startsWith('--socket-addr=entry=127.0.0.1:0')) ? 'workerd (Worker runtime)' : 'workerd (dev proxy)';
  if (prog === 'node') {
    const script = cmd.slice(1).find((a) => !a.startsWith('-'));
    return script?.includes('wrangler') ? 'node (wrangler)' : `node (${script?.split('/').at(-1) ?? '?'})`;
  }
  return prog;
}

/** Each process under one of `roots` (name → pid), named after its nearest root and its program. */
function named(procs: Proc[], roots: Record<string, number>): Map<number, { name: string; ticks: number }> {
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const rootOf = new Map(Object.entries(roots).map(([name, pid]) => [pid, name]));
  const out = new Map<number, { name: string; ticks: number }>();
  for (const p of procs) {
    for (let q: Proc | undefined = p; q; q = byPid.get(q.ppid)) {
      const root = rootOf.get(q.pid);
      if (root !== undefined) {
        out.set(p.pid, { name: `${root}: ${p.name}`, ticks: p.ticks });
        break;
      }
      if (q.ppid === q.pid || q.ppid === 0) break;
    }
  }
  return out;
}

/**
 * Starts counting; `stop()` returns milliseconds of CPU per "root: program" (e.g. `pages dev: workerd (Worker
 * runtime)`), for the processes alive at stop. A process counts under the nearest of `roots` above it.
 */
export function cpuMeter(roots: Record<string, number>): { stop: () => Map<string, number> } {
  const before = named(readProcs(), roots);
  return {
    stop: () => {
      const byName = new Map<string, number>();
      for (const [pid, p] of named(readProcs(), roots)) {
        const ms = (p.ticks - (before.get(pid)?.ticks ?? 0)) * TICK_MS;
        byName.set(p.name, (byName.get(p.name) ?? 0) + ms);
      }
      return byName;
    },
  };
}
