/** Circular geofences: a facility's area is its centre and radiusM (contract §1). */
import { distanceM } from './distance';

export interface Circle {
  lat: number;
  lon: number;
  radiusM: number;
}

/** A point exactly on the rim counts as inside. */
export function isInsideCircle(lat: number, lon: number, circle: Circle): boolean {
  return distanceM(lat, lon, circle.lat, circle.lon) <= circle.radiusM;
}
