/**
 * Fleet states go out when they change (contract §3), but a moving truck changes its
 * `lastFix` with every fix: at 60x replay that is a dozen states a second per truck for
 * every SSE client and the broker. A change of anything but the position goes out at
 * once; position-only changes are coalesced to at most one per truck per interval, the
 * latest one winning.
 */
import type { TruckState } from '@sanitation/contracts';

/** At most one position-only update per truck per second. */
const DEFAULT_INTERVAL_MS = 1_000;

interface TruckSlot {
  lastSentAt: number;
  lastSent: TruckState | null;
  pending: TruckState | null;
  timer: NodeJS.Timeout | null;
}

export class FleetStateThrottle {
  private readonly slots = new Map<string, TruckSlot>();

  constructor(
    private readonly send: (state: TruckState) => void,
    private readonly intervalMs = DEFAULT_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  offer(state: TruckState): void {
    const slot = this.slotOf(state.truckId);
    const dueAt = slot.lastSentAt + this.intervalMs;
    if (!onlyMoved(slot.lastSent, state) || this.now() >= dueAt) {
      this.sendNow(slot, state);
      return;
    }

    slot.pending = state;
    slot.timer ??= setTimeout(() => {
      slot.timer = null;
      if (slot.pending) this.sendNow(slot, slot.pending);
    }, dueAt - this.now());
  }

  /** Sends what is pending and stops the timers. */
  close(): void {
    for (const slot of this.slots.values()) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      if (slot.pending) this.sendNow(slot, slot.pending);
    }
  }

  private sendNow(slot: TruckSlot, state: TruckState): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.pending = null;
    slot.lastSent = state;
    slot.lastSentAt = this.now();
    this.send(state);
  }

  private slotOf(truckId: string): TruckSlot {
    let slot = this.slots.get(truckId);
    if (!slot) {
      slot = { lastSentAt: -Infinity, lastSent: null, pending: null, timer: null };
      this.slots.set(truckId, slot);
    }
    return slot;
  }
}

function onlyMoved(before: TruckState | null, after: TruckState): boolean {
  if (!before) return false;
  return (
    before.status === after.status &&
    before.routeId === after.routeId &&
    before.binsServed === after.binsServed &&
    before.binsPlanned === after.binsPlanned &&
    before.openAlerts === after.openAlerts &&
    before.plate === after.plate
  );
}
