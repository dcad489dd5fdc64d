/**
 * The city-day generator: a pure function from (registry, seed, window, trucks, scenario) to
 * the messages every device would send and the alerts they must raise.
 */
import type { Registry } from '@sanitation/registry';
import { EMPTY_SCENARIO, Fault } from './scenario';
import { Rng } from './rng';
import { resolveAt, Shift, shiftsInWindow } from './shifts';
import { planTrip, TripPlan } from './trip-plan';
import { sampleFixes, sampleReads, SimFix, SimRead } from './trip-sample';
import { bridgesAt, numberTickets, TicketDraft } from './tickets';
import { emitMessages, Outage } from './emit';
import { evaluateTruth } from './truth/evaluate';
import type { CityDay, CityDayOptions } from './types';
import { isoUtc } from '@sanitation/contracts';

export interface Trip {
  shift: Shift;
  plan: TripPlan;
  fixes: SimFix[];
  reads: SimRead[];
}

const TRUCK_FAULTS = new Set(['gps_dropout', 'dropout_then_buffered_upload', 'track_jump',
  'detour', 'skipped_bins', 'overload', 'visit_without_weighing', 'plate_at_wrong_facility']);

export function generateCityDay(registry: Registry, options: CityDayOptions): CityDay {
  const scenario = options.scenario ?? EMPTY_SCENARIO;
  const endMs = options.startMs + options.hours * 3_600_000;
  const { shifts, warnings } = shiftsInWindow(registry, options.startMs, endMs, options.truckIds);
  const faultsByShift = assignTruckFaults(registry, scenario.faults, shifts);

  const trips = shifts.map((shift) => buildTrip(registry, options.seed, shift,
    faultsByShift.get(shift) ?? []));
  trips.forEach(({ plan }) => {
    if (plan.pieces[plan.pieces.length - 1].fromMs > plan.shiftEndMs - 5 * 60_000) {
      warnings.push(`route ${plan.route.id}: the trip barely fits its shift`);
    }
  });

  const drafts = numberTickets(ticketDrafts(registry, options, trips, faultsByShift));
  markLostTickets(scenario.faults, trips, drafts);
  const outages = gpsOutages(registry, trips, faultsByShift);
  const emitted = emitMessages(registry, options, scenario, trips, drafts, outages);

  const alerts = evaluateTruth(registry, emitted.messages);
  return {
    messages: emitted.messages,
    warnings,
    truth: {
      scenario: scenario.name ?? 'unnamed',
      seed: options.seed,
      start: isoUtc(options.startMs),
      alerts,
      deadLetters: emitted.deadLetters,
    },
  };
}

function buildTrip(registry: Registry, seed: string, shift: Shift, faults: Fault[]): Trip {
  const rng = new Rng(seed, shift.route.id, shift.startMs);
  const timezone = registry.timezone;
  const at = (fault: Fault, defaultS: number) => resolveAt(fault.at, shift.startMs, defaultS,
    timezone);

  const skippedBinIds = new Set<string>();
  faults.filter((fault) => fault.type === 'skipped_bins').forEach((fault) => {
    const ids = fault.binIds ?? shift.route.binIds.slice(-(fault.count ?? 2));
    ids.forEach((id) => skippedBinIds.add(id));
  });
  const truck = registry.trucks.get(shift.truckId)!;
  const overload = faults.find((fault) => fault.type === 'overload');
  const loadKg = overload ? overload.loadKg ??
    Math.round((truck.ratedPayloadKg * (overload.factor ?? 1.15)) / 20) * 20 : undefined;

  const plan = planTrip(registry, shift.route, shift.startMs, shift.endMs, rng,
    { skippedBinIds, loadKg });
  const fixes = sampleFixes(plan, rng, {
    firstSeq: new Rng(seed, 'seq', shift.truckId, shift.startMs).int(1_000, 60_000),
    corridorM: shift.route.corridorM ?? 200,
    detours: faults.filter((fault) => fault.type === 'detour').map((fault) => {
      const fromMs = at(fault, 1800);
      return { fromMs, toMs: fromMs + (fault.durationS ?? 600) * 1000,
        offsetM: fault.offsetM ?? 800 };
    }),
    jumps: faults.filter((fault) => fault.type === 'track_jump')
      .map((fault) => ({ atMs: at(fault, 1800), jumpM: fault.jumpM ?? 3000 })),
  });
  return { shift, plan, fixes, reads: sampleReads(plan, rng) };
}

