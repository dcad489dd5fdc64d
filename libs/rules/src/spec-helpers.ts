/**
 * A tiny test city and record builders for the rules specs. Shifts 06:00-14:00 Asia/Shanghai
 * (22:00-06:00 UTC); times are written as local "HH:MM[:SS]" on 2026-12-03 unless given in full.
 */
import type {
  Alert,
  FixRecord,
  ReadRecord,
  RegistryFile,
  StatusRecord,
  TruckState,
  WeighingRecord,
} from '@sanitation/contracts';
import { normalizePlate } from '@sanitation/contracts';
import { Registry } from '@sanitation/registry';
import type { RulesConfig } from './config';
import { RulesEngine } from './engine';
import { MemoryRulesRepository } from './persistence/memory-rules-repository';
import type { RulesRepository } from './persistence/rules-repository';

export const DAY = '2026-12-03';

/** Local Shanghai time of the test day (or of `day`), epoch ms. */
export const at = (hhmmss: string, day = DAY): number =>
  Date.parse(`${day}T${hhmmss.length === 5 ? `${hhmmss}:00` : hhmmss}+08:00`);

export const iso = (ms: number): string => new Date(ms).toISOString();

/** Route R01 runs from A to B, about 8 km; the incinerator sits at B. */
export const A: [number, number] = [41.12, 122.07];
export const B: [number, number] = [41.052, 122.101];

/** A point a share `f` of the way from A to B. */
export const along = (f: number): [number, number] => [
  A[0] + (B[0] - A[0]) * f,
  A[1] + (B[1] - A[1]) * f,
];

/** About 1.7 km east of the route: well outside its 200 m corridor. */
export const offPath = (f: number): [number, number] => [along(f)[0], along(f)[1] + 0.02];

export const KITCHEN: [number, number] = [41.2, 122.0];

export const cityFile = (): RegistryFile => ({
  city: 'Testville',
  timezone: 'Asia/Shanghai',
  facilities: [
    { id: 'FAC-INC', name: 'incinerator', kind: 'incinerator', lat: B[0], lon: B[1], radiusM: 250 },
    {
      id: 'FAC-KIT',
      name: 'kitchen plant',
      kind: 'kitchen',
      lat: KITCHEN[0],
      lon: KITCHEN[1],
      radiusM: 200,
    },
  ],
  weighbridges: [{ id: 'WB-INC-1', facilityId: 'FAC-INC', deviceId: 'wb-inc-1' }],
  trucks: ['T001', 'T002', 'T003'].map((id, i) => ({
    id,
    plate: `辽L·A123${i + 4}`,
    stream: 'residual' as const,
    ratedPayloadKg: 8000,
    tareKg: 11800,
    gpsDeviceId: `gps-${id}`,
    rfidDeviceId: `rfid-${id}`,
  })),
  bins: ['B1', 'B2', 'B3'].map((id, i) => ({
    id,
    tag: `E2000017221101441890AB0${i + 1}`,
    lat: along(0.1 * (i + 1))[0],
    lon: along(0.1 * (i + 1))[1],
    stream: 'residual' as const,
  })),
  routes: [
    {
      id: 'R01',
      truckId: 'T001',
      shiftStart: '06:00',
      shiftEnd: '14:00',
      binIds: ['B1', 'B2', 'B3'],
      facilityId: 'FAC-INC',
      path: [A, B],
      corridorM: 200,
    },
    {
      id: 'R02',
      truckId: 'T002',
      shiftStart: '06:00',
      shiftEnd: '14:00',
      binIds: ['B1'],
      path: [A, B],
      corridorM: 200,
    },
  ],
  devices: [],
});

export const testRegistry = (): Registry => new Registry(cityFile());

export function fix(
  truckId: string,
  ts: number,
  pos: [number, number],
  receivedAt = ts,
): FixRecord {
  return {
    deviceId: `gps-${truckId}`,
    truckId,
    ts,
    lat: pos[0],
    lon: pos[1],
    speedKmh: 20,
    receivedAt,
  };
}

export function read(truckId: string, binId: string, ts: number, receivedAt = ts): ReadRecord {
  const n = binId.slice(1);
  return {
    deviceId: `rfid-${truckId}`,
    truckId,
    ts,
    tag: `E2000017221101441890AB0${n}`,
    binId,
    receivedAt,
  };
}

export function status(deviceId: string, ts: number, online = true): StatusRecord {
  return { deviceId, kind: 'gps', ts, online, receivedAt: ts };
}

export function weighing(
  ticket: number,
  ts: number,
  plate: string,
  grossKg: number,
  options: { truckId?: string | null; tareKg?: number; receivedAt?: number } = {},
): WeighingRecord {
  const tareKg = options.tareKg ?? 11800;
  return {
    deviceId: 'wb-inc-1',
    weighbridgeId: 'WB-INC-1',
    facilityId: 'FAC-INC',
    ticket,
    ts,
    plate,
    plateNormalized: normalizePlate(plate),
    truckId: options.truckId ?? null,
    grossKg,
    tareKg,
    tareSource: 'ticket',
    netKg: grossKg - tareKg,
    stream: null,
    routeId: null,
    district: null,
    flags: [],
    matchedBy: null,
    receivedAt: options.receivedAt ?? ts,
  };
}

export interface Harness {
  engine: RulesEngine;
  repository: RulesRepository;
  published: Alert[];
  fleet: TruckState[];
  /** The wall clock the engine sees; tests move it. */
  wall: { ms: number };
  raised(type?: string): Alert[];
}

export function harness(
  options: { repository?: RulesRepository; config?: RulesConfig; wallMs?: number } = {},
): Harness {
  const published: Alert[] = [];
  const fleet: TruckState[] = [];
  const wall = { ms: options.wallMs ?? at('05:00') };
  const repository = options.repository ?? new MemoryRulesRepository();
  const engine = new RulesEngine({
    registry: testRegistry(),
    repository,
    config: options.config,
    alertSink: { publish: (alert) => published.push(alert) },
    fleetSink: { publish: (state) => fleet.push(state) },
    wallClock: () => wall.ms,
  });
  const raised = (type?: string): Alert[] =>
    published.filter((a) => a.state === 'open' && (!type || a.type === type));
  return { engine, repository, published, fleet, wall, raised };
}

/** Drives a truck along the route: one fix every `stepS` seconds from `fromMs` to `toMs`. */
export function drive(
  truckId: string,
  fromMs: number,
  toMs: number,
  stepS = 30,
  place: (f: number) => [number, number] = along,
): FixRecord[] {
  const fixes: FixRecord[] = [];
  for (let ts = fromMs; ts <= toMs; ts += stepS * 1000) {
    fixes.push(fix(truckId, ts, place(0.05 + (0.5 * (ts - fromMs)) / Math.max(1, toMs - fromMs))));
  }
  return fixes;
}
