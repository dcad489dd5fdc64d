/**
 * A fix through every GPS rule. Fixes are placed by time in the truck's recent track, so late
 * store-and-forward fixes are judged where they belong (§4): a fix newer than the truck's last
 * one drives silence, corridor, facility stays and status; an older one fills in the track.
 */
import type { FixRecord, StatusRecord } from '@sanitation/contracts';
import { distanceM } from '@sanitation/geo';
import type { FixTuple, TruckEntity } from '../state/entities';
import type { RuleContext } from './context';
import { scheduleSilence, silenceOnFix } from './gps-silence';
import { offRouteOnFix } from './off-route';
import { trackJumpAround } from './track-jump';
import { visitsOnFix } from './weighing-missing';

export const OFFLINE = 'offline';
/** Track kept per truck: enough for ±10 min around a weighing judged 10 min after it. */
export const TRACK_WINDOW_MS = 30 * 60_000;
const TRACK_MAX_FIXES = 1000;

export function applyFix(ctx: RuleContext, fix: FixRecord, clockBeforeMs: number): void {
  if (!fix.truckId || !ctx.registry.trucks.has(fix.truckId)) return;

  const truck = ctx.state.truck(fix.truckId);
  const tuple: FixTuple = [fix.ts, fix.lat, fix.lon, fix.speedKmh ?? null];
  const index = insertFix(truck.fixes, tuple);
  if (index < 0) return;

  ctx.state.touch(truck);
  trackJumpAround(ctx, truck, index);
  if (truck.lastFixMs !== null && fix.ts < truck.lastFixMs) {
    trimTrack(truck);
    return;
  }

  silenceOnFix(ctx, truck, fix.ts, clockBeforeMs);
  truck.lastFixMs = fix.ts;
  scheduleSilence(ctx, truck);
  scheduleOffline(ctx, truck);
  offRouteOnFix(ctx, truck, fix.ts, fix.lat, fix.lon);
  visitsOnFix(ctx, truck, fix.ts, fix.lat, fix.lon);
  moveAnchor(ctx, truck, tuple);
  trimTrack(truck);
  ctx.fleet.touch(truck.truckId);
}

/** A GPS unit's status (§2) tells the fleet view it went offline before its fixes stop. */
export function applyStatus(ctx: RuleContext, status: StatusRecord): void {
  if (status.kind !== 'gps') return;
  const truckId = ctx.registry.truckByGpsDevice.get(status.deviceId)?.id;
  if (!truckId) return;

  const truck = ctx.state.truck(truckId);
  if (truck.gpsStatus && truck.gpsStatus.ts > status.ts) return;
  truck.gpsStatus = { online: status.online, ts: status.ts };
  ctx.state.touch(truck);
  ctx.fleet.touch(truckId);
}

/** Re-evaluates the fleet status when the truck would turn offline. */
export function scheduleOffline(ctx: RuleContext, truck: TruckEntity): void {
  if (!truck.shift || truck.lastFixMs === null) return;

  const offlineMs = ctx.thresholds(truck.truckId, truck.shift.routeId).offlineS * 1000;
  ctx.state.schedule(truck, OFFLINE, truck.lastFixMs + offlineMs);
}

/** Inserts by time; -1 when a fix with the same time is already there (a redelivery). */
export function insertFix(fixes: FixTuple[], fix: FixTuple): number {
  const last = fixes[fixes.length - 1];
  if (!last || last[0] < fix[0]) {
    fixes.push(fix);
    return fixes.length - 1;
  }

  const index = lowerBound(fixes, fix[0]);
  if (fixes[index]?.[0] === fix[0]) return -1;
  fixes.splice(index, 0, fix);
  return index;
}

/** First index whose time is >= ts. */
export function lowerBound(fixes: FixTuple[], ts: number): number {
  let lo = 0;
  let hi = fixes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fixes[mid][0] < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Puts back a truck's recent track after a restart. Tracks are not part of the saved
 * rule state (they would be most of it, rewritten on every flush); the fixes are in the
 * telemetry store already, which is where the caller reads them from.
 */
export function restoreTrack(truck: TruckEntity, fixes: FixRecord[]): void {
  for (const fix of fixes) insertFix(truck.fixes, [fix.ts, fix.lat, fix.lon, fix.speedKmh ?? null]);
  trimTrack(truck);
}

function trimTrack(truck: TruckEntity): void {
  const newest = truck.fixes[truck.fixes.length - 1]?.[0] ?? 0;
  const cut = Math.max(
    lowerBound(truck.fixes, newest - TRACK_WINDOW_MS),
    truck.fixes.length - TRACK_MAX_FIXES,
  );
  if (cut > 0) truck.fixes.splice(0, cut);
}

function moveAnchor(ctx: RuleContext, truck: TruckEntity, fix: FixTuple): void {
  const moveM = ctx.thresholds(truck.truckId, truck.shift?.routeId).idleMoveM;
  const anchor = truck.anchor;
  if (anchor && distanceM(anchor.lat, anchor.lon, fix[1], fix[2]) <= moveM) return;

  truck.anchor = { lat: fix[1], lon: fix[2], ts: fix[0] };
}
