/** InfluxQL rows (tags merged in, times as epoch ms) back to records. */
import type { FixRecord, ReadRecord } from '@sanitation/contracts';
import type { Row } from './influxql-client';

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

const str = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

function withDefined<T extends object>(record: T): T {
  for (const key of Object.keys(record) as (keyof T)[]) {
    if (record[key] === undefined) delete record[key];
  }
  return record;
}

export function rowToFix(row: Row): FixRecord {
  return withDefined({
    deviceId: String(row.deviceId),
    truckId: str(row.truckId),
    ts: Number(row.time),
    lat: Number(row.lat),
    lon: Number(row.lon),
    speedKmh: num(row.speedKmh),
    headingDeg: num(row.headingDeg),
    hdop: num(row.hdop),
    sats: num(row.sats),
    ignition: typeof row.ignition === 'boolean' ? row.ignition : undefined,
    seq: num(row.seq),
    receivedAt: Number(row.receivedAt),
  });
}

export function rowToRead(row: Row): ReadRecord {
  return withDefined({
    deviceId: String(row.deviceId),
    truckId: str(row.truckId),
    ts: Number(row.time),
    tag: String(row.tag),
    binId: str(row.binId),
    rssi: num(row.rssi),
    antenna: num(row.antenna),
    receivedAt: Number(row.receivedAt),
  });
}
