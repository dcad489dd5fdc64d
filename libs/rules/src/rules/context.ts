/** What every rule works with: the city, thresholds, the clock, alerts, state and the fleet. */
import type { Facility, Route } from '@sanitation/contracts';
import { isInsideCircle } from '@sanitation/geo';
import type { Registry } from '@sanitation/registry';
import type { AlertBook } from '../alerts/alert-book';
import type { EventClock } from '../clock/event-clock';
import { ShiftCalendar } from '../clock/shift-calendar';
import type { RuleThresholds, ThresholdResolver } from '../config';
import type { TruckEntity } from '../state/entities';
import type { RuleState } from '../state/rule-state';

export interface FleetTouch {
  touch(truckId: string): void;
}

/** Lookups derived from the registry once per load, so rules stay O(1) per event. */
export class CityView {
  readonly facilities: Facility[];
  readonly routeBins = new Map<string, Set<string>>();
  readonly calendar: ShiftCalendar;

  constructor(readonly registry: Registry) {
    this.facilities = [...registry.facilities.values()];
    for (const route of registry.routes.values())
      this.routeBins.set(route.id, new Set(route.binIds));
    this.calendar = new ShiftCalendar(registry.timezone);
  }

  /** The facility whose circle holds the point; the nearest centre wins where circles overlap. */
  facilityAt(lat: number, lon: number): Facility | undefined {
    let found: Facility | undefined;
    for (const facility of this.facilities) {
      if (!isInsideCircle(lat, lon, facility)) continue;
      if (!found || closer(lat, lon, facility, found)) found = facility;
    }
    return found;
  }

  hasWeighbridge(facilityId: string): boolean {
    return (this.registry.weighbridgesByFacility.get(facilityId)?.length ?? 0) > 0;
  }

  route(routeId: string | null | undefined): Route | undefined {
    return routeId ? this.registry.routes.get(routeId) : undefined;
  }
}

function closer(lat: number, lon: number, a: Facility, b: Facility): boolean {
  return Math.hypot(lat - a.lat, lon - a.lon) < Math.hypot(lat - b.lat, lon - b.lon);
}

export class RuleContext {
  constructor(
    public city: CityView,
    readonly resolver: ThresholdResolver,
    readonly clock: EventClock,
    readonly alerts: AlertBook,
    readonly state: RuleState,
    readonly fleet: FleetTouch,
  ) {}

  get registry(): Registry {
    return this.city.registry;
  }

  thresholds(truckId: string | null, routeId?: string | null): RuleThresholds {
    return this.resolver.for({
      truckId,
      routeId: routeId ?? null,
      routeCorridorM: this.city.route(routeId)?.corridorM,
    });
  }

  /** The route a truck was working at an instant, if its current shift covers it. */
  routeAt(truck: TruckEntity, atMs: number): string | null {
    const shift = truck.shift;
    return shift && atMs >= shift.startMs && atMs < shift.endMs ? shift.routeId : null;
  }
}
