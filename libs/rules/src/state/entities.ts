/**
 * The rules' working memory, one JSON-plain entity per truck, route and weighbridge. Each entity
 * holds its own pending deadlines (name → due ms): the deadline heap is only an index over them,
 * rebuilt at load, so persisting the entities persists every pending deadline.
 */
import type { ShiftWindow } from '../clock/shift-calendar';

/** [ts ms, lat, lon, speed km/h or null], kept sorted by ts. */
export type FixTuple = [number, number, number, number | null];

export interface Entity {
  key: string;
  deadlines: Record<string, number>;
}

export interface TruckShift {
  routeId: string;
  startMs: number;
  endMs: number;
  /** Shift start, or the clock's start when the shift was already under way (§4). */
  effStartMs: number;
}

export interface FacilityVisit {
  facilityId: string;
  entryMs: number;
  exitMs: number;
  routeId: string | null;
  alertId: string | null;
}

export interface WeighingRef {
  weighbridgeId: string;
  ticket: number;
  facilityId: string;
  ts: number;
  plate: string;
  grossKg: number;
  netKg: number | null;
}

export interface TruckEntity extends Entity {
  truckId: string;
  fixes: FixTuple[];
  lastFixMs: number | null;
  shift: TruckShift | null;
  lastRouteId: string | null;
  silence: { gapStartMs: number; openedAtMs: number; alertId: string } | null;
  offRoute: { firstOutsideMs: number; alertId: string | null } | null;
  inside: { facilityId: string; entryMs: number } | null;
  /** Facility stays still waiting for their weighing (pending or alerted). */
  visits: FacilityVisit[];
  /** Recent weighings of this truck, for stays that end after their weighing arrived. */
  weighings: WeighingRef[];
  /** Weighings whose truck_elsewhere check is pending, by deadline name. */
  elsewhereChecks: Record<string, WeighingRef>;
  /** Where the truck last moved more than idleMoveM. */
  anchor: { lat: number; lon: number; ts: number } | null;
  gpsStatus: { online: boolean; ts: number } | null;
}

export interface ShiftRecord {
  startMs: number;
  endMs: number;
  /** False for a shift that began before the clock (or the route) was known: not judged. */
  judged: boolean;
  /** Route bins read since the shift start, as object keys for JSON. */
  served: Record<string, 1>;
  servedCount: number;
  /** Bins of an open missed_bins alert still without a read. */
  missing: string[] | null;
  alertId: string | null;
}

export interface RouteEntity extends Entity {
  routeId: string;
  nextShift: ShiftWindow | null;
  /** Most recent last. */
  shifts: ShiftRecord[];
}

export interface SequenceGap {
  higherTicket: number;
  higherTs: number;
  missing: number[];
  alertId: string | null;
}

export interface UnmatchedWeighing extends WeighingRef {
  alertId: string;
}

export interface WeighbridgeEntity extends Entity {
  weighbridgeId: string;
  baseline: number | null;
  maxTicket: number | null;
  /** Tickets seen recently (accepted or rejected), as object keys for JSON. */
  seen: Record<string, 1>;
  gaps: Record<string, SequenceGap>;
  unmatched: Record<string, UnmatchedWeighing>;
  /** Tickets an operator matched, to truck id; a pending truck_elsewhere check then stands down. */
  matched: Record<string, string>;
}

export const truckKey = (truckId: string): string => `truck:${truckId}`;
export const routeKey = (routeId: string): string => `route:${routeId}`;
export const weighbridgeKey = (id: string): string => `wb:${id}`;

export const newTruck = (truckId: string): TruckEntity => ({
  key: truckKey(truckId),
  deadlines: {},
  truckId,
  fixes: [],
  lastFixMs: null,
  shift: null,
  lastRouteId: null,
  silence: null,
  offRoute: null,
  inside: null,
  visits: [],
  weighings: [],
  elsewhereChecks: {},
  anchor: null,
  gpsStatus: null,
});

export const newRoute = (routeId: string): RouteEntity => ({
  key: routeKey(routeId),
  deadlines: {},
  routeId,
  nextShift: null,
  shifts: [],
});

export const newWeighbridge = (weighbridgeId: string): WeighbridgeEntity => ({
  key: weighbridgeKey(weighbridgeId),
  deadlines: {},
  weighbridgeId,
  baseline: null,
  maxTicket: null,
  seen: {},
  gaps: {},
  unmatched: {},
  matched: {},
});
