/** Test fixtures: a two-truck city and the records the API specs read back. */
import {
  Alert,
  emptyBatch,
  FixRecord,
  RegistryFile,
  TelemetryBatch,
  TruckState,
  WeighingRecord,
} from '@sanitation/contracts';

export const CITY: RegistryFile = {
  city: 'Panjin',
  timezone: 'Asia/Shanghai',
  facilities: [
    { id: 'FAC-INC', name: '盘锦市生活垃圾焚烧发电厂', kind: 'incinerator', lat: 41.052,
      lon: 122.101, radiusM: 250, district: '兴隆台区' },
  ],
  weighbridges: [{ id: 'WB-INC-1', facilityId: 'FAC-INC', deviceId: 'wb-inc-1' }],
  trucks: [
    { id: 'T001', plate: '辽L·A1234', stream: 'residual', ratedPayloadKg: 8000, tareKg: 11800,
      gpsDeviceId: 'gps-T001', district: '兴隆台区' },
    { id: 'T002', plate: '辽L·B5678', stream: 'kitchen', ratedPayloadKg: 5000, tareKg: 9000 },
  ],
  bins: [],
  routes: [],
  devices: [
    { id: 'wb-inc-1', kind: 'weighbridge', secretHash: `scrypt:00:${'0'.repeat(64)}` },
    { id: 'gps-T001', kind: 'gps', secretHash: `scrypt:00:${'0'.repeat(64)}` },
  ],
};

/** 2026-12-03T08:00:00+08:00 */
export const T0 = Date.UTC(2026, 11, 3, 0, 0, 0);

export function fix(ts: number, lat: number, lon: number): FixRecord {
  return { deviceId: 'gps-T001', truckId: 'T001', ts, lat, lon, speedKmh: 20, receivedAt: ts };
}

export function weighing(ticket: number, ts: number, overrides: Partial<WeighingRecord> = {}) {
  const record: WeighingRecord = {
    deviceId: 'wb-inc-1', weighbridgeId: 'WB-INC-1', facilityId: 'FAC-INC', ticket, ts,
    plate: '辽L·A1234', plateNormalized: '辽LA1234', truckId: 'T001', grossKg: 18250,
    tareKg: 11800, tareSource: 'ticket', netKg: 6450, stream: 'residual', routeId: 'R01',
    district: '兴隆台区', flags: [], matchedBy: null, receivedAt: ts,
  };
  return { ...record, ...overrides };
}

export function seedBatch(): TelemetryBatch {
  const batch = emptyBatch();
  batch.fixes = [
    fix(T0 + 60_000, 41.12, 122.07),
    fix(T0, 41.11, 122.06),
    fix(T0 + 120_000, 41.13, 122.08),
  ];
  batch.weighings = [
    weighing(1, T0),
    weighing(2, T0 + 3_600_000, { plate: '辽L "X",9', plateNormalized: '辽LX9', truckId: null,
      netKg: null, tareKg: null, tareSource: null, stream: null, routeId: null,
      flags: ['unmatched'] }),
    weighing(3, T0 + 86_400_000, { grossKg: 20000, netKg: 8200 }),
  ];
  batch.deadLetters = [
    { id: 'd-1', receivedAt: T0, topic: 'sanitation/v1/gps/gps-T001/fix', deviceId: 'gps-T001',
      index: 3, reason: 'out_of_range', message: 'lat 91 is outside -90..90',
      payload: '{"lat":91}' },
    { id: 'd-2', receivedAt: T0 + 1000, topic: 'sanitation/v1/gps/x/fix', deviceId: 'x',
      index: null, reason: 'not_json', message: 'not JSON', payload: '{' },
  ];
  return batch;
}

export function alerts(): Alert[] {
  const base = {
    category: 'route_gap', type: 'gps_silence', severity: 'warning', state: 'open',
    routeId: 'R01', facilityId: null, weighbridgeId: null, clearedAt: null,
    acknowledgedAt: null, details: {},
  } as const;
  return [
    { ...base, id: 'a-1', truckId: 'T001', openedAt: '2026-12-03T01:00:00.000Z' },
    { ...base, id: 'a-2', truckId: 'T002', openedAt: '2026-12-03T02:00:00.000Z' },
  ];
}

export function fleet(): TruckState[] {
  return [
    { truckId: 'T001', plate: '辽L·A1234', status: 'on_route', lastFix: null, routeId: 'R01',
      binsServed: 0, binsPlanned: 10, openAlerts: 1 },
    { truckId: 'T002', plate: '辽L·B5678', status: 'idle', lastFix: null, routeId: null,
      binsServed: 0, binsPlanned: 0, openAlerts: 0 },
  ];
}
