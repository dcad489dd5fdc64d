/**
 * Fleet state per truck (contract §5), published when it changes. Only trucks something touched
 * are recomputed, so the cost follows the traffic, not the fleet size.
 */
import { isoUtc, type TruckState, type TruckStatus } from '@sanitation/contracts';
import type { TruckEntity } from '../state/entities';
import type { RuleContext } from '../rules/context';

export interface FleetSink {
  /** Called with a truck's state each time it changes; must not throw. */
  publish(state: TruckState): void;
}

export class FleetTracker {
  private readonly dirty = new Set<string>();
  private readonly published = new Map<string, string>();

  constructor(private readonly sink: FleetSink) {}

  touch(truckId: string): void {
    this.dirty.add(truckId);
  }

  /** Publishes the states of touched trucks that differ from what was last published. */
  flush(ctx: RuleContext): void {
    for (const truckId of ctx.alerts.drainTouchedTrucks()) this.dirty.add(truckId);
    for (const truckId of this.dirty) {
      const state = truckState(ctx, truckId);
      if (!state) continue;

      const json = JSON.stringify(state);
      if (this.published.get(truckId) === json) continue;
      this.published.set(truckId, json);
      this.sink.publish(state);
    }
    this.dirty.clear();
  }
}

export function truckState(ctx: RuleContext, truckId: string): TruckState | undefined {
  const truck = ctx.registry.trucks.get(truckId);
  if (!truck) return undefined;

  const entity = ctx.state.findTruck(truckId);
  const last = entity?.fixes[entity.fixes.length - 1];
  const routeId = entity?.shift?.routeId ?? entity?.lastRouteId ?? null;
  const shift = routeId ? ctx.state.findRoute(routeId)?.shifts.at(-1) : undefined;
  return {
    truckId,
    plate: truck.plate,
    status: entity ? statusOf(ctx, entity) : 'off_shift',
    lastFix: last ? { ts: isoUtc(last[0]), lat: last[1], lon: last[2], speedKmh: last[3] } : null,
    routeId,
    binsServed: shift?.servedCount ?? 0,
    binsPlanned: ctx.city.route(routeId)?.binIds.length ?? 0,
    openAlerts: ctx.alerts.openCountForTruck(truckId),
  };
}

function statusOf(ctx: RuleContext, truck: TruckEntity): TruckStatus {
  if (!truck.shift) return 'off_shift';

  const limits = ctx.thresholds(truck.truckId, truck.shift.routeId);
  const lastFixMs = truck.lastFixMs;
  const unitOff =
    truck.gpsStatus !== null && !truck.gpsStatus.online && truck.gpsStatus.ts >= (lastFixMs ?? 0);
  if (lastFixMs === null || unitOff || ctx.clock.now - lastFixMs >= limits.offlineS * 1000) {
    return 'offline';
  }
  if (truck.inside) return 'at_facility';
  if (truck.anchor && lastFixMs - truck.anchor.ts >= limits.idleS * 1000) return 'idle';
  return 'on_route';
}
