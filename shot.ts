import { startPagesDev, freePort } from './scripts/lib/dev-server.ts';
import { launchChromium } from './scripts/lib/browser.ts';
const port = await freePort();
const dev = await startPagesDev({ dir: 'dist-me', port, persistTo: '/tmp/shot-state' } as never);
const b = await launchChromium();
const p = await b.newPage({ viewport: { width: 420, height: 1000 } });
for (const [u, f] of process.argv.slice(2).map((x) => x.split('|'))) {
  await p.goto(`http://127.0.0.1:${port}${u}`); await p.waitForTimeout(1500);
  await p.screenshot({ path: `/tmp/${f}.png` });
}
await b.close(); await dev.stop();
process.exit(0);
