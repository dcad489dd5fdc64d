/** Turns a planned trip into what its devices observe: GPS fixes and RFID reads. */
import type { LatLon } from '@sanitation/contracts';
import { offsetPoint } from './geo';
import { Rng } from './rng';
import type { Piece, TripPlan } from './trip-plan';

export interface SimFix {
  ts: number;
  lat: number;
  lon: number;
  speedKmh: number;
  headingDeg: number;
  hdop: number;
  sats: number;
  ignition: boolean;
  seq: number;
}

export interface SimRead {
  ts: number;
  tag: string;
  rssi: number;
  antenna: number;
}

export interface Detour {
  fromMs: number;
  toMs: number;
  offsetM: number;
}

export interface Jump {
  atMs: number;
  jumpM: number;
}

export interface SampleOptions {
  detours: Detour[];
  jumps: Jump[];
  /** First seq number of the GPS unit for this trip. */
  firstSeq: number;
  /** Half-width of the route's corridor; detour fixes keep clear of its edge. */
  corridorM: number;
}

/** Fix intervals: moving, standing with the engine on, parked with it off. */
const DRIVE_INTERVAL_MS = 5_000;
const STAND_INTERVAL_MS = 10_000;
const PARKED_INTERVAL_MS = 60_000;
/** Detours ramp off and back over this time, as a truck turning into side streets. */
const DETOUR_RAMP_MS = 60_000;
/** Keep detour fixes this far from the corridor edge, so planar vs spherical maths agree. */
const EDGE_CLEARANCE_M = 40;

export function sampleFixes(plan: TripPlan, rng: Rng, options: SampleOptions): SimFix[] {
  const fixes: SimFix[] = [];
  let hdop = rng.range(0.7, 1.2);
  let sats = rng.int(8, 13);
  let lastHeading = plan.path.at(0).headingDeg;
  const pendingJumps = [...options.jumps].sort((a, b) => a.atMs - b.atMs);

  for (const piece of plan.pieces) {
    const interval = piece.kind === 'drive' ? DRIVE_INTERVAL_MS
      : piece.kind === 'parked' ? PARKED_INTERVAL_MS : STAND_INTERVAL_MS;
    let ts = fixes.length === 0 ? piece.fromMs : Math.max(piece.fromMs,
      fixes[fixes.length - 1].ts + 1_000);

    for (; ts < piece.toMs; ts += interval + rng.int(-300, 300)) {
      const { point, headingDeg } = positionAt(plan, piece, ts);
      if (piece.kind === 'drive') lastHeading = headingDeg;
      hdop = Math.min(2.5, Math.max(0.6, hdop + rng.range(-0.05, 0.05)));
      sats = Math.min(16, Math.max(6, sats + (rng.next() < 0.1 ? rng.pick([-1, 1]) : 0)));

      let truePoint = applyDetour(point, lastHeading, ts, options);
      if (pendingJumps.length > 0 && ts >= pendingJumps[0].atMs) {
        truePoint = offsetPoint(truePoint, 0, pendingJumps.shift()!.jumpM);
      }
      const noisy = offsetPoint(truePoint, rng.range(0, 360), Math.abs(rng.normal()) * 2 * hdop);
      const moving = piece.kind === 'drive';
      fixes.push({
        ts,
        lat: round(noisy[0], 6),
        lon: round(noisy[1], 6),
        speedKmh: moving ? round(Math.max(3, piece.speedKmh + rng.range(-4, 4)), 1) : 0,
        headingDeg: Math.round(lastHeading) % 360,
        hdop: round(hdop, 1),
        sats,
        ignition: piece.kind !== 'parked',
        seq: options.firstSeq + fixes.length,
      });
    }
  }
  return fixes;
}

/** A lifter reads a bin's tag several times within seconds of the lift starting. */
export function sampleReads(plan: TripPlan, rng: Rng): SimRead[] {
  const reads: SimRead[] = [];
  for (const piece of plan.pieces) {
    if (piece.kind !== 'lift' || !piece.bin) continue;

    let ts = piece.fromMs + rng.int(5_000, 12_000);
    const count = rng.int(3, 6);
    const antenna = rng.int(1, 2);
    for (let index = 0; index < count && ts < piece.toMs; index += 1) {
      reads.push({ ts, tag: piece.bin.tag, rssi: rng.int(-68, -42), antenna });
      ts += rng.int(300, 1_800);
    }
  }
  return reads;
}

function positionAt(plan: TripPlan, piece: Piece, ts: number): { point: LatLon;
  headingDeg: number } {
  if (piece.kind !== 'drive') return plan.path.at(piece.sStartM);
  const share = (ts - piece.fromMs) / (piece.toMs - piece.fromMs);
  return plan.path.at(piece.sStartM + (piece.sEndM - piece.sStartM) * share);
}

/** Shifts the truck sideways off its path during a detour, ramping off and back. */
function applyDetour(point: LatLon, headingDeg: number, ts: number, options: SampleOptions):
  LatLon {
  const detour = options.detours.find((d) => ts >= d.fromMs && ts < d.toMs);
  if (!detour) return point;

  const ramp = Math.min(1, (ts - detour.fromMs) / DETOUR_RAMP_MS,
    (detour.toMs - ts) / DETOUR_RAMP_MS);
  let lateralM = detour.offsetM * ramp;
  if (Math.abs(lateralM - options.corridorM) < EDGE_CLEARANCE_M) {
    lateralM = lateralM < options.corridorM ? options.corridorM - EDGE_CLEARANCE_M
      : options.corridorM + EDGE_CLEARANCE_M;
  }
  return offsetPoint(point, headingDeg + 90, lateralM);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
