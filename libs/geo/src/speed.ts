/** Implied ground speed between two timed positions. */
import { distanceM } from './distance';

export interface TimedPosition {
  /** Epoch ms. */
  ts: number;
  lat: number;
  lon: number;
}

/** km/h over the great-circle distance; Infinity for a move in zero time. */
export function speedKmhBetween(a: TimedPosition, b: TimedPosition): number {
  const metres = distanceM(a.lat, a.lon, b.lat, b.lon);
  const seconds = Math.abs(b.ts - a.ts) / 1000;
  if (seconds === 0) return metres === 0 ? 0 : Infinity;
  return (metres / seconds) * 3.6;
}
