/** Which route shifts fall in the simulated window, and when faults happen in them. */
import type { Route } from '@sanitation/contracts';
import type { Registry } from '@sanitation/registry';
import { localDate, localToUtcMs } from './local-time';

export interface Shift {
  route: Route;
  truckId: string;
  startMs: number;
  endMs: number;
}

const DAY_MS = 86_400_000;

/**
 * Every shift that starts strictly after the window start (so a platform whose event clock
 * starts with this traffic judges it whole, §4) and before the window end. A truck's shifts
 * that overlap an earlier one of its own are left out.
 */
export function shiftsInWindow(registry: Registry, startMs: number, endMs: number,
  truckIds: string[] | undefined): { shifts: Shift[]; warnings: string[] } {
  const wanted = truckIds && truckIds.length > 0 ? new Set(truckIds) : null;
  const candidates: Shift[] = [];
  const timezone = registry.timezone;

  for (const route of [...registry.routes.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    if (wanted && !wanted.has(route.truckId)) continue;
    for (let dayMs = startMs - DAY_MS; dayMs < endMs + DAY_MS; dayMs += DAY_MS) {
      const date = localDate(dayMs, timezone);
      const shiftStart = localToUtcMs(date, route.shiftStart, timezone);
      let shiftEnd = localToUtcMs(date, route.shiftEnd, timezone);
      if (shiftEnd <= shiftStart) shiftEnd = localToUtcMs(localDate(dayMs + DAY_MS, timezone),
        route.shiftEnd, timezone);
      if (shiftStart > startMs && shiftStart < endMs) {
        candidates.push({ route, truckId: route.truckId, startMs: shiftStart, endMs: shiftEnd });
      }
    }
  }

  candidates.sort((a, b) => a.startMs - b.startMs || a.route.id.localeCompare(b.route.id));
  const warnings: string[] = [];
  const busyUntil = new Map<string, number>();
  const shifts = candidates.filter((shift) => {
    if ((busyUntil.get(shift.truckId) ?? -Infinity) > shift.startMs) {
      warnings.push(`route ${shift.route.id}: shift overlaps another of truck ${shift.truckId}`);
      return false;
    }
    busyUntil.set(shift.truckId, shift.endMs);
    return true;
  });
  return { shifts, warnings };
}

/**
 * A fault's `at`: seconds after `anchorMs`, a local `HH:MM[:SS]` on the anchor's local date
 * (the next day when that is before the anchor), or an ISO-8601 instant.
 */
export function resolveAt(at: number | string | undefined, anchorMs: number, defaultS: number,
  timezone: string): number {
  if (at === undefined) return anchorMs + defaultS * 1000;
  if (typeof at === 'number') return anchorMs + at * 1000;

  if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(at)) {
    const sameDay = localToUtcMs(localDate(anchorMs, timezone), at, timezone);
    return sameDay >= anchorMs ? sameDay : sameDay + DAY_MS;
  }
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`fault time "${at}" is neither seconds, HH:MM nor ISO`);
  return ms;
}
