/** Records to line protocol. The schema is documented in SCHEMA.md; keep them in step. */
import type {
  DeadLetter,
  FixRecord,
  ReadRecord,
  StatusRecord,
  WeighingRecord,
} from '@sanitation/contracts';
import { timeNs, toLine, type FieldValue } from './line-protocol';

export const MEASUREMENT = {
  fix: 'fix',
  read: 'read',
  weighing: 'weighing',
  status: 'device_status',
  deadLetter: 'dead_letter',
} as const;

const int = (value: number | null | undefined): FieldValue =>
  value === undefined || value === null ? undefined : { int: value };

export function fixLine(fix: FixRecord): string {
  return toLine(
    MEASUREMENT.fix,
    { deviceId: fix.deviceId, truckId: fix.truckId },
    {
      lat: fix.lat,
      lon: fix.lon,
      speedKmh: fix.speedKmh,
      headingDeg: fix.headingDeg,
      hdop: fix.hdop,
      sats: int(fix.sats),
      ignition: fix.ignition,
      seq: int(fix.seq),
      receivedAt: int(fix.receivedAt),
    },
    timeNs(fix.ts),
  );
}

export function readLine(read: ReadRecord): string {
  return toLine(
    MEASUREMENT.read,
    { deviceId: read.deviceId, truckId: read.truckId },
    {
      tag: read.tag,
      binId: read.binId,
      rssi: read.rssi,
      antenna: int(read.antenna),
      receivedAt: int(read.receivedAt),
    },
    timeNs(read.ts, read.tag),
  );
}

export function weighingTimeNs(weighing: Pick<WeighingRecord, 'ts' | 'ticket'>): bigint {
  return timeNs(weighing.ts, `ticket:${weighing.ticket}`);
}

export function weighingLine(w: WeighingRecord): string {
  return toLine(
    MEASUREMENT.weighing,
    {
      deviceId: w.deviceId,
      weighbridgeId: w.weighbridgeId,
      facilityId: w.facilityId,
      truckId: w.truckId,
      stream: w.stream,
      district: w.district,
    },
    {
      ticket: int(w.ticket),
      plate: w.plate,
      plateNormalized: w.plateNormalized,
      grossKg: w.grossKg,
      tareKg: w.tareKg,
      tareSource: w.tareSource,
      netKg: w.netKg,
      routeId: w.routeId,
      flags: w.flags.join(','),
      matchedBy: w.matchedBy,
      receivedAt: int(w.receivedAt),
    },
    weighingTimeNs(w),
  );
}

export function statusLine(status: StatusRecord): string {
  return toLine(
    MEASUREMENT.status,
    { deviceId: status.deviceId, kind: status.kind },
    {
      online: status.online,
      fw: status.fw,
      batteryPct: status.batteryPct,
      receivedAt: int(status.receivedAt),
    },
    timeNs(status.ts),
  );
}

/** A count for Grafana; the full dead letter (payload included) is kept in SQLite. */
export function deadLetterLine(dead: DeadLetter): string {
  return toLine(
    MEASUREMENT.deadLetter,
    { reason: dead.reason },
    {
      count: { int: 1 },
      id: dead.id,
      deviceId: dead.deviceId,
      topic: dead.topic,
      index: int(dead.index),
      message: dead.message,
    },
    timeNs(dead.receivedAt, dead.id),
  );
}
