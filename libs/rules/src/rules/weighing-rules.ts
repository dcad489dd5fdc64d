/**
 * A weighing through overweight, weighing_unmatched and the truck's facility stays (contract §4),
 * and an operator's match of an unmatched ticket.
 */
import type { Truck, WeighingRecord } from '@sanitation/contracts';
import { normalizePlate } from '@sanitation/contracts';
import { isInsideCircle } from '@sanitation/geo';
import type {
  TruckEntity,
  UnmatchedWeighing,
  WeighbridgeEntity,
  WeighingRef,
} from '../state/entities';
import type { RuleContext } from './context';
import { lowerBound } from './fix-rules';
import { noteTicket } from './ticket-sequence';
import { weighingOfTruck } from './weighing-missing';

const ELSEWHERE_PREFIX = 'elsewhere:';

export interface RejectedTicket {
  weighbridgeId: string;
  ticket: number;
  /** The ticket's own time when it could be read; otherwise the clock's. Never moves the clock. */
  ts?: number;
}

export const isElsewhereDeadline = (name: string): boolean => name.startsWith(ELSEWHERE_PREFIX);

export function applyWeighing(ctx: RuleContext, weighing: WeighingRecord): void {
  const wb = ctx.state.weighbridge(weighing.weighbridgeId);
  if (noteTicket(ctx, wb, weighing.ticket, weighing.ts)) return;

  const truck = resolveTruck(ctx, weighing);
  if (!truck) {
    raiseUnknownPlate(ctx, wb, weighing);
    return;
  }

  const entity = ctx.state.truck(truck.id);
  const routeId = weighing.routeId ?? ctx.routeAt(entity, weighing.ts);
  const ref = { ...refOf(weighing), netKg: netOf(weighing, truck) };
  checkOverweight(ctx, ref, truck, routeId);
  weighingOfTruck(ctx, entity, ref);
  const windowMs = ctx.thresholds(truck.id, routeId).unmatchedWindowS * 1000;
  entity.elsewhereChecks[elsewhereName(ref)] = ref;
  ctx.state.schedule(entity, elsewhereName(ref), weighing.ts + windowMs);
}

export function applyRejectedTicket(ctx: RuleContext, rejected: RejectedTicket): void {
  const wb = ctx.state.weighbridge(rejected.weighbridgeId);
  noteTicket(ctx, wb, rejected.ticket, rejected.ts ?? ctx.clock.dataNow);
}

/** The plate as the weighbridge typed it matches no truck: raised at the weighing's time. */
function raiseUnknownPlate(ctx: RuleContext, wb: WeighbridgeEntity, w: WeighingRecord): void {
  const alert = ctx.alerts.raise({
    key: `weighing_unmatched:${w.weighbridgeId}:${w.ticket}`,
    type: 'weighing_unmatched',
    facilityId: w.facilityId,
    weighbridgeId: w.weighbridgeId,
    routeId: w.routeId,
    openedAtMs: w.ts,
    details: { ticket: w.ticket, plate: w.plate, reason: 'unknown_plate' },
  });
  if (!alert) return;

  wb.unmatched[w.ticket] = { ...refOf(w), alertId: alert.id };
  ctx.state.touch(wb);
}

/** The plate matched a truck whose fixes around the weighing are all outside the facility. */
export function fireElsewhere(
  ctx: RuleContext,
  truck: TruckEntity,
  name: string,
  dueMs: number,
): void {
  const ref = truck.elsewhereChecks[name];
  delete truck.elsewhereChecks[name];
  ctx.state.touch(truck);
  const facility = ref && ctx.registry.facilities.get(ref.facilityId);
  if (!ref || !facility) return;
  const wb = ctx.state.weighbridge(ref.weighbridgeId);
  if (wb.unmatched[ref.ticket] || wb.matched[ref.ticket]) return;

  const routeId = ctx.routeAt(truck, ref.ts);
  const windowMs = ctx.thresholds(truck.truckId, routeId).unmatchedWindowS * 1000;
  const around = truck.fixes.slice(
    lowerBound(truck.fixes, ref.ts - windowMs),
    lowerBound(truck.fixes, ref.ts + windowMs + 1),
  );
  if (around.length === 0 || around.some((f) => isInsideCircle(f[1], f[2], facility))) return;

  const alert = ctx.alerts.raise({
    key: `weighing_unmatched:${ref.weighbridgeId}:${ref.ticket}`,
    type: 'weighing_unmatched',
    truckId: truck.truckId,
    routeId,
    facilityId: ref.facilityId,
    weighbridgeId: ref.weighbridgeId,
    openedAtMs: dueMs,
    details: { ticket: ref.ticket, plate: ref.plate, reason: 'truck_elsewhere' },
  });
  if (!alert) return;
  wb.unmatched[ref.ticket] = { ...ref, alertId: alert.id };
  ctx.state.touch(wb);
}

