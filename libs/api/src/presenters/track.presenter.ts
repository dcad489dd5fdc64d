/** A truck's fixes as JSON, or as a GeoJSON Feature (RFC 7946: positions are [lon, lat]). */
import { FixRecord, isoUtc } from '@sanitation/contracts';

export interface FixView {
  ts: string;
  lat: number;
  lon: number;
  speedKmh?: number;
  headingDeg?: number;
  hdop?: number;
  sats?: number;
  ignition?: boolean;
  seq?: number;
  deviceId: string;
}

export function toFixView(fix: FixRecord): FixView {
  const view: FixView = { ts: isoUtc(fix.ts), lat: fix.lat, lon: fix.lon, deviceId: fix.deviceId };
  for (const key of ['speedKmh', 'headingDeg', 'hdop', 'sats', 'ignition', 'seq'] as const) {
    if (fix[key] !== undefined) Object.assign(view, { [key]: fix[key] });
  }
  return view;
}

export function byTime(fixes: FixRecord[]): FixRecord[] {
  return [...fixes].sort((a, b) => a.ts - b.ts);
}

type Geometry =
  | { type: 'LineString'; coordinates: [number, number][] }
  | { type: 'Point'; coordinates: [number, number] }
  | null;

/**
 * A LineString needs two positions (RFC 7946 §3.1.4): one fix is a Point, none a null
 * geometry, so that the Feature stays valid GeoJSON.
 */
export function toTrackFeature(truckId: string, fixes: FixRecord[]) {
  const positions = fixes.map((fix): [number, number] => [fix.lon, fix.lat]);
  let geometry: Geometry = null;
  if (positions.length === 1) geometry = { type: 'Point', coordinates: positions[0] };
  if (positions.length > 1) geometry = { type: 'LineString', coordinates: positions };

  return {
    type: 'Feature' as const,
    geometry,
    properties: {
      truckId,
      times: fixes.map((fix) => isoUtc(fix.ts)),
      speedsKmh: fixes.map((fix) => fix.speedKmh ?? null),
    },
  };
}
