/**
 * Facility stays and weighing_missing (contract §4): a stay of at least 60 s at a facility with a
 * weighbridge needs a weighing of the truck there, timed from 10 min before entry to 10 min after
 * exit, by exit + 30 min. Entry is the first fix inside the circle, exit the first fix outside.
 */
import { isoUtc } from '@sanitation/contracts';
import type { FacilityVisit, TruckEntity, WeighingRef } from '../state/entities';
import type { RuleContext } from './context';

const VISIT_PREFIX = 'visit:';
/** Recent weighings kept per truck; a truck weighs a few times a day. */
const MAX_RECENT_WEIGHINGS = 64;
/** Stays awaiting a weighing kept per truck; older ones keep their alert but stop waiting. */
const MAX_OPEN_VISITS = 64;

export const visitDeadline = (visit: { facilityId: string; entryMs: number }): string =>
  `${VISIT_PREFIX}${visit.facilityId}:${visit.entryMs}`;

export const isVisitDeadline = (name: string): boolean => name.startsWith(VISIT_PREFIX);

/** Follows entries and exits with each in-order fix of the truck. */
export function visitsOnFix(
  ctx: RuleContext,
  truck: TruckEntity,
  ts: number,
  lat: number,
  lon: number,
): void {
  const here = ctx.city.facilityAt(lat, lon);
  if (truck.inside && truck.inside.facilityId === here?.id) return;

  if (truck.inside) endStay(ctx, truck, truck.inside.facilityId, truck.inside.entryMs, ts);
  truck.inside = here ? { facilityId: here.id, entryMs: ts } : null;
  ctx.state.touch(truck);
  ctx.fleet.touch(truck.truckId);
}

function endStay(
  ctx: RuleContext,
  truck: TruckEntity,
  facilityId: string,
  entryMs: number,
  exitMs: number,
): void {
  if (!ctx.city.hasWeighbridge(facilityId)) return;

  const routeId = ctx.routeAt(truck, entryMs);
  const limits = ctx.thresholds(truck.truckId, routeId);
  if (exitMs - entryMs < limits.facilityMinStayS * 1000) return;

  const visit: FacilityVisit = { facilityId, entryMs, exitMs, routeId, alertId: null };
  if (truck.weighings.some((w) => weighs(ctx, truck, visit, w))) return;

  truck.visits.push(visit);
  if (truck.visits.length > MAX_OPEN_VISITS) {
    const dropped = truck.visits.shift() as FacilityVisit;
    ctx.state.cancel(truck, visitDeadline(dropped));
  }
  ctx.state.schedule(truck, visitDeadline(visit), exitMs + limits.weighingMissingS * 1000);
}

export function fireVisit(ctx: RuleContext, truck: TruckEntity, name: string, dueMs: number): void {
  const visit = truck.visits.find((v) => visitDeadline(v) === name);
  if (!visit || visit.alertId) return;

  const alert = ctx.alerts.raise({
    key: `weighing_missing:${truck.truckId}:${visit.facilityId}:${visit.entryMs}`,
    type: 'weighing_missing',
    truckId: truck.truckId,
    routeId: visit.routeId,
    facilityId: visit.facilityId,
    openedAtMs: dueMs,
    details: { enteredAt: isoUtc(visit.entryMs), exitedAt: isoUtc(visit.exitMs) },
  });
  if (alert) visit.alertId = alert.id;
  else truck.visits = truck.visits.filter((v) => v !== visit);
  ctx.state.touch(truck);
}

/** A weighing of this truck arrived: it satisfies stays around its time, late or not. */
export function weighingOfTruck(ctx: RuleContext, truck: TruckEntity, weighing: WeighingRef): void {
  truck.weighings.push(weighing);
  if (truck.weighings.length > MAX_RECENT_WEIGHINGS) truck.weighings.shift();

  const satisfied = truck.visits.filter((v) => weighs(ctx, truck, v, weighing));
  for (const visit of satisfied) {
    ctx.state.cancel(truck, visitDeadline(visit));
    ctx.alerts.clearByRule(visit.alertId, ctx.clock.dataNow, {
      lateSync: true,
      weighbridgeId: weighing.weighbridgeId,
      ticket: weighing.ticket,
    });
  }
  truck.visits = truck.visits.filter((v) => !satisfied.includes(v));
  ctx.state.touch(truck);
}

function weighs(
  ctx: RuleContext,
  truck: TruckEntity,
  visit: FacilityVisit,
  w: WeighingRef,
): boolean {
  const windowMs = ctx.thresholds(truck.truckId, visit.routeId).weighingWindowS * 1000;
  return (
    w.facilityId === visit.facilityId &&
    w.ts >= visit.entryMs - windowMs &&
    w.ts <= visit.exitMs + windowMs
  );
}
