/**
 * Test fixtures, not production code: small in-memory stand-ins for the ports the
 * platform binds (alerts, fleet, matching, probes), so API specs can drive them.
 */
import { Subject } from 'rxjs';
import type { Alert, TruckState, WeighingRecord } from '@sanitation/contracts';
import type { TelemetryStore } from '@sanitation/store';
import type {
  AlertFilter,
  AlertsPort,
  FleetPort,
  HealthProbe,
  MatchOutcome,
  WeighingMatchPort,
} from '../ports';

export class FixtureAlerts implements AlertsPort {
  readonly actions: { id: string; by: string; note?: string | null }[] = [];

  constructor(readonly alerts: Alert[]) {}

  list(filter: AlertFilter, page: { limit: number; offset: number }): Alert[] {
    return this.alerts
      .filter((a) => !filter.state || a.state === filter.state)
      .filter((a) => !filter.truckId || a.truckId === filter.truckId)
      .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
      .slice(page.offset, page.offset + page.limit);
  }

  get(id: string): Alert | null {
    return this.alerts.find((a) => a.id === id) ?? null;
  }

  acknowledge(id: string, by: string): Alert | null {
    const alert = this.get(id);
    if (!alert) return null;
    this.actions.push({ id, by });
    alert.state = 'acknowledged';
    alert.acknowledgedAt = '2026-12-03T03:00:00.000Z';
    return alert;
  }

  clear(id: string, by: string, note: string | null): Alert | null {
    const alert = this.get(id);
    if (!alert) return null;
    this.actions.push({ id, by, note });
    alert.state = 'cleared';
    return alert;
  }
}

export class FixtureFleet implements FleetPort {
  readonly changes = new Subject<TruckState>();
  readonly changes$ = this.changes.asObservable();

  constructor(readonly states: TruckState[]) {}

  fleet(): TruckState[] {
    return this.states;
  }
}

export class FixtureMatcher implements WeighingMatchPort {
  readonly calls: { weighbridgeId: string; ticket: number; truckId: string; by: string }[] = [];

  constructor(private readonly store: TelemetryStore) {}

  async match(weighbridgeId: string, ticket: number, truckId: string, by: string) {
    this.calls.push({ weighbridgeId, ticket, truckId, by });
    const weighing = await this.store.weighing(weighbridgeId, ticket);
    if (!weighing) {
      return { ok: false, status: 404, message: `No ticket ${ticket}` } as MatchOutcome;
    }
    const updated: WeighingRecord =
      { ...weighing, truckId, matchedBy: by, flags: ['manual_match'] };
    return { ok: true, weighing: updated } as MatchOutcome;
  }
}

export class FixtureProbe implements HealthProbe {
  ok = true;

  constructor(readonly name: string) {}

  check() {
    return Promise.resolve(this.ok ? { ok: true } : { ok: false, detail: `${this.name} down` });
  }
}