/** Truck and route faults go to the shift they name by time, or to the truck's first shift. */
function assignTruckFaults(registry: Registry, faults: Fault[], shifts: Shift[]):
  Map<Shift, Fault[]> {
  const byShift = new Map<Shift, Fault[]>();
  for (const fault of faults) {
    if (!TRUCK_FAULTS.has(fault.type) && !(fault.type === 'lost_ticket' && fault.truckId) &&
      !(fault.type === 'malformed' && (fault.truckId || fault.routeId))) continue;

    const candidates = shifts.filter((shift) => (fault.routeId ? shift.route.id === fault.routeId
      : shift.truckId === fault.truckId));
    if (candidates.length === 0) {
      throw new Error(`fault ${fault.type}: no simulated shift of ${fault.routeId ??
        fault.truckId ?? '(no truck or route named)'}`);
    }
    const absolute = typeof fault.at === 'string'
      ? resolveAt(fault.at, candidates[0].startMs, 0, registry.timezone) : null;
    const shift = candidates.find((candidate) => absolute !== null &&
      absolute >= candidate.startMs && absolute < candidate.endMs) ?? candidates[0];
    byShift.set(shift, [...(byShift.get(shift) ?? []), fault]);
  }
  return byShift;
}

function ticketDrafts(registry: Registry, options: CityDayOptions, trips: Trip[],
  faultsByShift: Map<Shift, Fault[]>): TicketDraft[] {
  const drafts: TicketDraft[] = [];
  for (const trip of trips) {
    const faults = faultsByShift.get(trip.shift) ?? [];
    const bridges = bridgesAt(registry, trip.shift.route.facilityId);
    const { plan } = trip;
    if (plan.weighAtMs !== null && bridges.length > 0 &&
      !faults.some((fault) => fault.type === 'visit_without_weighing')) {
      const rng = new Rng(options.seed, 'weigh', trip.shift.route.id, trip.shift.startMs);
      drafts.push({ weighbridgeId: rng.pick(bridges), ts: plan.weighAtMs,
        plate: plan.truck.plate, grossKg: plan.truck.tareKg + plan.loadKg,
        tareKg: plan.truck.tareKg, truckId: plan.truck.id, routeId: plan.route.id });
    }

    for (const fault of faults.filter((f) => f.type === 'plate_at_wrong_facility')) {
      const weighbridgeId = fault.weighbridgeId ?? otherBridge(registry, plan);
      drafts.push({ weighbridgeId, ts: resolveAt(fault.at, trip.shift.startMs, 2400,
        registry.timezone), plate: plan.truck.plate, grossKg: plan.truck.tareKg + 3000,
      tareKg: plan.truck.tareKg, truckId: plan.truck.id, routeId: plan.route.id });
    }
  }

  for (const fault of (options.scenario ?? EMPTY_SCENARIO).faults) {
    if (fault.type !== 'unknown_plate') continue;
    drafts.push({ weighbridgeId: requireBridge(registry, fault), ts: resolveAt(fault.at,
      options.startMs, 4 * 3600, registry.timezone), plate: fault.plate ?? '辽L·Z9999',
    grossKg: 17_560, tareKg: 11_900, truckId: null, routeId: null });
  }
  return drafts;
}

/** A weighbridge at some other facility than the truck's own, for plate_at_wrong_facility. */
function otherBridge(registry: Registry, plan: TripPlan): string {
  const other = [...registry.weighbridges.values()].map((bridge) => bridge)
    .sort((a, b) => a.id.localeCompare(b.id))
    .find((bridge) => bridge.facilityId !== plan.route.facilityId);
  if (!other) throw new Error('plate_at_wrong_facility needs a weighbridge at another facility');
  return other.id;
}

function requireBridge(registry: Registry, fault: Fault): string {
  if (!fault.weighbridgeId || !registry.weighbridges.has(fault.weighbridgeId)) {
    throw new Error(`fault ${fault.type}: weighbridgeId "${fault.weighbridgeId}" is not known`);
  }
  return fault.weighbridgeId;
}

function markLostTickets(faults: Fault[], trips: Trip[], drafts: TicketDraft[]): void {
  for (const fault of faults.filter((f) => f.type === 'lost_ticket')) {
    const lost = fault.truckId
      ? drafts.find((draft) => draft.truckId === fault.truckId && trips.some((trip) =>
        trip.plan.route.id === draft.routeId &&
        (!fault.routeId || fault.routeId === draft.routeId)))
      : drafts.find((draft) => draft.weighbridgeId === fault.weighbridgeId &&
        draft.ticket === fault.ticket);
    if (!lost) throw new Error(`fault lost_ticket: no ticket of ${fault.truckId ??
      `${fault.weighbridgeId} #${fault.ticket}`} in the simulated window`);
    lost.lost = true;
  }
}

function gpsOutages(registry: Registry, trips: Trip[], faultsByShift: Map<Shift, Fault[]>):
  Outage[] {
  const outages: Outage[] = [];
  for (const trip of trips) {
    for (const fault of faultsByShift.get(trip.shift) ?? []) {
      if (fault.type !== 'gps_dropout' && fault.type !== 'dropout_then_buffered_upload') continue;
      const fromMs = resolveAt(fault.at, trip.shift.startMs, 3600, registry.timezone);
      outages.push({ deviceId: trip.plan.truck.gpsDeviceId ?? '', fromMs,
        toMs: fromMs + (fault.durationS ?? 900) * 1000,
        buffered: fault.type === 'dropout_then_buffered_upload' });
    }
  }
  return outages;
}
