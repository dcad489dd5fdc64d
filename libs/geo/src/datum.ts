/**
 * GCJ-02 ⇄ WGS-84. Chinese basemaps (and the district outlines under /work/shared/data) use
 * GCJ-02, a deliberately offset datum; GPS units and the registry use WGS-84. These are the
 * widely published forward formulas (Krasovsky 1940 ellipsoid); there is no closed-form
 * inverse, so gcj02ToWgs84 iterates the forward transform to a fixed point.
 */
import type { LatLon } from '@sanitation/contracts';

const KRASOVSKY_A_M = 6378245.0;
const KRASOVSKY_EE = 0.006693421622965943;

/** Fixed-point iterations converge geometrically; 1e-10° is about 0.01 mm. */
const INVERSE_TOLERANCE_DEG = 1e-10;
const INVERSE_MAX_ITERATIONS = 30;

/** The offset is only applied inside this rough box around China, as basemaps do. */
export function isInsideChina(lat: number, lon: number): boolean {
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function sines(x: number, y: number): number {
  return ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3 + y;
}

function latOffset(x: number, y: number): number {
  const base = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  const mid = ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  const long = ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return sines(x, base) + mid + long;
}

function lonOffset(x: number, y: number): number {
  const base = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  const mid = ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  const long = ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return sines(x, base) + mid + long;
}

/** WGS-84 [lat, lon] to GCJ-02 [lat, lon]; points outside China are returned unchanged. */
export function wgs84ToGcj02(lat: number, lon: number): LatLon {
  if (!isInsideChina(lat, lon)) return [lat, lon];

  const radLat = (lat / 180) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);

  const dLat =
    (latOffset(lon - 105, lat - 35) * 180) /
    (((KRASOVSKY_A_M * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLon =
    (lonOffset(lon - 105, lat - 35) * 180) /
    ((KRASOVSKY_A_M / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lat + dLat, lon + dLon];
}

/** GCJ-02 [lat, lon] to WGS-84 [lat, lon], by iterating the forward transform. */
export function gcj02ToWgs84(lat: number, lon: number): LatLon {
  if (!isInsideChina(lat, lon)) return [lat, lon];

  let wgsLat = lat;
  let wgsLon = lon;
  for (let i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
    const [gcjLat, gcjLon] = wgs84ToGcj02(wgsLat, wgsLon);
    const errLat = gcjLat - lat;
    const errLon = gcjLon - lon;
    wgsLat -= errLat;
    wgsLon -= errLon;
    if (Math.abs(errLat) < INVERSE_TOLERANCE_DEG && Math.abs(errLon) < INVERSE_TOLERANCE_DEG) break;
  }
  return [wgsLat, wgsLon];
}
