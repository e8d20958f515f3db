/**
 * A CPU profile of the Worker under `wrangler pages dev`, taken through wrangler's inspector proxy
 * (Chrome DevTools Protocol on 127.0.0.1:9229). Used by `npm run bench -- --only contact --profile`
 * to say where a form submission's time goes (docs/operations/forms.md).
 */
import { WebSocket } from 'ws';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

export interface WorkerProfiler {
  /** Stops sampling; returns the share of samples per frame, inclusive of what it calls, largest first. */
  stop: () => Promise<{ samples: number; idle: number; frames: { share: number; name: string }[] }>;
}

/** wrangler's inspector answers only DevTools origins. */
const DEVTOOLS_ORIGIN = 'https://devtools.devprod.cloudflare.dev';

export async function startWorkerProfiler(inspector = 'http://127.0.0.1:9229'): Promise<WorkerProfiler> {
  const targets = (await (await fetch(`${inspector}/json`)).json()) as { webSocketDebuggerUrl: string }[];
  if (!targets[0]) throw new Error(`no Worker to profile at ${inspector}`);
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl, { headers: { Origin: DEVTOOLS_ORIGIN } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', () => reject(new Error('inspector refused the connection')));
  });
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.on('message', (data) => {
    // wrangler's proxy answers with the request echoed (id, method) plus `result` where there is one.
    const m = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (m.id === undefined) return;
    waiting.get(m.id)?.(m.result);
    waiting.delete(m.id);
  });
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve) => {
      const id = ++next;
      waiting.set(id, (r) => resolve(r as T));
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 200 });
  await send('Profiler.start');
  return {
    async stop() {
      const { profile } = await send<{ profile: Profile }>('Profiler.stop');
      ws.close();
      return summarise(profile);
    },
  };
}

/** Inclusive share per named frame (each frame counted once per stack, so recursion does not inflate it). */
function summarise(p: Profile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (const s of p.samples) self.set(s, (self.get(s) ?? 0) + 1);
  const totals = new Map<string, number>();
  const name = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '').replace(/-[\d.]+\.js$/, '.js')}:${f.lineNumber + 1}`;
  const walk = (n: ProfileNode, above: Set<string>): number => {
    let own = self.get(n.id) ?? 0;
    const key = name(n.callFrame);
    const seen = new Set(above).add(key);
    for (const c of n.children ?? []) own += walk(byId.get(c)!, seen);
    if (!above.has(key)) totals.set(key, (totals.get(key) ?? 0) + own);
    return own;
  };
  walk(p.nodes[0]!, new Set());
  const total = p.samples.length;
  const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, c]) => a + c, 0);
  const frames = [...totals]
    .filter(([k]) => !k.startsWith('(root)'))
    .map(([k, c]) => ({ share: c / total, name: k }))
    .sort((a, b) => b.share - a.share);
  return { samples: total, idle: idle / total, frames };
}
