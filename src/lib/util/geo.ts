/** Distances on the ground, for the derived "nearest station" values. */
export interface Point {
  lat: number;
  lon: number;
}

/** Great-circle distance in metres (haversine, mean Earth radius 6,371 km). */
export function distanceM(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** The `n` nearest of `candidates` within `maxM` metres, nearest first. */
export function nearest<T extends Point>(from: Point, candidates: readonly T[], n: number, maxM: number): { item: T; distanceM: number }[] {
  return candidates
    .map((item) => ({ item, distanceM: distanceM(from, item) }))
    .filter((c) => c.distanceM <= maxM)
    .sort((a, b) => a.distanceM - b.distanceM)
    .slice(0, n);
}
