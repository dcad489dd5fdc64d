/** off_route (contract §4): in shift, outside the route corridor for 180 s. */
import { isoUtc } from '@sanitation/contracts';
import { distanceToPolylineM } from '@sanitation/geo';
import type { TruckEntity } from '../state/entities';
import type { RuleContext } from './context';

export const OFF_ROUTE = 'offRoute';

/** Judges an in-order fix of the truck against the route corridor. */
export function offRouteOnFix(
  ctx: RuleContext,
  truck: TruckEntity,
  ts: number,
  lat: number,
  lon: number,
): void {
  const shift = truck.shift && ts >= truck.shift.effStartMs ? truck.shift : null;
  const routeId = shift?.routeId ?? (truck.offRoute ? truck.lastRouteId : null);
  const path = ctx.city.route(routeId)?.path;
  if (!path || path.length === 0) return;

  const corridorM = ctx.thresholds(truck.truckId, routeId).corridorM;
  if (distanceToPolylineM([lat, lon], path) <= corridorM) {
    backInside(ctx, truck, ts);
    return;
  }

  if (!shift || truck.offRoute) return;
  truck.offRoute = { firstOutsideMs: ts, alertId: null };
  ctx.state.schedule(
    truck,
    OFF_ROUTE,
    ts + ctx.thresholds(truck.truckId, routeId).offRouteS * 1000,
  );
}

export function fireOffRoute(ctx: RuleContext, truck: TruckEntity, dueMs: number): void {
  const shift = truck.shift;
  const outside = truck.offRoute;
  if (!shift || !outside || outside.alertId || dueMs >= shift.endMs) return;

  const path = ctx.city.route(shift.routeId)?.path ?? [];
  const last = truck.fixes[truck.fixes.length - 1];
  const distanceM = last ? Math.round(distanceToPolylineM([last[1], last[2]], path)) : null;
  const alert = ctx.alerts.raise({
    key: `off_route:${truck.truckId}:${outside.firstOutsideMs}`,
    type: 'off_route',
    truckId: truck.truckId,
    routeId: shift.routeId,
    openedAtMs: dueMs,
    details: {
      firstOutsideAt: isoUtc(outside.firstOutsideMs),
      corridorM: ctx.thresholds(truck.truckId, shift.routeId).corridorM,
      distanceM,
    },
  });
  outside.alertId = alert?.id ?? null;
  ctx.state.touch(truck);
}

/** At shift end an excursion not yet alerted is forgotten; an open alert waits for a fix inside. */
export function offRouteAtShiftEnd(ctx: RuleContext, truck: TruckEntity): void {
  ctx.state.cancel(truck, OFF_ROUTE);
  if (truck.offRoute && !truck.offRoute.alertId) truck.offRoute = null;
}

function backInside(ctx: RuleContext, truck: TruckEntity, ts: number): void {
  if (!truck.offRoute) return;

  ctx.alerts.clearByRule(truck.offRoute.alertId, ctx.clock.dataNow, { backInsideAt: isoUtc(ts) });
  ctx.state.cancel(truck, OFF_ROUTE);
  truck.offRoute = null;
  ctx.state.touch(truck);
}
