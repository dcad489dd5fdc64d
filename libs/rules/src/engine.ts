/**
 * The rules engine of contract §4: a pure state machine fed with accepted, newly stored records
 * and the wall clock. It knows events and time only; the caller wires MQTT, HTTP and storage
 * through the sinks and the repository.
 */
import type {
  Alert,
  FixRecord,
  ReadRecord,
  StatusRecord,
  TruckState,
  WeighingRecord,
} from '@sanitation/contracts';
import type { Registry } from '@sanitation/registry';
import { AlertBook, type AlertSink, toApiAlert } from './alerts/alert-book';
import { type AlertFilter, queryAlerts } from './alerts/alert-query';
import { EventClock } from './clock/event-clock';
import { type RulesConfig, ThresholdResolver } from './config';
import { type FleetSink, FleetTracker, truckState } from './fleet/fleet-tracker';
import type { RulesRepository } from './persistence/rules-repository';
import { CityView, RuleContext } from './rules/context';
import { fireDeadline } from './rules/dispatch';
import { applyFix, applyStatus, restoreTrack, TRACK_WINDOW_MS } from './rules/fix-rules';
import { applyRead } from './rules/read-rules';
import { initRoute } from './rules/shift-rules';
import {
  applyRejectedTicket,
  applyWeighing,
  matchWeighing,
  type RejectedTicket,
} from './rules/weighing-rules';
import { RuleState } from './state/rule-state';

/** Accepted, newly stored records (no duplicates, no rejects), in arrival order. */
export interface RuleEvents {
  fixes?: FixRecord[];
  reads?: ReadRecord[];
  weighings?: WeighingRecord[];
  statuses?: StatusRecord[];
  rejectedTickets?: RejectedTicket[];
}

export interface RulesEngineOptions {
  registry: Registry;
  repository: RulesRepository;
  config?: RulesConfig;
  alertSink?: AlertSink;
  fleetSink?: FleetSink;
  /** Wall clock, epoch ms; injectable for tests and replays. */
  wallClock?: () => number;
  /** Rule state is written at most this often (alerts are written at once). Default 500 ms. */
  persistEveryMs?: number;
}

type Element =
  | { kind: 'fix'; record: FixRecord }
  | { kind: 'read'; record: ReadRecord }
  | { kind: 'weighing'; record: WeighingRecord }
  | { kind: 'status'; record: StatusRecord };

const DEFAULT_PERSIST_EVERY_MS = 500;
const noSink = { publish: (): void => undefined };

export class RulesEngine {
  private readonly ctx: RuleContext;
  private readonly fleetTracker: FleetTracker;
  private readonly state: RuleState;
  private readonly wall: () => number;
  private readonly persistEveryMs: number;
  private lastPersistWallMs: number;
  private closed = false;

  constructor(private readonly options: RulesEngineOptions) {
    this.wall = options.wallClock ?? Date.now;
    this.persistEveryMs = options.persistEveryMs ?? DEFAULT_PERSIST_EVERY_MS;
    this.lastPersistWallMs = this.wall();
    this.state = new RuleState(options.repository);
    this.fleetTracker = new FleetTracker(options.fleetSink ?? noSink);
    this.ctx = new RuleContext(
      new CityView(options.registry),
      new ThresholdResolver(options.config),
      new EventClock(this.state.loadedClock),
      new AlertBook(options.repository, options.alertSink ?? noSink),
      this.state,
      this.fleetTracker,
    );
    if (this.ctx.clock.started) this.initRoutes();
  }

  /** Judges one message's (or one store flush's) new records; see README for ordering. */
  ingest(events: RuleEvents): void {
    this.assertOpen();
    for (const element of ordered(events)) this.apply(element);
    for (const rejected of events.rejectedTickets ?? []) {
      if (this.ctx.clock.started) applyRejectedTicket(this.ctx, rejected);
    }

    this.fireDue(this.ctx.clock.now + 1);
    this.settle();
  }

  /** Lets the clock follow wall time while no element arrives (§4); call every ~250 ms. */
  tick(wallNowMs: number = this.wall()): void {
    this.assertOpen();
    const target = this.ctx.clock.wallTarget(wallNowMs);
    if (target !== null && target > this.ctx.clock.now) {
      this.fireDue(target + 1);
      this.ctx.clock.moveTo(target, wallNowMs);
    }
    this.settle(wallNowMs);
  }

  ack(id: string, by: string): Alert | undefined {
    const record = this.ctx.alerts.acknowledge(id, by, this.wall());
    this.settle();
    return record && toApiAlert(record);
  }

  clear(id: string, by: string, note?: string): Alert | undefined {
    const record = this.ctx.alerts.clearByOperator(id, by, this.ctx.clock.now, note);
    this.settle();
    return record && toApiAlert(record);
  }