export interface MatchRequest {
  weighbridgeId: string;
  ticket: number;
  truckId: string;
  by: string;
  /** The ticket as the store now has it (tare, net); improves the overweight check. */
  record?: WeighingRecord;
}

/** An operator matched a ticket to a truck (§5): clears its unmatched alert, then judges it. */
export function matchWeighing(ctx: RuleContext, request: MatchRequest): boolean {
  const truck = ctx.registry.trucks.get(request.truckId);
  const wb = ctx.state.weighbridge(request.weighbridgeId);
  const pending = wb.unmatched[request.ticket];
  const ref = request.record ? refOf(request.record) : pending && withoutAlert(pending);
  if (!truck || !ref) return false;

  ctx.alerts.clearByRule(pending?.alertId, ctx.clock.now, {
    matchedTruckId: truck.id,
    matchedBy: request.by,
  });
  delete wb.unmatched[request.ticket];
  rememberMatch(wb, request.ticket, truck.id);
  ctx.state.touch(wb);

  const entity = ctx.state.truck(truck.id);
  const netKg = ref.netKg ?? ref.grossKg - truck.tareKg;
  checkOverweight(ctx, { ...ref, netKg }, truck, ctx.routeAt(entity, ref.ts));
  weighingOfTruck(ctx, entity, ref);
  return true;
}

/** Matches are kept for the few minutes a truck_elsewhere check can still be pending. */
const KEPT_MATCHES = 256;

function rememberMatch(wb: WeighbridgeEntity, ticket: number, truckId: string): void {
  wb.matched[ticket] = truckId;
  const tickets = Object.keys(wb.matched);
  if (tickets.length > KEPT_MATCHES) delete wb.matched[tickets[0]];
}

function checkOverweight(
  ctx: RuleContext,
  ref: WeighingRef,
  truck: Truck,
  routeId: string | null,
): void {
  const limitPct = ctx.thresholds(truck.id, routeId).payloadLimitPct;
  if (ref.netKg === null || ref.netKg <= (truck.ratedPayloadKg * limitPct) / 100) return;

  ctx.alerts.raise({
    key: `overweight:${ref.weighbridgeId}:${ref.ticket}`,
    type: 'overweight',
    truckId: truck.id,
    routeId,
    facilityId: ref.facilityId,
    weighbridgeId: ref.weighbridgeId,
    openedAtMs: ref.ts,
    details: {
      ticket: ref.ticket,
      netKg: ref.netKg,
      ratedPayloadKg: truck.ratedPayloadKg,
      grossKg: ref.grossKg,
      plate: ref.plate,
    },
  });
}

/** The ingest's match, else the normalised plate (§2): full-width and spaced plates included. */
function resolveTruck(ctx: RuleContext, w: WeighingRecord): Truck | undefined {
  const byPlate = ctx.registry.truckByPlate;
  return (
    (w.truckId ? ctx.registry.trucks.get(w.truckId) : undefined) ??
    byPlate.get(w.plateNormalized) ??
    byPlate.get(normalizePlate(w.plate))
  );
}

function netOf(w: WeighingRecord, truck: Truck): number | null {
  if (w.netKg !== null) return w.netKg;
  return w.grossKg - (w.tareKg ?? truck.tareKg);
}

const refOf = (w: WeighingRecord): WeighingRef => ({
  weighbridgeId: w.weighbridgeId,
  ticket: w.ticket,
  facilityId: w.facilityId,
  ts: w.ts,
  plate: w.plate,
  grossKg: w.grossKg,
  netKg: w.netKg,
});

const withoutAlert = ({ alertId: _alertId, ...ref }: UnmatchedWeighing): WeighingRef => ref;

const elsewhereName = (ref: WeighingRef): string =>
  `${ELSEWHERE_PREFIX}${ref.weighbridgeId}:${ref.ticket}`;
