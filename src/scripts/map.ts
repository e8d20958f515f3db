/**
 * The 「地図で表示」 buttons (src/components/MapView.astro). Nothing of the map loads with the page: Leaflet, its
 * CSS and the tiles come on the first click (./map-draw.ts, a chunk of its own). The words come from data
 * attributes, so this script carries no dictionary.
 */
import type { MapPoint } from '../lib/util/map.ts';

/** The search page's results as shown: each result line carries its position (src/scripts/search/render.ts). */
function resultPoints(): MapPoint[] {
  return [...document.querySelectorAll<HTMLElement>('#search-results > li[data-lat]')].map((li) => ({
    name: li.dataset['name'] ?? '',
    href: li.dataset['href'],
    lat: Number(li.dataset['lat']),
    lon: Number(li.dataset['lon']),
    approx: li.dataset['approx'] === 'chome' || li.dataset['approx'] === 'town' ? li.dataset['approx'] : undefined,
  }));
}

for (const box of document.querySelectorAll<HTMLElement>('[data-map]')) {
  const button = box.querySelector('button');
  const area = box.querySelector<HTMLElement>('#map-area');
  const canvas = box.querySelector<HTMLElement>('.map');
  const status = box.querySelector<HTMLElement>('[role="status"]');
  if (!button || !area || !canvas || !status) continue;
  const d = box.dataset;
  const points = (): MapPoint[] => (d['results'] !== undefined ? resultPoints() : (JSON.parse(d['points'] ?? '[]') as MapPoint[]));
  let shown: { update: (points: MapPoint[]) => void } | undefined;
  const fromResults = d['results'] !== undefined;
  // The search page's button waits for results: shown before them, it would be pushed down as they come.
  box.hidden = fromResults && !resultPoints().length;
  button.addEventListener('click', async () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    button.textContent = (open ? d['hide'] : d['show']) ?? '';
    area.hidden = !open;
    if (!open || shown) {
      if (open) shown?.update(points());
      return;
    }
    status.textContent = d['loading'] ?? '';
    try {
      const { drawMap } = await import('./map-draw.ts');
      shown = await drawMap(canvas, points(), { attribution: d['attribution'] ?? '', zoomIn: d['zoomIn'] ?? '', zoomOut: d['zoomOut'] ?? '' });
      status.textContent = points().length ? '' : (d['none'] ?? '');
    } catch (e) {
      console.error(e);
      status.textContent = d['failed'] ?? '';
    }
  });
  // The search page: the button comes with results, and the map follows them while it is open.
  if (fromResults) {
    const list = document.getElementById('search-results');
    if (list)
      new MutationObserver(() => {
        box.hidden = !resultPoints().length;
        if (!area.hidden) shown?.update(points());
      }).observe(list, { childList: true });
  }
}
