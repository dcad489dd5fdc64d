/** What the reference rules share: the registry, shift calendar, clock and raised alerts. */
import { ALERT_TYPES, AlertType, isoUtc, Route } from '@sanitation/contracts';
import type { Registry } from '@sanitation/registry';
import { localDate, localToUtcMs } from '../local-time';
import type { ExpectedAlert } from '../types';

export interface ShiftInstance {
  route: Route;
  startMs: number;
  endMs: number;
}

const DAY_MS = 86_400_000;

export class TruthContext {
  readonly alerts: ExpectedAlert[] = [];
  /** Contract §4 event clock: starts at the first accepted device time, never goes back. */
  clockMs = -Infinity;
  clockStartMs = -Infinity;
  private readonly shiftsByTruck = new Map<string, ShiftInstance[]>();

  constructor(readonly registry: Registry, fromMs: number, toMs: number) {
    const timezone = registry.timezone;
    for (const route of registry.routes.values()) {
      const list = this.shiftsByTruck.get(route.truckId) ?? [];
      for (let dayMs = fromMs - 2 * DAY_MS; dayMs <= toMs + DAY_MS; dayMs += DAY_MS) {
        const date = localDate(dayMs, timezone);
        const startMs = localToUtcMs(date, route.shiftStart, timezone);
        let endMs = localToUtcMs(date, route.shiftEnd, timezone);
        if (endMs <= startMs) endMs = localToUtcMs(localDate(dayMs + DAY_MS, timezone),
          route.shiftEnd, timezone);
        list.push({ route, startMs, endMs });
      }
      list.sort((a, b) => a.startMs - b.startMs);
      this.shiftsByTruck.set(route.truckId, list);
    }
  }

  shiftsOf(truckId: string): ShiftInstance[] {
    return this.shiftsByTruck.get(truckId) ?? [];
  }

  /** The truck's shift under way at `ms`, if any. */
  shiftAt(truckId: string, ms: number): ShiftInstance | undefined {
    return this.shiftsOf(truckId).find((shift) => ms >= shift.startMs && ms < shift.endMs);
  }

  advance(ms: number): void {
    if (this.clockStartMs === -Infinity) this.clockStartMs = ms;
    this.clockMs = Math.max(this.clockMs, ms);
  }

  raise(type: AlertType, openedAtMs: number, who: { truckId?: string | null;
    routeId?: string | null; facilityId?: string | null; weighbridgeId?: string | null },
  details: Record<string, unknown> = {}): void {
    this.alerts.push({
      category: ALERT_TYPES[type].category,
      type,
      severity: ALERT_TYPES[type].severity,
      truckId: who.truckId ?? null,
      routeId: who.routeId ?? null,
      facilityId: who.facilityId ?? null,
      weighbridgeId: who.weighbridgeId ?? null,
      openedAt: isoUtc(openedAtMs),
      details,
    });
  }
}
