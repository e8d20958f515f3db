/**
 * The map itself, loaded by src/scripts/map.ts on the first 「地図で表示」: Leaflet over 地理院タイル. A facility
 * whose position is exact is a dot; one known only to its 丁目 (or town) is a shaded circle of about that size,
 * never a pin. Facilities at one point share one mark, whose popup lists them all. Stations are squares.
 */
import L from 'leaflet';
// As a URL, not an import: an imported stylesheet would be bundled into every page with a map button.
import leafletCss from 'leaflet/dist/leaflet.css?url';
import { APPROX_RADIUS_M, GSI_TILE_URL, GSI_TILE_ZOOM, type MapPoint } from '../lib/util/map.ts';

const BLUE = '#0b5cad';
/** 中野区役所, where a map with nothing on it opens. */
const NAKANO: L.LatLngTuple = [35.7075, 139.6638];

function popup(group: MapPoint[]): HTMLElement {
  const ul = document.createElement('ul');
  for (const p of group) {
    const li = document.createElement('li');
    if (p.href) {
      const a = document.createElement('a');
      a.href = p.href;
      a.textContent = p.name;
      li.append(a);
    } else li.textContent = p.name;
    ul.append(li);
  }
  return ul;
}

/** Leaflet's stylesheet, added to the page once. */
function stylesheet(): Promise<void> {
  if (document.querySelector('link[data-leaflet]')) return Promise.resolve();
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: leafletCss });
  link.dataset['leaflet'] = '';
  const loaded = new Promise<void>((resolve, reject) => {
    link.onload = () => resolve();
    link.onerror = () => reject(new Error('leaflet.css'));
  });
  document.head.append(link);
  return loaded;
}

/** Draws `points` in `el`; `update` redraws with other points (the search page's next results). */
export async function drawMap(
  el: HTMLElement,
  points: MapPoint[],
  words: { attribution: string; zoomIn: string; zoomOut: string },
): Promise<{ update: (points: MapPoint[]) => void }> {
  await stylesheet();
  // A view first: a circle's bounds are computed through the map's projection.
  const map = L.map(el, { minZoom: 11, maxZoom: GSI_TILE_ZOOM.max, keyboard: true, scrollWheelZoom: false, zoomControl: false }).setView(NAKANO, 14);
  L.control.zoom({ zoomInTitle: words.zoomIn, zoomOutTitle: words.zoomOut }).addTo(map);
  L.tileLayer(GSI_TILE_URL, { attribution: words.attribution, minZoom: GSI_TILE_ZOOM.min, maxZoom: GSI_TILE_ZOOM.max }).addTo(map);
  const layer = L.featureGroup().addTo(map);
  const update = (next: MapPoint[]) => {
    layer.clearLayers();
    const groups = new Map<string, MapPoint[]>();
    for (const p of next) {
      if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon)) continue;
      const key = `${p.lat.toFixed(5)},${p.lon.toFixed(5)},${p.approx ?? ''},${p.station ? 's' : ''}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    for (const group of groups.values()) {
      const { lat, lon, approx, station } = group[0]!;
      const mark = station
        ? L.rectangle(
            [
              [lat - 0.0004, lon - 0.0005],
              [lat + 0.0004, lon + 0.0005],
            ],
            { color: '#333', weight: 2, fillColor: '#fff', fillOpacity: 1 },
          )
        : approx
          ? L.circle([lat, lon], { radius: APPROX_RADIUS_M[approx], color: BLUE, weight: 2, dashArray: '4 4', fillOpacity: 0.2 })
          : L.circleMarker([lat, lon], { radius: 8, color: BLUE, weight: 2, fillColor: BLUE, fillOpacity: 0.9 });
      mark.bindPopup(popup(group)).addTo(layer);
    }
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { maxZoom: 16, padding: [24, 24] });
    else map.setView(NAKANO, 14);
  };
  update(points);
  return { update };
}
