/**
 * The map's tiles and how a position is drawn: 地理院タイル (GSI's standard map), which the CSP allows as an
 * image host (functions/_lib/security-headers.ts) and tests replace with a local fake (scripts/lib/fakes/gsi-tiles.fake.ts).
 */
export const GSI_TILE_ORIGIN = 'https://cyberjapandata.gsi.go.jp';
/** GSI's standard map (標準地図), z 2–18. https://maps.gsi.go.jp/development/ichiran.html */
export const GSI_TILE_URL = `${GSI_TILE_ORIGIN}/xyz/std/{z}/{x}/{y}.png`;
export const GSI_TILE_ZOOM = { min: 2, max: 18 } as const;
/** Where GSI asks the attribution to link. */
export const GSI_TERMS_URL = 'https://maps.gsi.go.jp/development/ichiran.html';

/** One facility (or station) on a map. `approx`: known only to the 丁目 or the town, drawn as an area. */
export interface MapPoint {
  name: string;
  href?: string;
  lat: number;
  lon: number;
  approx?: 'chome' | 'town';
  /** A station, drawn apart from facilities. */
  station?: boolean;
}

/** The radius of an approximate position's area, in metres: about a 丁目, about a town. */
export const APPROX_RADIUS_M: Readonly<Record<NonNullable<MapPoint['approx']>, number>> = { chome: 250, town: 600 };

/** A facility position's precision → how a map draws it. */
export const approxOf = (precision: string | undefined): MapPoint['approx'] => (precision === 'chome' || precision === 'town' ? precision : undefined);
