/**
 * Every alert the rules have raised, with the lifecycle open → acknowledged → cleared of
 * contract §4. A condition key is raised at most once, ever: that is what keeps a restart or a
 * redelivery from raising the same alert twice. Ids derive from the key, so a replay of the same
 * traffic names its alerts the same.
 */
import { createHash } from 'node:crypto';
import { ALERT_TYPES, type Alert, type AlertType, isoOrNull, isoUtc } from '@sanitation/contracts';
import type { AlertRecord, RulesRepository } from '../persistence/rules-repository';

export interface AlertSink {
  /** Called when an alert is raised, acknowledged or cleared; must not throw. */
  publish(alert: Alert): void;
}

export interface RaiseRequest {
  key: string;
  type: AlertType;
  truckId?: string | null;
  routeId?: string | null;
  facilityId?: string | null;
  weighbridgeId?: string | null;
  openedAtMs: number;
  details?: Record<string, unknown>;
}

export const alertIdFor = (key: string): string =>
  `a-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;

export function toApiAlert(record: AlertRecord): Alert {
  const kind = ALERT_TYPES[record.type];
  return {
    id: record.id,
    category: kind.category,
    type: record.type,
    severity: kind.severity,
    state: record.state,
    truckId: record.truckId,
    routeId: record.routeId,
    facilityId: record.facilityId,
    weighbridgeId: record.weighbridgeId,
    openedAt: isoUtc(record.openedAtMs),
    clearedAt: isoOrNull(record.clearedAtMs),
    acknowledgedAt: isoOrNull(record.acknowledgedAtMs),
    details: { ...record.details },
  };
}

export class AlertBook {
  private readonly byId = new Map<string, AlertRecord>();
  private readonly idByKey = new Map<string, string>();
  private readonly openByTruck = new Map<string, number>();
  /** Trucks whose open-alert count changed since the last drain (fleet state follows it). */
  private readonly touchedTrucks = new Set<string>();

  constructor(
    private readonly repository: RulesRepository,
    private readonly sink: AlertSink,
  ) {
    for (const record of repository.loadAlerts()) this.index(record);
  }

  /** Raises unless this condition was ever raised; returns the new record or null. */
  raise(request: RaiseRequest): AlertRecord | null {
    if (this.idByKey.has(request.key)) return null;

    const record: AlertRecord = {
      id: alertIdFor(request.key),
      key: request.key,
      type: request.type,
      state: 'open',
      truckId: request.truckId ?? null,
      routeId: request.routeId ?? null,
      facilityId: request.facilityId ?? null,
      weighbridgeId: request.weighbridgeId ?? null,
      openedAtMs: request.openedAtMs,
      clearedAtMs: null,
      acknowledgedAtMs: null,
      details: request.details ?? {},
    };
    this.index(record);
    this.commit(record);
    return record;
  }

  /** A rule saw the condition end at event time `atMs`. */
  clearByRule(
    id: string | null | undefined,
    atMs: number,
    details: Record<string, unknown> = {},
  ): AlertRecord | null {
    const record = id ? this.byId.get(id) : undefined;
    if (!record || record.state === 'cleared') return null;

    record.state = 'cleared';
    record.clearedAtMs = Math.max(atMs, record.openedAtMs);
    record.details = { ...record.details, ...details };
    this.countOpen(record, -1);
    this.commit(record);
    return record;
  }

  /** An operator acknowledged it; `wallMs` is wall time (contract §4). */
  acknowledge(id: string, by: string, wallMs: number): AlertRecord | undefined {
    const record = this.byId.get(id);
    if (!record || record.state !== 'open') return record;

    record.state = 'acknowledged';
    record.acknowledgedAtMs = wallMs;
    record.details = { ...record.details, acknowledgedBy: by };
    this.commit(record);
    return record;
  }

  /** An operator closed it at event time `atMs`, with a note. */
  clearByOperator(id: string, by: string, atMs: number, note?: string): AlertRecord | undefined {
    const record = this.byId.get(id);
    if (!record || record.state === 'cleared') return record;

    return this.clearByRule(id, atMs, { clearedBy: by, ...(note ? { note } : {}) }) ?? undefined;
  }

  isOpen(id: string | null | undefined): boolean {
    const record = id ? this.byId.get(id) : undefined;
    return record !== undefined && record.state !== 'cleared';
  }

  get(id: string): AlertRecord | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<AlertRecord> {
    return this.byId.values();
  }

  openCountForTruck(truckId: string): number {
    return this.openByTruck.get(truckId) ?? 0;
  }

  drainTouchedTrucks(): string[] {
    const trucks = [...this.touchedTrucks];
    this.touchedTrucks.clear();
    return trucks;
  }

  private index(record: AlertRecord): void {
    this.byId.set(record.id, record);
    this.idByKey.set(record.key, record.id);
    if (record.state !== 'cleared') this.countOpen(record, +1);
  }

  private countOpen(record: AlertRecord, delta: number): void {
    if (!record.truckId) return;

    const count = (this.openByTruck.get(record.truckId) ?? 0) + delta;
    if (count > 0) this.openByTruck.set(record.truckId, count);
    else this.openByTruck.delete(record.truckId);
    this.touchedTrucks.add(record.truckId);
  }

  /** Durable first, then published: a subscriber never sees an alert a restart would lose. */
  private commit(record: AlertRecord): void {
    this.repository.saveAlert(record);
    this.sink.publish(toApiAlert(record));
  }
}
