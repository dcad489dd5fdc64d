/**
 * What the HTTP API needs from the rest of the platform, as small interfaces. The
 * platform app binds them (to the rules engine, the store, the broker); the API knows
 * nothing of how they work.
 */
import type { Observable } from 'rxjs';
import type {
  Alert,
  AlertCategory,
  AlertState,
  AlertType,
  TruckState,
  WeighingRecord,
} from '@sanitation/contracts';

export interface AlertFilter {
  category?: AlertCategory;
  type?: AlertType;
  state?: AlertState;
  truckId?: string;
  /** On openedAt, epoch ms. */
  from?: number;
  to?: number;
}

export interface AlertsPort {
  /** Newest first (by openedAt). */
  list(filter: AlertFilter, page: { limit: number; offset: number }): Alert[];
  get(id: string): Alert | null;
  /** Null when no such alert. Acknowledging a cleared alert returns it unchanged. */
  acknowledge(id: string, by: string): Alert | null;
  clear(id: string, by: string, note: string | null): Alert | null;
}

export interface FleetPort {
  fleet(): TruckState[];
  /** Each truck state as it changes. */
  readonly changes$: Observable<TruckState>;
}

export type MatchOutcome =
  | { ok: true; weighing: WeighingRecord }
  | { ok: false; status: 404 | 409 | 400; message: string };

export interface WeighingMatchPort {
  /** Matches an unmatched ticket to a truck, re-attributes its tonnage, clears its alert. */
  match(weighbridgeId: string, ticket: number, truckId: string, by: string): Promise<MatchOutcome>;
}

export interface HealthProbe {
  name: string;
  check(): Promise<{ ok: boolean; detail?: string }>;
}

export const ALERTS_PORT = Symbol('AlertsPort');
export const FLEET_PORT = Symbol('FleetPort');
export const WEIGHING_MATCH_PORT = Symbol('WeighingMatchPort');
export const HEALTH_PROBES = Symbol('HealthProbes');
export const REGISTRY_SERVICE = Symbol('RegistryService');
export const METRICS = Symbol('PlatformMetrics');
