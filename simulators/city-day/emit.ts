/** Turns trips and tickets into the time-ordered MQTT messages of every device. */
import { DeviceChannel, DeviceKind, deviceTopic } from '@sanitation/contracts';
import type { Registry } from '@sanitation/registry';
import { chunkRecords } from '@sanitation/devices';
import { isoLocal } from './local-time';
import { malformedPayload } from './malformed';
import { MALFORMED_KINDS, Scenario } from './scenario';
import { resolveAt } from './shifts';
import { Rng } from './rng';
import type { TicketDraft } from './tickets';
import type { Trip } from './generate';
import type { CityDayOptions, ExpectedDeadLetter, SimMessage } from './types';

/** A device's link is down from fromMs to toMs; `buffered` records are uploaded at toMs. */
export interface Outage {
  deviceId: string;
  fromMs: number;
  toMs: number;
  buffered: boolean;
}

/** Weighbridge PCs report their status every minute, which keeps the §4 event clock moving. */
const HEARTBEAT_MS = 60_000;
/** Traffic continues this long past the last shift, so every §4 deadline is judged. */
const TAIL_MS = 40 * 60_000;

export function emitMessages(registry: Registry, options: CityDayOptions, scenario: Scenario,
  trips: Trip[], drafts: TicketDraft[], outages: Outage[]):
  { messages: SimMessage[]; deadLetters: ExpectedDeadLetter[] } {
  const timezone = registry.timezone;
  const latency = new Rng(options.seed, 'latency');
  const drafted: (SimMessage & { order: number })[] = [];
  const push = (t: number, deviceId: string, kind: DeviceKind, channel: DeviceChannel,
    payload: string | Buffer, retain = false) => {
    drafted.push({ t, deviceId, kind, channel, topic: deviceTopic(kind, deviceId, channel),
      payload, retain, order: drafted.length });
  };
  const status = (ts: number, online: boolean) => JSON.stringify({ online,
    ts: isoLocal(ts, timezone, false) });

  for (const trip of trips) {
    const { truck } = trip.plan;
    const gps = truck.gpsDeviceId;
    const rfid = truck.rfidDeviceId;
    const onAt = Math.max(options.startMs + 1, trip.plan.pieces[0].fromMs - 30_000);
    const offAt = trip.fixes[trip.fixes.length - 1].ts + 30_000;

    if (gps) {
      push(onAt, gps, 'gps', 'status', status(onAt, true), true);
      emitFixes(trip, gps, outages.filter((outage) => outage.deviceId === gps), timezone, latency,
        push);
      push(offAt, gps, 'gps', 'status', status(offAt, false), true);
    }
    if (rfid) {
      push(onAt, rfid, 'rfid', 'status', status(onAt, true), true);
      for (const read of trip.reads) {
        push(read.ts + latency.int(100, 400), rfid, 'rfid', 'read', JSON.stringify(read));
      }
      push(offAt, rfid, 'rfid', 'status', status(offAt, false), true);
    }
  }

  const lastShiftEnd = Math.max(options.startMs, ...trips.map((trip) => trip.shift.endMs));
  const lastTicket = Math.max(options.startMs, ...drafts.map((draft) => draft.ts));
  const streamEndMs = Math.max(lastShiftEnd, lastTicket) + TAIL_MS;
  emitWeighbridges(registry, options, scenario, trips, drafts, streamEndMs, latency, push);
  const deadLetters = emitMalformed(registry, options, scenario, trips, push);

  drafted.sort((a, b) => a.t - b.t || a.order - b.order);
  const messages = drafted.map(({ order: _order, ...message }) => message);
  return { messages, deadLetters };
}

type Push = (t: number, deviceId: string, kind: DeviceKind, channel: DeviceChannel,
  payload: string | Buffer, retain?: boolean) => void;

function emitFixes(trip: Trip, gps: string, outages: { fromMs: number; toMs: number;
  buffered: boolean }[], timezone: string, latency: Rng, push: Push): void {
  const kept = new Map<(typeof outages)[number], string[]>();
  for (const fix of trip.fixes) {
    const element = JSON.stringify({ ...fix, ts: isoLocal(fix.ts, timezone) });
    const outage = outages.find((o) => fix.ts >= o.fromMs && fix.ts < o.toMs);
    if (!outage) push(fix.ts + latency.int(50, 600), gps, 'gps', 'fix', element);
    else if (outage.buffered) kept.set(outage, [...(kept.get(outage) ?? []), element]);
  }

  for (const [outage, elements] of kept) {
    chunkRecords(elements).forEach((chunk, index) => push(outage.toMs + index, gps, 'gps', 'fix',
      `[${chunk.join(',')}]`));
  }
}

