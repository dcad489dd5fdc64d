/** Small records for the InfluxDB store's tests and benchmark. */
import type { DeadLetter, StatusRecord, WeighingRecord } from '@sanitation/contracts';

export const T0 = Date.UTC(2026, 11, 3, 2, 0, 0); // 2026-12-03 10:00 in Panjin

/** The same records the store contract suite uses. */
export { fix, read } from '../contract/fixtures';

export function weighing(ticket: number, ts: number, extra: Partial<WeighingRecord> = {}) {
  const record: WeighingRecord = {
    deviceId: 'wb-inc-1',
    weighbridgeId: 'WB-INC-1',
    facilityId: 'FAC-INC',
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
  return record;
}

export function status(deviceId: string, ts: number): StatusRecord {
  return { deviceId, kind: 'gps', ts, online: true, fw: '1.2.3', batteryPct: 87, receivedAt: ts };
}

export function deadLetter(id: string, receivedAt: number): DeadLetter {
  return {
    id,
    receivedAt,
    topic: 'sanitation/v1/gps/gps-T001/fix',
    deviceId: 'gps-T001',
    index: 3,
    reason: 'out_of_range',
    message: 'lat 91 is outside -90..90',
    payload: '{"ts":1,"lat":91,"lon":1}',
  };
}
