/** Reference versions of the §4 weighing rules: overweight, missing, sequence gap, unmatched. */
import { normalizePlate, Truck, Weighbridge } from '@sanitation/contracts';
import { distanceM } from '../geo';
import type { TruthContext } from './context';
import type { AcceptedFix } from './route-rules';

export interface AcceptedWeighing {
  ticket: number;
  ts: number;
  plate: string;
  grossKg: number;
  tareKg?: number;
}

const MISSING_AFTER_EXIT_MS = 30 * 60_000;
const MATCH_WINDOW_MS = 10 * 60_000;
const GAP_GRACE_MS = 30 * 60_000;
const MIN_VISIT_MS = 60_000;

interface Visit {
  truck: Truck;
  facilityId: string;
  entryMs: number;
  exitMs: number;
}

interface Weighed {
  truckId: string | null;
  facilityId: string;
  ts: number;
}

export class WeighingRules {
  private readonly weighed: Weighed[] = [];
  private readonly seenTickets = new Map<string, Set<number>>();
  private readonly maxTicket = new Map<string, number>();
  private readonly gaps: { bridge: Weighbridge; missing: number[]; deadline: number }[] = [];
  private readonly visits: Visit[] = [];
  private readonly inside = new Map<string, { facilityId: string; entryMs: number }>();
  private readonly unmatchedChecks: { truck: Truck; bridge: Weighbridge; ts: number }[] = [];

  constructor(private readonly ctx: TruthContext,
    private readonly fixesOf: (truckId: string) => AcceptedFix[]) {}

  /** Follows entries and exits of weighbridge facilities from fixes in time order. */
  onFix(truck: Truck, fix: AcceptedFix): void {
    const current = this.inside.get(truck.id);
    if (current) {
      const facility = this.ctx.registry.facilities.get(current.facilityId)!;
      if (distanceM([fix.lat, fix.lon], [facility.lat, facility.lon]) <= facility.radiusM) return;
      this.inside.delete(truck.id);
      if (fix.ts - current.entryMs >= MIN_VISIT_MS) {
        this.visits.push({ truck, facilityId: current.facilityId, entryMs: current.entryMs,
          exitMs: fix.ts });
      }
    }

    for (const [facilityId] of this.ctx.registry.weighbridgesByFacility) {
      const facility = this.ctx.registry.facilities.get(facilityId);
      if (facility && distanceM([fix.lat, fix.lon], [facility.lat, facility.lon]) <=
        facility.radiusM) {
        this.inside.set(truck.id, { facilityId, entryMs: fix.ts });
        return;
      }
    }
  }

  onWeighing(bridge: Weighbridge, weighing: AcceptedWeighing): void {
    const seen = this.seenTickets.get(bridge.id) ?? new Set<number>();
    if (seen.has(weighing.ticket)) return;
    seen.add(weighing.ticket);
    this.seenTickets.set(bridge.id, seen);
    this.trackSequence(bridge, weighing);

    const truck = this.ctx.registry.truckByPlate.get(normalizePlate(weighing.plate)) ?? null;
    const who = { facilityId: bridge.facilityId, weighbridgeId: bridge.id };
    this.weighed.push({ truckId: truck?.id ?? null, facilityId: bridge.facilityId,
      ts: weighing.ts });
    if (!truck) {
      this.ctx.raise('weighing_unmatched', weighing.ts, who);
      return;
    }

    const routeId = this.ctx.shiftAt(truck.id, weighing.ts)?.route.id ?? null;
    const netKg = weighing.grossKg - (weighing.tareKg ?? truck.tareKg);
    if (netKg > truck.ratedPayloadKg) {
      this.ctx.raise('overweight', weighing.ts, { ...who, truckId: truck.id, routeId });
    }
    this.unmatchedChecks.push({ truck, bridge, ts: weighing.ts });
  }

  tick(): void {
    const clock = this.ctx.clockMs;
    this.takeDue(this.visits, (visit) => visit.exitMs + MISSING_AFTER_EXIT_MS, clock)
      .forEach((visit) => this.judgeVisit(visit));
    this.takeDue(this.gaps, (gap) => gap.deadline, clock).forEach((gap) => {
      const seen = this.seenTickets.get(gap.bridge.id)!;
      const missingTickets = gap.missing.filter((ticket) => !seen.has(ticket));
      if (missingTickets.length > 0) {
        this.ctx.raise('weighing_sequence_gap', gap.deadline, { facilityId: gap.bridge.facilityId,
          weighbridgeId: gap.bridge.id }, { missingTickets });
      }
    });
    this.takeDue(this.unmatchedChecks, (check) => check.ts + MATCH_WINDOW_MS, clock)
      .forEach((check) => this.judgeWhereabouts(check));
  }

  private trackSequence(bridge: Weighbridge, weighing: AcceptedWeighing): void {
    const max = this.maxTicket.get(bridge.id);
    if (max !== undefined && weighing.ticket > max + 1) {
      const missing = Array.from({ length: weighing.ticket - max - 1 }, (_, i) => max + 1 + i);
      this.gaps.push({ bridge, missing, deadline: weighing.ts + GAP_GRACE_MS });
    }
    this.maxTicket.set(bridge.id, Math.max(max ?? weighing.ticket, weighing.ticket));
  }

  private judgeVisit(visit: Visit): void {
    const weighed = this.weighed.some((w) => w.truckId === visit.truck.id &&
      w.facilityId === visit.facilityId && w.ts >= visit.entryMs - MATCH_WINDOW_MS &&
      w.ts <= visit.exitMs + MATCH_WINDOW_MS);
    if (weighed) return;

    this.ctx.raise('weighing_missing', visit.exitMs + MISSING_AFTER_EXIT_MS, {
      truckId: visit.truck.id,
      routeId: this.ctx.shiftAt(visit.truck.id, visit.entryMs)?.route.id ?? null,
      facilityId: visit.facilityId,
    }, { enteredAt: new Date(visit.entryMs).toISOString(),
      exitedAt: new Date(visit.exitMs).toISOString() });
  }

  /** The matched truck was seen elsewhere around the weighing: the plate is suspect. */
  private judgeWhereabouts(check: { truck: Truck; bridge: Weighbridge; ts: number }): void {
    const facility = this.ctx.registry.facilities.get(check.bridge.facilityId)!;
    const near = this.fixesOf(check.truck.id).filter((fix) =>
      Math.abs(fix.ts - check.ts) <= MATCH_WINDOW_MS);
    const inside = near.some((fix) => distanceM([fix.lat, fix.lon], [facility.lat, facility.lon])
      <= facility.radiusM);
    if (near.length === 0 || inside) return;

    this.ctx.raise('weighing_unmatched', check.ts + MATCH_WINDOW_MS, {
      truckId: check.truck.id,
      routeId: this.ctx.shiftAt(check.truck.id, check.ts)?.route.id ?? null,
      facilityId: facility.id,
      weighbridgeId: check.bridge.id,
    });
  }

  private takeDue<T>(list: T[], deadlineOf: (item: T) => number, clock: number): T[] {
    const due = list.filter((item) => clock > deadlineOf(item));
    if (due.length === 0) return due;
    const remaining = list.filter((item) => clock <= deadlineOf(item));
    list.splice(0, list.length, ...remaining);
    return due.sort((a, b) => deadlineOf(a) - deadlineOf(b));
  }
}
