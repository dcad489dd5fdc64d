/**
 * Bin reads: what a route has served since its shift start (fleet binsServed, missed_bins), and
 * late reads that clear a missed_bins alert once every listed bin has one (contract §4).
 */
import { isoUtc, type ReadRecord } from '@sanitation/contracts';
import type { RouteEntity, ShiftRecord } from '../state/entities';
import type { RuleContext } from './context';

export function applyRead(ctx: RuleContext, read: ReadRecord): void {
  if (!read.truckId || !read.binId) return;

  for (const route of ctx.registry.routesByTruck.get(read.truckId) ?? []) {
    if (!ctx.city.routeBins.get(route.id)?.has(read.binId)) continue;
    const entity = ctx.state.findRoute(route.id);
    const graceMs = ctx.thresholds(route.truckId, route.id).missedBinsGraceS * 1000;
    const shift = entity && shiftOfRead(entity, read.ts, graceMs);
    if (entity && shift) serve(ctx, entity, shift, read.binId, read.ts);
  }
}

/** The latest shift whose span (up to its missed_bins judgement) holds the read. */
function shiftOfRead(entity: RouteEntity, ts: number, graceMs: number): ShiftRecord | undefined {
  for (let i = entity.shifts.length - 1; i >= 0; i--) {
    const shift = entity.shifts[i];
    if (ts >= shift.startMs && ts < shift.endMs + graceMs) return shift;
  }
  return undefined;
}

function serve(
  ctx: RuleContext,
  entity: RouteEntity,
  shift: ShiftRecord,
  binId: string,
  ts: number,
): void {
  if (!shift.served[binId]) {
    shift.served[binId] = 1;
    shift.servedCount++;
    ctx.state.touch(entity);
    const truckId = ctx.registry.routes.get(entity.routeId)?.truckId;
    if (truckId) ctx.fleet.touch(truckId);
  }

  if (!shift.missing?.includes(binId)) return;
  shift.missing = shift.missing.filter((b) => b !== binId);
  if (shift.missing.length === 0) {
    ctx.alerts.clearByRule(shift.alertId, ctx.clock.dataNow, { lastReadAt: isoUtc(ts) });
    shift.missing = null;
  }
  ctx.state.touch(entity);
}
