import type { LatLon } from '@sanitation/contracts';
import { distanceM } from './distance';
import { distanceToPolylineM } from './polyline';

const path: LatLon[] = [
  [41.1, 122.0],
  [41.1, 122.01],
  [41.11, 122.01],
];

describe('distanceToPolylineM', () => {
  it('is zero for a vertex', () => {
    expect(distanceToPolylineM([41.1, 122.01], path)).toBeCloseTo(0, 6);
  });

  it('measures the perpendicular to the nearest segment', () => {
    const north = distanceToPolylineM([41.1009, 122.005], path);
    expect(north).toBeCloseTo(100.1, 0);
  });

  it('measures to the nearer end beyond a segment', () => {
    const west = distanceToPolylineM([41.1, 121.999], path);
    expect(west).toBeCloseTo(distanceM(41.1, 121.999, 41.1, 122.0), 0);
  });

  it('picks the closest of several segments', () => {
    const east = distanceToPolylineM([41.105, 122.0112], path);
    expect(east).toBeCloseTo(distanceM(41.105, 122.0112, 41.105, 122.01), 0);
  });

  it('treats a single point as a point and an empty path as infinitely far', () => {
    expect(distanceToPolylineM([41.1, 122.001], [[41.1, 122.0]])).toBeCloseTo(84, 0);
    expect(distanceToPolylineM([41.1, 122.0], [])).toBe(Infinity);
  });
});
