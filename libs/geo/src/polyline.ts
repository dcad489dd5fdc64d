/**
 * Distance from a point to a polyline of [lat, lon] vertices. Each segment is projected onto a
 * local equirectangular plane centred on the point: exact enough for corridors of metres to a
 * few kilometres, and far cheaper than spherical cross-track formulas per segment.
 */
import type { LatLon } from '@sanitation/contracts';
import { EARTH_RADIUS_M, distanceM } from './distance';

const RAD = Math.PI / 180;

export function distanceToPolylineM(point: LatLon, path: readonly LatLon[]): number {
  if (path.length === 0) return Infinity;
  if (path.length === 1) return distanceM(point[0], point[1], path[0][0], path[0][1]);

  const metresPerDegLat = EARTH_RADIUS_M * RAD;
  const metresPerDegLon = metresPerDegLat * Math.cos(point[0] * RAD);
  const x = (v: LatLon): number => (v[1] - point[1]) * metresPerDegLon;
  const y = (v: LatLon): number => (v[0] - point[0]) * metresPerDegLat;

  let best = Infinity;
  for (let i = 1; i < path.length; i++) {
    const d = distanceToSegment(x(path[i - 1]), y(path[i - 1]), x(path[i]), y(path[i]));
    if (d < best) best = d;
  }
  return best;
}

/** Distance from the origin to the segment (ax, ay)-(bx, by) in the plane. */
function distanceToSegment(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSq));
  return Math.hypot(ax + t * dx, ay + t * dy);
}
