/**
 * Route shifts driven by the event clock: start, end, and the missed_bins judgement at shift end
 * + 30 min (contract §4). A shift already under way when the clock (or the route) first appears
 * counts from then and is not judged for missed bins.
 */
import { isoUtc, type Route } from '@sanitation/contracts';
import type { ShiftWindow } from '../clock/shift-calendar';
import type { RouteEntity, ShiftRecord } from '../state/entities';
import type { RuleContext } from './context';
import { scheduleOffline } from './fix-rules';
import { scheduleSilence, SILENCE } from './gps-silence';
import { offRouteAtShiftEnd } from './off-route';

export const SHIFT_START = 'start';
export const SHIFT_END = 'end';
const MISSED_PREFIX = 'missed:';
/** Shifts remembered per route besides those with an open missed_bins alert. */
const KEPT_SHIFTS = 3;

export const isMissedDeadline = (name: string): boolean => name.startsWith(MISSED_PREFIX);

/** Puts a route on the clock the first time it is seen (clock start, restart, reload). */
export function initRoute(ctx: RuleContext, route: Route): void {
  const entity = ctx.state.route(route.id);
  if (entity.nextShift) return;

  const now = ctx.clock.now;
  const window = ctx.city.calendar.windowAt(route.shiftStart, route.shiftEnd, now);
  if (window.startMs < now) {
    startShift(ctx, route, entity, window, now, false);
    return;
  }
  entity.nextShift = window;
  ctx.state.schedule(entity, SHIFT_START, window.startMs);
}

export function fireShiftStart(ctx: RuleContext, entity: RouteEntity, dueMs: number): void {
  const route = ctx.registry.routes.get(entity.routeId);
  if (!route) return;

  const window =
    entity.nextShift?.startMs === dueMs
      ? entity.nextShift
      : ctx.city.calendar.windowAt(route.shiftStart, route.shiftEnd, dueMs);
  startShift(ctx, route, entity, window, window.startMs, window.startMs >= ctx.clock.startedAt);
}

export function fireShiftEnd(ctx: RuleContext, entity: RouteEntity, dueMs: number): void {
  const route = ctx.registry.routes.get(entity.routeId);
  if (!route) return;

  const truck = ctx.state.truck(route.truckId);
  if (truck.shift?.routeId !== route.id || truck.shift.endMs !== dueMs) return;
  truck.shift = null;
  ctx.state.cancel(truck, SILENCE);
  offRouteAtShiftEnd(ctx, truck);
  ctx.state.touch(truck);
  ctx.fleet.touch(truck.truckId);
}

export function fireMissedBins(
  ctx: RuleContext,
  entity: RouteEntity,
  name: string,
  dueMs: number,
): void {
  const route = ctx.registry.routes.get(entity.routeId);
  const startMs = Number(name.slice(MISSED_PREFIX.length));
  const shift = entity.shifts.find((s) => s.startMs === startMs);
  if (!route || !shift || !shift.judged) return;

  const binIds = route.binIds.filter((binId) => !shift.served[binId]);
  if (binIds.length === 0) return;

  const date = ctx.city.calendar.localDate(shift.startMs);
  const alert = ctx.alerts.raise({
    key: `missed_bins:${route.id}:${date}`,
    type: 'missed_bins',
    truckId: route.truckId,
    routeId: route.id,
    openedAtMs: dueMs,
    details: {
      binIds,
      date,
      shiftStartedAt: isoUtc(shift.startMs),
      shiftEndedAt: isoUtc(shift.endMs),
    },
  });
  if (!alert) return;
  shift.missing = binIds;
  shift.alertId = alert.id;
  ctx.state.touch(entity);
}

function startShift(
  ctx: RuleContext,
  route: Route,
  entity: RouteEntity,
  window: ShiftWindow,
  effStartMs: number,
  judged: boolean,
): void {
  const graceMs = ctx.thresholds(route.truckId, route.id).missedBinsGraceS * 1000;
  const record: ShiftRecord = {
    startMs: window.startMs,
    endMs: window.endMs,
    judged,
    served: {},
    servedCount: 0,
    missing: null,
    alertId: null,
  };
  entity.shifts.push(record);
  entity.shifts = entity.shifts.filter(
    (s, i) => i >= entity.shifts.length - KEPT_SHIFTS || ctx.alerts.isOpen(s.alertId),
  );

  ctx.state.schedule(entity, SHIFT_END, window.endMs);
  if (judged)
    ctx.state.schedule(entity, `${MISSED_PREFIX}${window.startMs}`, window.endMs + graceMs);
  entity.nextShift = ctx.city.calendar.nextAfter(route.shiftStart, route.shiftEnd, window.startMs);
  ctx.state.schedule(entity, SHIFT_START, entity.nextShift.startMs);
  ctx.state.touch(entity);

  const truck = ctx.state.truck(route.truckId);
  truck.shift = { routeId: route.id, startMs: window.startMs, endMs: window.endMs, effStartMs };
  truck.lastRouteId = route.id;
  scheduleSilence(ctx, truck);
  scheduleOffline(ctx, truck);
  ctx.state.touch(truck);
  ctx.fleet.touch(truck.truckId);
}
