/** Rows of the embedded store to and from the records of @sanitation/contracts. */
import type {
  DeadLetter,
  FixRecord,
  ReadRecord,
  WasteStream,
  WeighingFlag,
  WeighingRecord,
} from '@sanitation/contracts';

type Row = Record<string, unknown>;

const orUndefined = <T>(value: unknown): T | undefined =>
  value === null || value === undefined ? undefined : (value as T);

export function fixToRow(fix: FixRecord): Row {
  return {
    device_id: fix.deviceId,
    ts: fix.ts,
    truck_id: fix.truckId,
    lat: fix.lat,
    lon: fix.lon,
    speed_kmh: fix.speedKmh ?? null,
    heading_deg: fix.headingDeg ?? null,
    hdop: fix.hdop ?? null,
    sats: fix.sats ?? null,
    ignition: fix.ignition === undefined ? null : Number(fix.ignition),
    seq: fix.seq ?? null,
    received_at: fix.receivedAt,
  };
}

export function rowToFix(row: Row): FixRecord {
  const ignition = orUndefined<number>(row.ignition);
  return {
    deviceId: row.device_id as string,
    truckId: (row.truck_id as string | null) ?? null,
    ts: row.ts as number,
    lat: row.lat as number,
    lon: row.lon as number,
    speedKmh: orUndefined(row.speed_kmh),
    headingDeg: orUndefined(row.heading_deg),
    hdop: orUndefined(row.hdop),
    sats: orUndefined(row.sats),
    ignition: ignition === undefined ? undefined : ignition === 1,
    seq: orUndefined(row.seq),
    receivedAt: row.received_at as number,
  };
}

export function readToRow(read: ReadRecord): Row {
  return {
    device_id: read.deviceId,
    tag: read.tag,
    ts: read.ts,
    truck_id: read.truckId,
    bin_id: read.binId,
    rssi: read.rssi ?? null,
    antenna: read.antenna ?? null,
    received_at: read.receivedAt,
  };
}

export function rowToRead(row: Row): ReadRecord {
  return {
    deviceId: row.device_id as string,
    truckId: (row.truck_id as string | null) ?? null,
    ts: row.ts as number,
    tag: row.tag as string,
    binId: (row.bin_id as string | null) ?? null,
    rssi: orUndefined(row.rssi),
    antenna: orUndefined(row.antenna),
    receivedAt: row.received_at as number,
  };
}

export function weighingToRow(weighing: WeighingRecord): Row {
  return {
    device_id: weighing.deviceId,
    ticket: weighing.ticket,
    weighbridge_id: weighing.weighbridgeId,
    facility_id: weighing.facilityId,
    ts: weighing.ts,
    plate: weighing.plate,
    plate_normalized: weighing.plateNormalized,
    truck_id: weighing.truckId,
    gross_kg: weighing.grossKg,
    tare_kg: weighing.tareKg,
    tare_source: weighing.tareSource,
    net_kg: weighing.netKg,
    stream: weighing.stream,
    route_id: weighing.routeId,
    district: weighing.district,
    flags: JSON.stringify(weighing.flags),
    matched_by: weighing.matchedBy,
    received_at: weighing.receivedAt,
  };
}

export function rowToWeighing(row: Row): WeighingRecord {
  return {
    deviceId: row.device_id as string,
    weighbridgeId: row.weighbridge_id as string,
    facilityId: row.facility_id as string,
    ticket: row.ticket as number,
    ts: row.ts as number,
    plate: row.plate as string,
    plateNormalized: row.plate_normalized as string,
    truckId: (row.truck_id as string | null) ?? null,
    grossKg: row.gross_kg as number,
    tareKg: (row.tare_kg as number | null) ?? null,
    tareSource: (row.tare_source as WeighingRecord['tareSource']) ?? null,
    netKg: (row.net_kg as number | null) ?? null,
    stream: (row.stream as WasteStream | null) ?? null,
    routeId: (row.route_id as string | null) ?? null,
    district: (row.district as string | null) ?? null,
    flags: JSON.parse(row.flags as string) as WeighingFlag[],
    matchedBy: (row.matched_by as string | null) ?? null,
    receivedAt: row.received_at as number,
  };
}

export function deadLetterToRow(letter: DeadLetter): Row {
  return {
    id: letter.id,
    received_at: letter.receivedAt,
    topic: letter.topic,
    device_id: letter.deviceId,
    idx: letter.index,
    reason: letter.reason,
    message: letter.message,
    payload: letter.payload ?? null,
    payload_base64: letter.payloadBase64 ?? null,
  };
}

export function rowToDeadLetter(row: Row): DeadLetter {
  const letter: DeadLetter = {
    id: row.id as string,
    receivedAt: row.received_at as number,
    topic: row.topic as string,
    deviceId: (row.device_id as string | null) ?? null,
    index: (row.idx as number | null) ?? null,
    reason: row.reason as DeadLetter['reason'],
    message: row.message as string,
  };
  if (row.payload !== null) letter.payload = row.payload as string;
  if (row.payload_base64 !== null) letter.payloadBase64 = row.payload_base64 as string;
  return letter;
}
