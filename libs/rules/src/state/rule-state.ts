/**
 * Holds the entities and the deadline index, and writes what changed to the repository. The
 * clock is stored beside the entities under `clock`.
 */
import { DeadlineQueue } from '../clock/deadline-queue';
import type { EventClockState } from '../clock/event-clock';
import type { RulesRepository, StateChange } from '../persistence/rules-repository';
import {
  type Entity,
  newRoute,
  newTruck,
  newWeighbridge,
  type RouteEntity,
  routeKey,
  type TruckEntity,
  truckKey,
  type WeighbridgeEntity,
  weighbridgeKey,
} from './entities';

export const CLOCK_KEY = 'clock';

export interface DueDeadline {
  entity: Entity;
  name: string;
  dueMs: number;
}

export class RuleState {
  private readonly entities = new Map<string, Entity>();
  private readonly queue = new DeadlineQueue();
  private readonly dirty = new Set<string>();
  private clockState: EventClockState = { nowMs: null, startedAtMs: null };
  private clockDirty = false;

  constructor(private readonly repository: RulesRepository) {
    for (const { key, value } of repository.loadState()) {
      if (key === CLOCK_KEY) this.clockState = value as EventClockState;
      else this.entities.set(key, value as Entity);
    }
    for (const entity of this.entities.values()) {
      for (const [name, dueMs] of Object.entries(entity.deadlines)) {
        this.queue.push({ dueMs, entity: entity.key, name });
      }
    }
  }

  get loadedClock(): EventClockState {
    return this.clockState;
  }

  truck(truckId: string): TruckEntity {
    return this.getOrCreate(truckKey(truckId), () => newTruck(truckId));
  }

  findTruck(truckId: string): TruckEntity | undefined {
    return this.entities.get(truckKey(truckId)) as TruckEntity | undefined;
  }

  route(routeId: string): RouteEntity {
    return this.getOrCreate(routeKey(routeId), () => newRoute(routeId));
  }

  findRoute(routeId: string): RouteEntity | undefined {
    return this.entities.get(routeKey(routeId)) as RouteEntity | undefined;
  }

  weighbridge(weighbridgeId: string): WeighbridgeEntity {
    return this.getOrCreate(weighbridgeKey(weighbridgeId), () => newWeighbridge(weighbridgeId));
  }

  touch(entity: Entity): void {
    this.dirty.add(entity.key);
  }

  schedule(entity: Entity, name: string, dueMs: number): void {
    if (entity.deadlines[name] === dueMs) return;

    entity.deadlines[name] = dueMs;
    this.queue.push({ dueMs, entity: entity.key, name });
    this.touch(entity);
  }

  cancel(entity: Entity, name: string): void {
    if (!(name in entity.deadlines)) return;

    delete entity.deadlines[name];
    this.touch(entity);
  }

  /** Removes and returns the earliest live deadline due strictly before `beforeMs`. */
  popDue(beforeMs: number): DueDeadline | undefined {
    for (let top = this.queue.peek(); top && top.dueMs < beforeMs; top = this.queue.peek()) {
      this.queue.pop();
      const entity = this.entities.get(top.entity);
      if (!entity || entity.deadlines[top.name] !== top.dueMs) continue;

      delete entity.deadlines[top.name];
      this.touch(entity);
      return { entity, name: top.name, dueMs: top.dueMs };
    }
    return undefined;
  }

  setClock(clock: EventClockState): void {
    const same =
      clock.nowMs === this.clockState.nowMs &&
      clock.startedAtMs === this.clockState.startedAtMs &&
      clock.dataMs === this.clockState.dataMs;
    if (same) return;
    this.clockState = clock;
    this.clockDirty = true;
  }

  get hasChanges(): boolean {
    return this.clockDirty || this.dirty.size > 0;
  }

  /** Writes every changed entity (and the clock) in one transaction. */
  flush(): void {
    if (!this.hasChanges) return;

    const changes: StateChange[] = [];
    for (const key of this.dirty) changes.push({ key, value: saved(this.entities.get(key)) });
    if (this.clockDirty) changes.push({ key: CLOCK_KEY, value: this.clockState });
    this.repository.saveState(changes);

    this.dirty.clear();
    this.clockDirty = false;
  }

  /** Trucks whose saved state carried no track: the engine's caller restores them. */
  trucks(): TruckEntity[] {
    return [...this.entities.values()].filter((e): e is TruckEntity => e.key.startsWith('truck:'));
  }

  private getOrCreate<T extends Entity>(key: string, create: () => T): T {
    let entity = this.entities.get(key) as T | undefined;
    if (!entity) {
      entity = create();
      this.entities.set(key, entity);
      this.touch(entity);
    }
    return entity;
  }
}

/** What is written for an entity: a truck without its track (see restoreTrack). */
function saved(entity: Entity | undefined): Entity | null {
  if (!entity) return null;
  if (!entity.key.startsWith('truck:')) return entity;
  return { ...(entity as TruckEntity), fixes: [] } as TruckEntity;
}