function emitWeighbridges(registry: Registry, options: CityDayOptions, scenario: Scenario,
  trips: Trip[], drafts: TicketDraft[], streamEndMs: number, latency: Rng, push: Push): void {
  const timezone = registry.timezone;
  const bridgeIds = new Set<string>(drafts.map((draft) => draft.weighbridgeId));
  trips.forEach((trip) => (registry.weighbridgesByFacility.get(trip.shift.route.facilityId ?? '')
    ?? []).forEach((bridge) => bridgeIds.add(bridge.id)));

  for (const bridgeId of [...bridgeIds].sort()) {
    const deviceId = registry.weighbridges.get(bridgeId)!.deviceId;
    const offline = scenario.faults
      .filter((fault) => fault.type === 'weighbridge_offline_then_sync' &&
        fault.weighbridgeId === bridgeId)
      .map((fault) => {
        const fromMs = resolveAt(fault.at, options.startMs, 4 * 3600, timezone);
        return { fromMs, toMs: fromMs + (fault.durationS ?? 3600) * 1000 };
      });
    const isOffline = (ms: number) => offline.some((o) => ms >= o.fromMs && ms < o.toMs);

    for (let ts = options.startMs; ts <= streamEndMs; ts += HEARTBEAT_MS) {
      if (isOffline(ts)) continue;
      push(ts, deviceId, 'weighbridge', 'status', JSON.stringify({ online: true,
        ts: isoLocal(ts, timezone, false) }), true);
    }

    const mine = drafts.filter((draft) => draft.weighbridgeId === bridgeId && !draft.lost)
      .sort((a, b) => a.ticket! - b.ticket!);
    const synced = new Map<(typeof offline)[number], string[]>();
    for (const draft of mine) {
      const element = JSON.stringify({ ticket: draft.ticket, ts: isoLocal(draft.ts, timezone,
        false), plate: draft.plate, grossKg: draft.grossKg, tareKg: draft.tareKg });
      const window = offline.find((o) => draft.ts >= o.fromMs && draft.ts < o.toMs);
      if (window) synced.set(window, [...(synced.get(window) ?? []), element]);
      else push(draft.ts + latency.int(2_000, 8_000), deviceId, 'weighbridge', 'weighing', element);
    }
    for (const [window, elements] of synced) {
      chunkRecords(elements).forEach((chunk, index) => push(window.toMs + 1_000 + index, deviceId,
        'weighbridge', 'weighing', `[${chunk.join(',')}]`));
    }
  }
}

function emitMalformed(registry: Registry, options: CityDayOptions, scenario: Scenario,
  trips: Trip[], push: Push): ExpectedDeadLetter[] {
  const deadLetters: ExpectedDeadLetter[] = [];
  for (const fault of scenario.faults.filter((f) => f.type === 'malformed')) {
    const trip = trips.find((candidate) => candidate.shift.truckId === fault.truckId ||
      candidate.shift.route.id === fault.routeId);
    const anchorMs = trip?.shift.startMs ?? options.startMs;
    const atMs = resolveAt(fault.at, anchorMs, 1200, registry.timezone);
    const device = malformedDevice(registry, fault.device ?? (trip ? 'gps' : 'weighbridge'),
      trip, fault.weighbridgeId);
    const channel = ({ gps: 'fix', rfid: 'read', weighbridge: 'weighing' } as const)[device.kind];

    (fault.kinds ?? [...MALFORMED_KINDS]).forEach((kind, index) => {
      const bad = malformedPayload(channel, kind, isoLocal(atMs, registry.timezone));
      if (!bad) return;
      const t = atMs + index * 1_000 + 500;
      push(t, device.id, device.kind, channel, bad.payload);
      deadLetters.push({ topic: deviceTopic(device.kind, device.id, channel), deviceId: device.id,
        reason: bad.reason, t });
    });
  }
  return deadLetters;
}

function malformedDevice(registry: Registry, kind: 'gps' | 'rfid' | 'weighbridge',
  trip: Trip | undefined, weighbridgeId: string | undefined): { id: string; kind: DeviceKind } {
  if (kind === 'weighbridge') {
    const bridge = registry.weighbridges.get(weighbridgeId ?? '');
    if (!bridge) throw new Error(`fault malformed: weighbridgeId "${weighbridgeId}" is not known`);
    return { id: bridge.deviceId, kind };
  }
  const id = kind === 'gps' ? trip?.plan.truck.gpsDeviceId : trip?.plan.truck.rfidDeviceId;
  if (!id) throw new Error('fault malformed: name a simulated truck or route with that device');
  return { id, kind };
}
