/**
 * A route's planned path: depot, then each collection area's streets (nearest area first,
 * each entered from its nearer end), then the facility, then back to the depot.
 */
import type { LatLon } from '@sanitation/contracts';
import { distanceM, distanceToSegmentM, offsetM, pathLengthM, toLocalM } from './geometry';
import { reverseRun, StreetRun } from './streets';

/** Planning speeds of the brief: ~25 km/h on the road and ~60 s per bin emptied. */
export const PLANNING_SPEED_KMH = 25;
export const SECONDS_PER_BIN = 60;
/** Queueing, weighing and tipping at the facility. */
export const FACILITY_DWELL_S = 20 * 60;

/** A facility's circle, which a route must skirt unless it is the route's own. */
export interface Circle {
  centre: LatLon;
  radiusM: number;
}

/**
 * Planned lines keep this far outside other facilities' circles: a truck driving through
 * one would count as a visit there (contract §4, entry and exit) and raise false alerts.
 */
export const CIRCLE_CLEARANCE_M = 150;
const MAX_DETOURS = 20;

export interface PlannedPath {
  path: LatLon[];
  /** Bin positions in the order the path reaches them. */
  bins: LatLon[];
}

export function planPath(
  depot: LatLon,
  runs: StreetRun[],
  facility: LatLon,
  avoid: Circle[] = [],
): PlannedPath {
  const remaining = [...runs];
  const path: LatLon[] = [depot];
  const bins: LatLon[] = [];
  let here = depot;

  while (remaining.length > 0) {
    const { index, reversed } = nearestRun(here, remaining);
    const [chosen] = remaining.splice(index, 1);
    const run = reversed ? reverseRun(chosen) : chosen;
    path.push(...run.line);
    bins.push(...run.bins);
    here = run.line[run.line.length - 1];
  }

  path.push(facility, depot);
  return { path: skirtCircles(path, avoid), bins };
}

/** Adds a waypoint beside each circle that a straight leg of the path would cut through. */
export function skirtCircles(path: LatLon[], circles: Circle[]): LatLon[] {
  const out = [...path];

  for (let detours = 0; detours < MAX_DETOURS; detours++) {
    const hit = firstHit(out, circles);
    if (!hit) return out;

    const { index, circle } = hit;
    out.splice(index, 0, besideCircle(out[index - 1], out[index], circle));
  }
  throw new Error('path keeps cutting through facilities after many detours');
}

function firstHit(path: LatLon[], circles: Circle[]): { index: number; circle: Circle } | null {
  for (let index = 1; index < path.length; index++) {
    for (const circle of circles) {
      const clearM = circle.radiusM + CIRCLE_CLEARANCE_M;
      if (distanceToSegmentM(circle.centre, path[index - 1], path[index]) < clearM) {
        return { index, circle };
      }
    }
  }
  return null;
}

/** A point off the circle on the side of the leg's midpoint, far enough for both new legs. */
function besideCircle(from: LatLon, to: LatLon, circle: Circle): LatLon {
  const mid: LatLon = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2];
  const [northM, eastM] = toLocalM(circle.centre, mid);
  const lengthM = Math.hypot(northM, eastM);

  // A leg straight through the centre is pushed sideways, perpendicular to itself.
  const [legN, legE] = toLocalM(from, to);
  const legM = Math.hypot(legN, legE) || 1;
  const [unitN, unitE] =
    lengthM > 1 ? [northM / lengthM, eastM / lengthM] : [-legE / legM, legN / legM];

  const awayM = 2 * (circle.radiusM + CIRCLE_CLEARANCE_M);
  return offsetM(circle.centre, unitN * awayM, unitE * awayM);
}

function nearestRun(here: LatLon, runs: StreetRun[]): { index: number; reversed: boolean } {
  let best = { index: 0, reversed: false, distance: Infinity };
  runs.forEach((run, index) => {
    const toStart = distanceM(here, run.line[0]);
    const toEnd = distanceM(here, run.line[run.line.length - 1]);
    if (toStart < best.distance) best = { index, reversed: false, distance: toStart };
    if (toEnd < best.distance) best = { index, reversed: true, distance: toEnd };
  });
  return best;
}

/** How long a truck needs to drive the path and empty its bins, in seconds. */
export function plannedDurationS(path: LatLon[], binCount: number): number {
  const driveS = pathLengthM(path) / ((PLANNING_SPEED_KMH * 1000) / 3600);
  return driveS + binCount * SECONDS_PER_BIN + FACILITY_DWELL_S;
}

/** Minutes from "HH:MM" start to "HH:MM" end, across midnight if the end is earlier. */
export function shiftLengthMin(shiftStart: string, shiftEnd: string): number {
  const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const length = toMin(shiftEnd) - toMin(shiftStart);
  return length > 0 ? length : length + 24 * 60;
}
