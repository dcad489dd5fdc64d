/**
 * What the rules keep across restarts (contract §4: a restart neither loses an open alert nor
 * raises it again). Synchronous on purpose: the engine is a pure, single-threaded state machine
 * and an embedded store answers in microseconds.
 */
import type { AlertState, AlertType } from '@sanitation/contracts';

/** An alert as the rules keep it: epoch-ms times and the condition it stands for. */
export interface AlertRecord {
  id: string;
  /** Deterministic condition key, e.g. `gps_silence:T001:1764712800000`. */
  key: string;
  type: AlertType;
  state: AlertState;
  truckId: string | null;
  routeId: string | null;
  facilityId: string | null;
  weighbridgeId: string | null;
  /** Event time. */
  openedAtMs: number;
  /** Event time. */
  clearedAtMs: number | null;
  /** Wall time. */
  acknowledgedAtMs: number | null;
  details: Record<string, unknown>;
}

export interface StateChange {
  key: string;
  /** JSON-serialisable; null deletes the entry. */
  value: unknown;
}

export interface RulesRepository {
  loadAlerts(): AlertRecord[];
  /** Inserts or replaces by id; durable when it returns. */
  saveAlert(alert: AlertRecord): void;
  loadState(): StateChange[];
  /** Applies all changes atomically. */
  saveState(changes: StateChange[]): void;
  close(): void;
}
