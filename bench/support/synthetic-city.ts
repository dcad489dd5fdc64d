/**
 * A made-up city of any size for in-process rule benchmarks: trucks spread on a grid around
 * Panjin, each with one route (a straight 2 km path of 11 points, its own bins) whose shift
 * runs 06:00-14:00 local, and fixes that drive each truck up and down its path.
 */
import type { FixRecord, RegistryFile } from '@sanitation/contracts';
import { Registry } from '@sanitation/registry';

const ORIGIN: [number, number] = [41.0, 121.9];
const CELL_DEG = 0.02; // ≈ 2 km between neighbouring trucks' paths
const PATH_DEG = 0.018; // ≈ 2 km of path, east-west
const PATH_POINTS = 11;
const SPEED_KMH = 30;
const M_PER_DEG_LON = 111_320 * Math.cos((41 * Math.PI) / 180);

export interface SyntheticCity {
  registry: Registry;
  /** Start of each path, [lat, lon], by truck index. */
  starts: [number, number][];
  truckIds: string[];
  gpsDeviceIds: string[];
}

export function syntheticCity(trucks: number, binsPerRoute: number): SyntheticCity {
  const side = Math.ceil(Math.sqrt(trucks));
  const starts = Array.from({ length: trucks }, (_, i): [number, number] => [
    ORIGIN[0] + Math.floor(i / side) * CELL_DEG,
    ORIGIN[1] + (i % side) * CELL_DEG,
  ]);
  const id = (prefix: string, i: number) => `${prefix}${String(i + 1).padStart(5, '0')}`;

  const file: RegistryFile = {
    city: `Synthetic-${trucks}`,
    timezone: 'Asia/Shanghai',
    facilities: [
      { id: 'FAC-DEPOT', name: 'depot', kind: 'depot', lat: 40.9, lon: 121.8, radiusM: 200 },
      {
        id: 'FAC-INC',
        name: 'incinerator',
        kind: 'incinerator',
        lat: 40.9,
        lon: 121.85,
        radiusM: 250,
      },
    ],
    weighbridges: [{ id: 'WB-INC-1', facilityId: 'FAC-INC', deviceId: 'wb-inc-1' }],
    trucks: starts.map((_, i) => ({
      id: id('T', i),
      plate: `辽L·${id('', i)}`,
      stream: 'residual',
      ratedPayloadKg: 8000,
      tareKg: 11_800,
      depotId: 'FAC-DEPOT',
      gpsDeviceId: id('gps-T', i),
      rfidDeviceId: id('rfid-T', i),
    })),
    bins: starts.flatMap(([lat, lon], i) =>
      Array.from({ length: binsPerRoute }, (_, b) => ({
        id: `B${i}-${b}`,
        tag: (i * 1000 + b).toString(16).toUpperCase().padStart(24, 'E'),
        lat,
        lon: lon + (PATH_DEG * b) / Math.max(1, binsPerRoute - 1),
        stream: 'residual',
      })),
    ),
    routes: starts.map(([lat, lon], i) => ({
      id: id('R', i),
      truckId: id('T', i),
      shiftStart: '06:00',
      shiftEnd: '14:00',
      binIds: Array.from({ length: binsPerRoute }, (_, b) => `B${i}-${b}`),
      facilityId: 'FAC-INC',
      corridorM: 200,
      path: Array.from({ length: PATH_POINTS }, (_, p): [number, number] => [
        lat,
        lon + (PATH_DEG * p) / (PATH_POINTS - 1),
      ]),
    })),
    devices: starts.flatMap((_, i) => [
      { id: id('gps-T', i), kind: 'gps' as const, secretHash: 'scrypt:00:00' },
      { id: id('rfid-T', i), kind: 'rfid' as const, secretHash: 'scrypt:00:00' },
    ]),
  };
  return {
    registry: new Registry(file),
    starts,
    truckIds: file.trucks.map((truck) => truck.id),
    gpsDeviceIds: file.trucks.map((truck) => truck.gpsDeviceId as string),
  };
}

/** Truck `i`'s fix at `ts`: driving its path back and forth at street speed. */
export function fixAt(city: SyntheticCity, i: number, ts: number, receivedAt: number): FixRecord {
  const [lat, lon] = city.starts[i];
  const pathM = PATH_DEG * M_PER_DEG_LON;
  const travelled = ((SPEED_KMH / 3.6) * ts) / 1000 + i * 137;
  const leg = travelled % (2 * pathM);
  const alongM = leg <= pathM ? leg : 2 * pathM - leg;
  return {
    deviceId: city.gpsDeviceIds[i],
    truckId: city.truckIds[i],
    ts,
    lat,
    lon: lon + alongM / M_PER_DEG_LON,
    speedKmh: SPEED_KMH,
    headingDeg: 90,
    hdop: 0.9,
    sats: 11,
    receivedAt,
  };
}
