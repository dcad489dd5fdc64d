/**
 * Plans one truck's shift on its route: the timeline of legs and stops from depot through
 * its bins to its facility and back, and the load it collects.
 */
import type { Bin, LatLon, Route, Truck, WasteStream } from '@sanitation/contracts';
import type { Registry } from '@sanitation/registry';
import { MeasuredPath } from './geo';
import { Rng } from './rng';

/** A stretch of the shift: driving from sStartM to sEndM, or standing at sStartM. */
export interface Piece {
  kind: 'drive' | 'lift' | 'tip' | 'idle' | 'parked';
  fromMs: number;
  toMs: number;
  sStartM: number;
  sEndM: number;
  speedKmh: number;
  bin?: Bin;
}

export interface TripPlan {
  truck: Truck;
  route: Route;
  path: MeasuredPath;
  /** The route's planned path from the registry, or null when it has none. */
  corridor: LatLon[] | null;
  shiftStartMs: number;
  shiftEndMs: number;
  pieces: Piece[];
  loadKg: number;
  servedBins: Bin[];
  /** When the truck stands on the weighbridge at its facility, or null without a facility. */
  weighAtMs: number | null;
}

/** Bulk densities of a full bin, kg per litre, by stream. */
const DENSITY_KG_PER_L: Record<WasteStream, number> = {
  residual: 0.2,
  kitchen: 0.55,
  recyclable: 0.08,
  hazardous: 0.25,
  construction: 1.1,
};

/** Keep a normal day's load below the rated payload with a margin (contract §4 overweight). */
const MAX_LOAD_SHARE = 0.9;
const WEIGH_DIVISION_KG = 20;
/** Stop before the shift ends so that the last fix and the shift end stay close. */
const END_MARGIN_MS = 20 * 60_000;
const MAX_SPEED_KMH = 70;

export interface PlanOptions {
  skippedBinIds: Set<string>;
  /** Net load forced by an overload fault. */
  loadKg?: number;
}

export function planTrip(registry: Registry, route: Route, shiftStartMs: number,
  shiftEndMs: number, rng: Rng, options: PlanOptions): TripPlan {
  const truck = registry.trucks.get(route.truckId)!;
  const bins = route.binIds.map((id) => registry.bins.get(id)!).filter(Boolean);
  const facility = route.facilityId ? registry.facilities.get(route.facilityId) : undefined;
  const depot = truck.depotId ? registry.facilities.get(truck.depotId) : undefined;

  const facilityAt: LatLon | undefined = facility ? [facility.lat, facility.lon] : undefined;
  const depotAt: LatLon | undefined = depot ? [depot.lat, depot.lon] : undefined;
  const points = route.path && route.path.length > 0 ? route.path
    : syntheticPath(bins, facilityAt, depotAt);
  const path = new MeasuredPath(points);

  const stops: { sM: number; kind: 'lift' | 'tip'; bin?: Bin }[] = [];
  let vertex = 0;
  for (const bin of bins) {
    vertex = path.nearestVertex([bin.lat, bin.lon], vertex);
    if (!options.skippedBinIds.has(bin.id)) {
      stops.push({ sM: path.cumulativeM[vertex], kind: 'lift', bin });
    }
  }
  if (facility) {
    vertex = path.nearestVertex([facility.lat, facility.lon], vertex);
    stops.push({ sM: path.cumulativeM[vertex], kind: 'tip' });
  }

  const nominal = buildPieces(path, stops, shiftStartMs, rng, 1);
  const availableMs = shiftEndMs - END_MARGIN_MS - shiftStartMs;
  const usedMs = nominal[nominal.length - 1].toMs - shiftStartMs;
  const pieces = usedMs > availableMs
    ? buildPieces(path, stops, shiftStartMs, new Rng('refit', route.id, shiftStartMs),
      availableMs / usedMs)
    : nominal;

  const back = pieces[pieces.length - 1].toMs;
  pieces.push({ kind: 'parked', fromMs: back, toMs: shiftEndMs - 60_000, sStartM: path.lengthM,
    sEndM: path.lengthM, speedKmh: 0 });

  const servedBins = stops.flatMap((stop) => (stop.bin ? [stop.bin] : []));
  const tip = pieces.find((piece) => piece.kind === 'tip');
  return {
    truck, route, path, shiftStartMs, shiftEndMs, pieces, servedBins,
    corridor: route.path && route.path.length > 0 ? route.path : null,
    loadKg: options.loadKg ?? collectedLoadKg(truck, servedBins, rng),
    weighAtMs: tip ? tip.fromMs + rng.int(60_000, 150_000) : null,
  };
}

/** A route without a planned path drives depot, bins in order, facility, depot. */
function syntheticPath(bins: Bin[], facility?: LatLon, depot?: LatLon): LatLon[] {
  const points: LatLon[] = bins.map((bin) => [bin.lat, bin.lon]);
  if (facility) points.push(facility);
  return depot ? [depot, ...points, depot] : points;
}

/**
 * Lays out warm-up, legs, lifts, the facility visit and the drive home. `compress` < 1
 * shortens everything when the nominal trip would not fit in the shift.
 */
function buildPieces(path: MeasuredPath, stops: { sM: number; kind: 'lift' | 'tip'; bin?: Bin }[],
  shiftStartMs: number, rng: Rng, compress: number): Piece[] {
  const pieces: Piece[] = [];
  let now = shiftStartMs + rng.int(5_000, 40_000);
  let s = 0;

  const stand = (kind: Piece['kind'], durationMs: number, bin?: Bin) => {
    const toMs = now + Math.round(durationMs * compress);
    pieces.push({ kind, fromMs: now, toMs, sStartM: s, sEndM: s, speedKmh: 0, bin });
    now = toMs;
  };
  const drive = (toS: number) => {
    const lengthM = toS - s;
    if (lengthM <= 0) return;
    const nominalKmh = lengthM > 2000 ? rng.range(35, 50) : rng.range(18, 32);
    const speedKmh = Math.min(MAX_SPEED_KMH, nominalKmh / compress);
    const toMs = now + Math.round((lengthM / (speedKmh / 3.6)) * 1000);
    pieces.push({ kind: 'drive', fromMs: now, toMs, sStartM: s, sEndM: toS, speedKmh });
    now = toMs;
    s = toS;
  };

  stand('idle', rng.int(60_000, 180_000));
  for (const stop of stops) {
    drive(stop.sM);
    if (stop.kind === 'lift') stand('lift', rng.int(35_000, 70_000), stop.bin);
    else stand('tip', rng.int(360_000, 600_000));
  }
  drive(path.lengthM);
  return pieces;
}

function collectedLoadKg(truck: Truck, bins: Bin[], rng: Rng): number {
  let loadKg = 0;
  for (const bin of bins) {
    loadKg += (bin.capacityL ?? 240) * DENSITY_KG_PER_L[bin.stream ?? truck.stream] *
      rng.range(0.45, 1);
  }

  const ceilingKg = truck.ratedPayloadKg * MAX_LOAD_SHARE;
  if (loadKg > ceilingKg) loadKg = ceilingKg * rng.range(0.9, 1);
  return Math.max(WEIGH_DIVISION_KG, Math.round(loadKg / WEIGH_DIVISION_KG) * WEIGH_DIVISION_KG);
}