  /**
   * An operator matched an unmatched ticket to a truck. Pass the updated store record when there
   * is one. False when the truck is unknown or the engine knows nothing of the ticket.
   */
  matchWeighing(
    weighbridgeId: string,
    ticket: number,
    truckId: string,
    by: string,
    record?: WeighingRecord,
  ): boolean {
    const matched = matchWeighing(this.ctx, { weighbridgeId, ticket, truckId, by, record });
    this.settle();
    return matched;
  }

  listAlerts(filter: AlertFilter = {}): Alert[] {
    return queryAlerts(this.ctx.alerts.all(), filter);
  }

  getAlert(id: string): Alert | undefined {
    const record = this.ctx.alerts.get(id);
    return record && toApiAlert(record);
  }

  fleet(): TruckState[] {
    const states: TruckState[] = [];
    for (const truckId of this.ctx.registry.trucks.keys()) {
      const state = truckState(this.ctx, truckId);
      if (state) states.push(state);
    }
    return states;
  }

  truckState(truckId: string): TruckState | undefined {
    return truckState(this.ctx, truckId);
  }

  /**
   * After a restart: the window of fixes each truck with saved state should get back, and
   * the call that puts them back (the saved state holds no tracks; the store has them).
   */
  trackWindow(): { truckIds: string[]; fromMs: number; toMs: number } | null {
    const now = this.clockNow();
    if (now === null) return null;
    const truckIds = this.state.trucks().map((truck) => truck.truckId);
    return { truckIds, fromMs: now - TRACK_WINDOW_MS, toMs: now + 1 };
  }

  /**
   * Fixes newer than the truck's last judged one are left out: they were stored but not
   * yet judged when the platform stopped, and come back as redeliveries to be judged then.
   */
  restoreTrack(truckId: string, fixes: FixRecord[]): void {
    const truck = this.state.findTruck(truckId);
    const lastJudged = truck?.lastFixMs;
    if (!truck || lastJudged === null || lastJudged === undefined) return;
    restoreTrack(
      truck,
      fixes.filter((fix) => fix.ts <= lastJudged),
    );
  }

  /** Event time now (epoch ms), or null before the first accepted element. */
  clockNow(): number | null {
    return this.ctx.clock.started ? this.ctx.clock.now : null;
  }

  /** A reloaded registry: new routes go on the clock; lookups and thresholds follow it. */
  setRegistry(registry: Registry): void {
    this.ctx.city = new CityView(registry);
    if (this.ctx.clock.started) this.initRoutes();
    this.settle();
  }

  /** Writes the rule state now. */
  flush(): void {
    this.state.setClock(this.ctx.clock.snapshot());
    this.state.flush();
    this.lastPersistWallMs = this.wall();
  }

  /** Flushes and closes the repository; the engine accepts nothing afterwards. */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.options.repository.close();
  }

  private apply(element: Element): void {
    const ts = element.record.ts;
    const clock = this.ctx.clock;
    const clockBeforeMs = clock.dataNow;
    if (clock.start(ts, this.wall())) this.initRoutes();
    else if (ts > clock.now) {
      this.fireDue(ts);
      clock.moveTo(ts, this.wall());
    }
    clock.noteData(ts);

    switch (element.kind) {
      case 'fix':
        applyFix(this.ctx, element.record, clockBeforeMs || ts);
        break;
      case 'read':
        applyRead(this.ctx, element.record);
        break;
      case 'weighing':
        applyWeighing(this.ctx, element.record);
        break;
      case 'status':
        applyStatus(this.ctx, element.record);
        break;
    }
  }

  /**
   * Fires, in time order, every deadline strictly before `untilMs`. Before an element the bound is
   * its time, so a fix exactly at a deadline still counts; once the element is applied, deadlines
   * at the clock's time fire too (epoch ms are integers: `now + 1`).
   */
  private fireDue(untilMs: number): void {
    for (let due = this.state.popDue(untilMs); due; due = this.state.popDue(untilMs)) {
      this.ctx.clock.moveTo(due.dueMs);
      fireDeadline(this.ctx, due);
    }
  }

  private initRoutes(): void {
    for (const route of this.ctx.registry.routes.values()) initRoute(this.ctx, route);
  }

  private settle(wallNowMs: number = this.wall()): void {
    this.fleetTracker.flush(this.ctx);
    this.state.setClock(this.ctx.clock.snapshot());
    if (wallNowMs - this.lastPersistWallMs >= this.persistEveryMs) this.flush();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('rules engine is closed');
  }
}

/** Arrival order across kinds, by receivedAt; a stable sort keeps each array's own order. */
function ordered(events: RuleEvents): Element[] {
  const elements: Element[] = [
    ...(events.statuses ?? []).map((record) => ({ kind: 'status' as const, record })),
    ...(events.fixes ?? []).map((record) => ({ kind: 'fix' as const, record })),
    ...(events.reads ?? []).map((record) => ({ kind: 'read' as const, record })),
    ...(events.weighings ?? []).map((record) => ({ kind: 'weighing' as const, record })),
  ];
  return elements.sort((a, b) => a.record.receivedAt - b.record.receivedAt);
}
