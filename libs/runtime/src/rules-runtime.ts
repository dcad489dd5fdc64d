/**
 * The rules engine wired to the platform: fed by ingest's event bus, ticked by wall time,
 * publishing alerts and fleet states over MQTT, and answering the API's ports.
 */
import { Subject } from 'rxjs';
import type { AlertFilter, AlertsPort, FleetPort, HealthProbe } from '@sanitation/api';
import {
  Alert,
  ALERT_TYPES,
  AlertType,
  alertTopic,
  fleetStateTopic,
  TruckState,
} from '@sanitation/contracts';
import type { TelemetryEventBus } from '@sanitation/ingest';
import type { Logger, PlatformMetrics } from '@sanitation/observability';
import type { RegistryService } from '@sanitation/registry';
import { RulesConfig, RulesEngine, SqliteRulesRepository } from '@sanitation/rules';
import type { TelemetryStore } from '@sanitation/store';
import type { MessageSource } from '@sanitation/transport';
import { FleetStateThrottle } from './fleet-state-throttle';
import { WeighingMatcher } from './weighing-matcher';

/** How often the event clock catches up with wall time while traffic is quiet. */
const TICK_MS = 250;

export interface RulesRuntimeDeps {
  dataDir: string;
  registry: RegistryService;
  bus: TelemetryEventBus;
  source: MessageSource;
  store: TelemetryStore;
  metrics: PlatformMetrics;
  logger: Logger;
  config?: RulesConfig;
}

export class RulesRuntime {
  readonly engine: RulesEngine;
  readonly alerts: AlertsPort;
  readonly fleet: FleetPort;
  readonly match: WeighingMatcher;
  readonly probe: HealthProbe;
  private readonly fleetChanges = new Subject<TruckState>();
  private readonly fleetThrottle = new FleetStateThrottle((state) => this.sendState(state));
  private readonly stops: (() => void)[] = [];
  private lastTickError = '';
  private pendingPersist: Promise<void> | null = null;

  constructor(private readonly deps: RulesRuntimeDeps) {
    this.engine = new RulesEngine({
      registry: deps.registry.current,
      repository: new SqliteRulesRepository(deps.dataDir),
      config: deps.config,
      alertSink: { publish: (alert) => this.publishAlert(alert) },
      fleetSink: { publish: (state) => this.fleetThrottle.offer(state) },
    });
    this.alerts = this.alertsPort();
    this.fleet = { fleet: () => this.engine.fleet(), changes$: this.fleetChanges.asObservable() };
    this.match = new WeighingMatcher(deps.store, deps.registry, () => this.engine);
    this.probe = {
      name: 'rules',
      check: () => {
        const clock = this.engine.clockNow();
        const detail =
          clock === null
            ? 'event clock not started'
            : `event clock at ${new Date(clock).toISOString()}`;
        return Promise.resolve({
          ok: this.lastTickError === '',
          detail: this.lastTickError || detail,
        });
      },
    };
  }

  async start(): Promise<void> {
    await this.restoreTracks();

    const events = this.deps.bus.events$.subscribe((batch) =>
      this.guard('ingest', () => this.engine.ingest(batch)),
    );
    const reloads = this.deps.registry.reloaded$.subscribe((registry) =>
      this.guard('registry reload', () => this.engine.setRegistry(registry)),
    );
    const timer = setInterval(() => this.guard('tick', () => this.engine.tick()), TICK_MS);
    this.deps.bus.addCommitHook(() => this.persistSoon());
    this.stops.push(
      () => events.unsubscribe(),
      () => reloads.unsubscribe(),
      () => clearInterval(timer),
    );
    // Counted when scraped, not on every alert change: a long alert history makes each
    // count a scan, and only the scrape needs it.
    this.deps.metrics.addRefresher(() => this.refreshOpenAlertGauge());
  }

  close(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.engine.close();
    this.fleetThrottle.close();
    this.fleetChanges.complete();
  }

  /** The saved rule state has no truck tracks; they come back from the store (30 min). */
  private async restoreTracks(): Promise<void> {
    const window = this.engine.trackWindow();
    if (!window) return;

    let fixes = 0;
    for (const truckId of window.truckIds) {
      const track = await this.deps.store.track(truckId, { from: window.fromMs, to: window.toMs });
      this.engine.restoreTrack(truckId, track);
      fixes += track.length;
    }
    this.deps.logger.info(
      { trucks: window.truckIds.length, fixes },
      'rules restored recent truck tracks from the store',
    );
  }

  /**
   * Writes the rule state once for a group of messages, so that a message is acknowledged
   * only when the rules' view of it would survive a crash, at the cost of one small
   * transaction per group rather than one each. The messages of one store write resume
   * together as microtasks; a microtask queued by the first runs after the last of them.
   */
  private persistSoon(): Promise<void> {
    this.pendingPersist ??= new Promise<void>((resolve) =>
      queueMicrotask(() => {
        this.pendingPersist = null;
        this.guard('persist', () => this.engine.flush());
        resolve();
      }),
    );
    return this.pendingPersist;
  }

  /** A failing rule must not take ingest down with it; it is logged and shown in health. */
  private guard(what: string, work: () => void): void {
    try {
      work();
      this.lastTickError = '';
    } catch (error) {
      this.lastTickError = `rules ${what} failed: ${(error as Error).message}`;
      this.deps.logger.error({ err: error }, this.lastTickError);
    }
  }

  private publishAlert(alert: Alert): void {
    this.deps.logger.info(
      {
        alertId: alert.id,
        type: alert.type,
        state: alert.state,
        truckId: alert.truckId,
        routeId: alert.routeId,
        facilityId: alert.facilityId,
        openedAt: alert.openedAt,
      },
      `alert ${alert.type} ${alert.state}`,
    );
    this.deps.source
      .publish(alertTopic(alert.category, alert.type), JSON.stringify(alert), {
        qos: 1,
        retain: false,
      })
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, alertId: alert.id }, 'could not publish alert'),
      );
  }

  private sendState(state: TruckState): void {
    this.fleetChanges.next(state);
    this.deps.source
      .publish(fleetStateTopic(state.truckId), JSON.stringify(state), { qos: 1, retain: true })
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, truckId: state.truckId }, 'could not publish state'),
      );
  }

  private refreshOpenAlertGauge(): void {
    const counts = new Map<AlertType, number>();
    for (const type of Object.keys(ALERT_TYPES) as AlertType[]) counts.set(type, 0);
    for (const state of ['open', 'acknowledged'] as const) {
      for (const alert of this.engine.listAlerts({ state, limit: Number.MAX_SAFE_INTEGER })) {
        counts.set(alert.type, (counts.get(alert.type) ?? 0) + 1);
      }
    }
    for (const [type, count] of counts) {
      this.deps.metrics.openAlerts.set({ category: ALERT_TYPES[type].category, type }, count);
    }
  }

  private alertsPort(): AlertsPort {
    const engine = () => this.engine;
    return {
      list: (filter: AlertFilter, page) =>
        engine().listAlerts({
          ...filter,
          // The API's `to` is exclusive; the engine's bound is inclusive.
          to: filter.to === undefined ? undefined : filter.to - 1,
          limit: page.limit,
          offset: page.offset,
        }),
      get: (id) => engine().getAlert(id) ?? null,
      acknowledge: (id, by) => engine().ack(id, by) ?? null,
      clear: (id, by, note) => engine().clear(id, by, note ?? undefined) ?? null,
    };
  }
}
