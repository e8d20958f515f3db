/**
 * Fake 地理院タイル (GSI tiles): GET /xyz/std/{z}/{x}/{y}.png as GSI publishes them
 * (https://maps.gsi.go.jp/development/ichiran.html, 標準地図, z 2–18), answering a 256×256 PNG, and 404 for a
 * tile outside the world or the zoom range, as GSI does. Any other method or path is recorded as bad.
 * Browser tests route https://cyberjapandata.gsi.go.jp/ here (tests/e2e/map.test.ts), so no test reaches GSI;
 * GET /_control/tiles lists what was asked.
 */
import sharp from 'sharp';
import { json, listen, type Fake } from './fake-server.ts';
import { GSI_TILE_ZOOM } from '../../../src/lib/util/map.ts';

const TILE = /^\/xyz\/std\/(\d{1,2})\/(\d+)\/(\d+)\.png$/;

export async function start(): Promise<Fake> {
  const png = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#e8eee4' } })
    .png()
    .toBuffer();
  const tiles: string[] = [];
  const bad: string[] = [];
  const server = await listen((req, res) => {
    const url = new URL(req.path, 'http://fake');
    if (url.pathname === '/_control/tiles') return json(res, 200, { tiles, bad });
    const m = TILE.exec(url.pathname);
    if (req.method !== 'GET' || !m || url.search) {
      bad.push(`${req.method} ${req.path}`);
      return json(res, 400, { error: 'not a GSI tile request' });
    }
    const [z, x, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const n = 2 ** z;
    if (z < GSI_TILE_ZOOM.min || z > GSI_TILE_ZOOM.max || x >= n || y >= n) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('Not Found');
    }
    tiles.push(`${z}/${x}/${y}`);
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
    res.end(png);
  });
  return { name: 'gsi', url: server.url, bindings: {}, stop: server.close };
}
