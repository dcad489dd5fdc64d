/** Records for the store contract suite, dated a few days back so that any retention keeps them. */
import {
  emptyBatch,
  type DeadLetter,
  type FixRecord,
  type ReadRecord,
  type StatusRecord,
  type TelemetryBatch,
  type WeighingRecord,
} from '@sanitation/contracts';

export const ZONE = 'Asia/Shanghai';
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Asia/Shanghai is UTC+8 all year; computed here apart from the stores' own calendar code. */
const ZONE_OFFSET_MS = 8 * HOUR_MS;

/** Local midnight starting the day ten days before today. */
export const DAY0 =
  Math.floor((Date.now() - 10 * DAY_MS + ZONE_OFFSET_MS) / DAY_MS) * DAY_MS - ZONE_OFFSET_MS;
/** 10:00 local on DAY0. */
export const T0 = DAY0 + 10 * HOUR_MS;

/** Local midnight starting the month `monthsAfter` months after the one holding DAY0. */
export function localMonthStart(monthsAfter: number): number {
  const local = new Date(DAY0 + ZONE_OFFSET_MS);
  const utc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + monthsAfter, 1);
  return utc - ZONE_OFFSET_MS;
}

export const MONTH0 = localMonthStart(0);

export const batch = (part: Partial<TelemetryBatch>): TelemetryBatch => ({
  ...emptyBatch(),
  ...part,
});

export function fix(deviceId: string, ts: number, extra: Partial<FixRecord> = {}): FixRecord {
  return {
    deviceId,
    truckId: deviceId.replace(/^gps-/, ''),
    ts,
    lat: 41.12 + (ts % 10_000) / 1e6,
    lon: 122.0711,
    speedKmh: 18.4,
    headingDeg: 92,
    hdop: 0.9,
    sats: 11,
    ignition: true,
    seq: ts % 100_000,
    receivedAt: ts + 120,
    ...extra,
  };
}

export function read(deviceId: string, ts: number, tag: string): ReadRecord {
  return {
    deviceId,
    truckId: deviceId.replace(/^rfid-/, ''),
    ts,
    tag,
    binId: `B-${tag.slice(-4)}`,
    rssi: -51,
    antenna: 1,
    receivedAt: ts + 50,
  };
}

const BRIDGES = {
  'WB-INC-1': { deviceId: 'wb-inc-1', facilityId: 'FAC-INC' },
  'WB-INC-2': { deviceId: 'wb-inc-2', facilityId: 'FAC-INC' },
  'WB-KIT-1': { deviceId: 'wb-kit-1', facilityId: 'FAC-KIT' },
} as const;

export type BridgeId = keyof typeof BRIDGES;

export function weighing(
  bridge: BridgeId,
  ticket: number,
  ts: number,
  extra: Partial<WeighingRecord> = {},
): WeighingRecord {
  return {
    ...BRIDGES[bridge],
    weighbridgeId: bridge,
    ticket,
    ts,
    plate: '辽L·A1234',
    plateNormalized: '辽LA1234',
    truckId: 'T001',
    grossKg: 18_250,
    tareKg: 11_800,
    tareSource: 'ticket',
    netKg: 6_450,
    stream: 'residual',
    routeId: 'R01',
    district: '兴隆台区',
    flags: [],
    matchedBy: null,
    receivedAt: ts + 1_000,
    ...extra,
  };
}

/** A ticket whose plate matched no truck: no tare known, so no net weight either. */
export function unmatched(bridge: BridgeId, ticket: number, ts: number): WeighingRecord {
  return weighing(bridge, ticket, ts, {
    plate: '辽X·9999',
    plateNormalized: '辽X9999',
    truckId: null,
    tareKg: null,
    tareSource: null,
    netKg: null,
    stream: null,
    routeId: null,
    district: null,
    flags: ['unmatched'],
  });
}

export function status(deviceId: string, ts: number): StatusRecord {
  return { deviceId, kind: 'gps', ts, online: true, fw: '1.2.3', batteryPct: 87, receivedAt: ts };
}

export function deadLetter(id: string, receivedAt: number, extra: Partial<DeadLetter> = {}) {
  const letter: DeadLetter = {
    id,
    receivedAt,
    topic: 'sanitation/v1/gps/gps-T001/fix',
    deviceId: 'gps-T001',
    index: 3,
    reason: 'out_of_range',
    message: 'lat 91 is outside -90..90',
    payload: '{"ts":1,"lat":91,"lon":1}',
    ...extra,
  };
  return letter;
}

export const page = (limit = 1_000, offset = 0) => ({ limit, offset });
