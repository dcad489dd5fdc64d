/** Small planar geometry on WGS-84 for a city-sized area (errors well under a metre per km). */
import type { LatLon } from '@sanitation/contracts';

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export function distanceM(a: LatLon, b: LatLon): number {
  const dLat = (b[0] - a[0]) * RAD;
  const dLon = (b[1] - a[1]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 +
    Math.cos(a[0] * RAD) * Math.cos(b[0] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function bearingDeg(a: LatLon, b: LatLon): number {
  const y = Math.sin((b[1] - a[1]) * RAD) * Math.cos(b[0] * RAD);
  const x = Math.cos(a[0] * RAD) * Math.sin(b[0] * RAD) -
    Math.sin(a[0] * RAD) * Math.cos(b[0] * RAD) * Math.cos((b[1] - a[1]) * RAD);
  return (Math.atan2(y, x) / RAD + 360) % 360;
}

/** The point `distanceM` metres from `from` towards `bearing` (flat-earth, fine below ~10 km). */
export function offsetPoint(from: LatLon, bearing: number, metres: number): LatLon {
  const north = metres * Math.cos(bearing * RAD);
  const east = metres * Math.sin(bearing * RAD);
  return [
    from[0] + (north / EARTH_RADIUS_M) / RAD,
    from[1] + (east / (EARTH_RADIUS_M * Math.cos(from[0] * RAD))) / RAD,
  ];
}

/** Shortest distance from a point to a polyline, on a local plane around the point. */
export function distanceToPathM(point: LatLon, path: LatLon[]): number {
  if (path.length === 1) return distanceM(point, path[0]);

  const metresPerDegLat = EARTH_RADIUS_M * RAD;
  const metresPerDegLon = metresPerDegLat * Math.cos(point[0] * RAD);
  const toXy = (p: LatLon) => [(p[1] - point[1]) * metresPerDegLon,
    (p[0] - point[0]) * metresPerDegLat];
  let best = Infinity;
  for (let index = 1; index < path.length; index += 1) {
    const [ax, ay] = toXy(path[index - 1]);
    const [bx, by] = toXy(path[index]);
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSq = dx * dx + dy * dy;
    const along = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSq));
    best = Math.min(best, Math.hypot(ax + along * dx, ay + along * dy));
  }
  return best;
}

/** A polyline measured along its length, for positions at a distance from its start. */
export class MeasuredPath {
  readonly cumulativeM: number[] = [0];

  constructor(readonly points: LatLon[]) {
    for (let index = 1; index < points.length; index += 1) {
      this.cumulativeM.push(this.cumulativeM[index - 1] + distanceM(points[index - 1],
        points[index]));
    }
  }

  get lengthM(): number {
    return this.cumulativeM[this.cumulativeM.length - 1];
  }

  /** Position and heading at `s` metres along the path. */
  at(s: number): { point: LatLon; headingDeg: number } {
    const clamped = Math.max(0, Math.min(this.lengthM, s));
    let index = 1;
    while (index < this.points.length - 1 && this.cumulativeM[index] < clamped) index += 1;
    if (this.points.length === 1) return { point: this.points[0], headingDeg: 0 };

    const a = this.points[index - 1];
    const b = this.points[index];
    const segmentM = this.cumulativeM[index] - this.cumulativeM[index - 1];
    const share = segmentM === 0 ? 0 : (clamped - this.cumulativeM[index - 1]) / segmentM;
    return {
      point: [a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share],
      headingDeg: bearingDeg(a, b),
    };
  }

  /** Index of the vertex nearest to `point`, searching from `fromIndex` on. */
  nearestVertex(point: LatLon, fromIndex = 0): number {
    let best = fromIndex;
    for (let index = fromIndex; index < this.points.length; index += 1) {
      if (distanceM(point, this.points[index]) < distanceM(point, this.points[best])) best = index;
    }
    return best;
  }
}
