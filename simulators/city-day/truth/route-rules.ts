/** Reference §4 route_gap rules: gps_silence, track_jump, off_route, missed_bins. */
import type { Truck } from '@sanitation/contracts';
import { distanceM, distanceToPathM } from '../geo';
import type { ShiftInstance, TruthContext } from './context';

export interface AcceptedFix {
  ts: number;
  lat: number;
  lon: number;
}

const SILENCE_MS = 300_000;
const OFF_ROUTE_MS = 180_000;
const MISSED_BINS_GRACE_MS = 30 * 60_000;
const JUMP_MIN_M = 1000;
const JUMP_MIN_KMH = 150;

interface TruckState {
  fixes: AcceptedFix[];
  lastFixMs: number;
  silenceOpen: boolean;
  silenceBaseMs: number;
  outsideSinceMs: number | null;
  offRouteOpen: boolean;
}

export class RouteRules {
  private readonly states = new Map<string, TruckState>();
  private readonly readsByDevice = new Map<string, { ts: number; tag: string }[]>();
  private readonly judgedShifts = new Set<ShiftInstance>();

  constructor(private readonly ctx: TruthContext) {}

  fixesOf(truckId: string): AcceptedFix[] {
    return this.state(truckId).fixes;
  }

  onFix(truck: Truck, fix: AcceptedFix): void {
    const state = this.state(truck.id);
    const index = insertionIndex(state.fixes, fix.ts);
    if (state.fixes[index]?.ts === fix.ts) return;
    state.fixes.splice(index, 0, fix);

    const shift = this.ctx.shiftAt(truck.id, fix.ts);
    const previous = state.fixes[index - 1];
    if (previous) this.checkJump(truck, previous, fix, shift);
    const next = state.fixes[index + 1];
    if (next) this.checkJump(truck, fix, next, this.ctx.shiftAt(truck.id, next.ts));

    if (state.silenceOpen && fix.ts > state.silenceBaseMs) state.silenceOpen = false;
    state.lastFixMs = Math.max(state.lastFixMs, fix.ts);
    if (index === state.fixes.length - 1) this.trackCorridor(state, fix, shift);
  }

  onRead(deviceId: string, ts: number, tag: string): void {
    const reads = this.readsByDevice.get(deviceId) ?? [];
    reads.push({ ts, tag: tag.toUpperCase() });
    this.readsByDevice.set(deviceId, reads);
  }

  /** Raises what the clock has made true, each at the instant it became true. */
  tick(): void {
    const clock = this.ctx.clockMs;
    for (const truck of this.ctx.registry.trucks.values()) {
      const state = this.state(truck.id);
      for (const shift of this.ctx.shiftsOf(truck.id)) {
        if (shift.startMs >= clock) break;
        this.checkSilence(truck, state, shift);
        this.checkMissedBins(truck, shift);
      }
      if (!state.offRouteOpen && state.outsideSinceMs !== null) {
        const deadline = state.outsideSinceMs + OFF_ROUTE_MS;
        const shift = this.ctx.shiftAt(truck.id, state.outsideSinceMs);
        if (clock > deadline && shift && deadline < shift.endMs) {
          state.offRouteOpen = true;
          this.ctx.raise('off_route', deadline, { truckId: truck.id, routeId: shift.route.id });
        }
      }
    }
  }

  private checkSilence(truck: Truck, state: TruckState, shift: ShiftInstance): void {
    if (state.silenceOpen || shift.endMs <= this.ctx.clockStartMs) return;

    const baseMs = Math.max(state.lastFixMs, shift.startMs, this.ctx.clockStartMs);
    const deadline = baseMs + SILENCE_MS;
    if (this.ctx.clockMs > deadline && deadline < shift.endMs && deadline >= shift.startMs) {
      state.silenceOpen = true;
      state.silenceBaseMs = baseMs;
      this.ctx.raise('gps_silence', deadline, { truckId: truck.id, routeId: shift.route.id });
    }
  }

  private checkMissedBins(truck: Truck, shift: ShiftInstance): void {
    const deadline = shift.endMs + MISSED_BINS_GRACE_MS;
    if (this.judgedShifts.has(shift) || this.ctx.clockMs <= deadline) return;
    this.judgedShifts.add(shift);
    if (shift.startMs <= this.ctx.clockStartMs) return;

    const reads = this.readsByDevice.get(truck.rfidDeviceId ?? '') ?? [];
    const seen = new Set(reads.filter((read) => read.ts >= shift.startMs).map((read) => read.tag));
    const binIds = shift.route.binIds.filter((id) =>
      !seen.has(this.ctx.registry.bins.get(id)?.tag.toUpperCase() ?? ''));
    if (binIds.length > 0) {
      this.ctx.raise('missed_bins', deadline, { truckId: truck.id, routeId: shift.route.id },
        { binIds });
    }
  }

  private checkJump(truck: Truck, a: AcceptedFix, b: AcceptedFix,
    shift: ShiftInstance | undefined): void {
    const metres = distanceM([a.lat, a.lon], [b.lat, b.lon]);
    const hours = (b.ts - a.ts) / 3_600_000;
    if (metres > JUMP_MIN_M && (hours <= 0 || metres / 1000 / hours > JUMP_MIN_KMH)) {
      this.ctx.raise('track_jump', b.ts, { truckId: truck.id, routeId: shift?.route.id ?? null });
    }
  }

  private trackCorridor(state: TruckState, fix: AcceptedFix, shift: ShiftInstance | undefined):
    void {
    const path = shift?.route.path;
    if (!shift || !path || path.length === 0 || shift.route.corridorM === undefined) {
      state.outsideSinceMs = null;
      return;
    }

    const outside = distanceToPathM([fix.lat, fix.lon], path) > shift.route.corridorM;
    if (!outside) {
      state.outsideSinceMs = null;
      state.offRouteOpen = false;
    } else if (state.outsideSinceMs === null) {
      state.outsideSinceMs = fix.ts;
    }
  }

  private state(truckId: string): TruckState {
    let state = this.states.get(truckId);
    if (!state) {
      state = { fixes: [], lastFixMs: -Infinity, silenceOpen: false, silenceBaseMs: 0,
        outsideSinceMs: null, offRouteOpen: false };
      this.states.set(truckId, state);
    }
    return state;
  }
}

function insertionIndex(fixes: AcceptedFix[], ts: number): number {
  let low = 0;
  let high = fixes.length;
  if (high > 0 && fixes[high - 1].ts < ts) return high;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (fixes[mid].ts < ts) low = mid + 1;
    else high = mid;
  }
  return low;
}
