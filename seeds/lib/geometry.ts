/**
 * Plane geometry on a local tangent plane: good to well under a metre over the tens of
 * kilometres of one city, which is all the seeds need. Points are [lat, lon] in degrees.
 */
import type { LatLon } from '@sanitation/contracts';

const EARTH_RADIUS_M = 6_371_008.8;
const M_PER_DEG = (Math.PI / 180) * EARTH_RADIUS_M;

/** A polygon: its outer ring first, then holes; rings of [lat, lon]. */
export type Polygon = LatLon[][];

export function distanceM(a: LatLon, b: LatLon): number {
  const toRad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * toRad;
  const dLon = (b[1] - a[1]) * toRad;
  const cosProduct = Math.cos(a[0] * toRad) * Math.cos(b[0] * toRad);
  const h = Math.sin(dLat / 2) ** 2 + cosProduct * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

/** The point `northM` metres north and `eastM` metres east of `origin`. */
export function offsetM(origin: LatLon, northM: number, eastM: number): LatLon {
  const lat = origin[0] + northM / M_PER_DEG;
  const lon = origin[1] + eastM / (M_PER_DEG * Math.cos((origin[0] * Math.PI) / 180));
  return [lat, lon];
}

/** [northM, eastM] of `p` relative to `origin`. */
export function toLocalM(origin: LatLon, p: LatLon): [number, number] {
  const eastScale = M_PER_DEG * Math.cos((origin[0] * Math.PI) / 180);
  return [(p[0] - origin[0]) * M_PER_DEG, (p[1] - origin[1]) * eastScale];
}

export function distanceToSegmentM(p: LatLon, a: LatLon, b: LatLon): number {
  const [bn, be] = toLocalM(a, b);
  const [pn, pe] = toLocalM(a, p);
  const lengthSq = bn * bn + be * be;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, (pn * bn + pe * be) / lengthSq));
  return Math.hypot(pn - t * bn, pe - t * be);
}

export function distanceToPathM(p: LatLon, path: LatLon[]): number {
  if (path.length === 1) return distanceM(p, path[0]);
  let best = Infinity;
  for (let i = 1; i < path.length; i++) {
    best = Math.min(best, distanceToSegmentM(p, path[i - 1], path[i]));
  }
  return best;
}

export function pathLengthM(path: LatLon[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) total += distanceM(path[i - 1], path[i]);
  return total;
}

/** Even-odd ray casting; a point on a hole is outside. */
export function pointInPolygon(p: LatLon, polygon: Polygon): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [latI, lonI] = ring[i];
      const [latJ, lonJ] = ring[j];
      if (latI > p[0] === latJ > p[0]) continue;

      const crossingLon = ((lonJ - lonI) * (p[0] - latI)) / (latJ - latI) + lonI;
      if (p[1] < crossingLon) inside = !inside;
    }
  }
  return inside;
}

export function pointInMultiPolygon(p: LatLon, polygons: Polygon[]): boolean {
  return polygons.some((polygon) => pointInPolygon(p, polygon));
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function roundPoint(p: LatLon): LatLon {
  return [round6(p[0]), round6(p[1])];
}
