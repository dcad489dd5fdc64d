/**
 * The mini city: a hand-checkable registry for tests, in Panjin's 兴隆台区 (WGS-84).
 *   node -r @swc-node/register seeds/mini/generate.ts
 * One depot, an incinerator and a kitchen-waste plant with one weighbridge each, three
 * trucks on 06:00-14:00 shifts and ten bins that lie exactly on their routes' paths.
 * Secrets are the readable "secret-<deviceId>"; salts are fixed so the file is stable.
 */
import type { Bin, LatLon, RegistryFile, Route, Truck } from '@sanitation/contracts';
import { buildDevices } from '../lib/devices';
import { writeCity } from '../lib/write-city';

const SEED = 'mini-v1';
const DEPOT: LatLon = [41.12, 122.05];
const INCINERATOR: LatLon = [41.1, 122.07];
const KITCHEN_PLANT: LatLon = [41.105, 122.035];
const DISTRICT = '兴隆台区';
const SHIFT = { shiftStart: '06:00', shiftEnd: '14:00' };

const facilities: RegistryFile['facilities'] = [
  { id: 'FAC-DEPOT', name: '兴隆台区分类收运车辆停车场', kind: 'depot',
    lat: DEPOT[0], lon: DEPOT[1], radiusM: 80, district: DISTRICT },
  { id: 'FAC-INC', name: '盘锦市生活垃圾焚烧发电厂', kind: 'incinerator',
    lat: INCINERATOR[0], lon: INCINERATOR[1], radiusM: 250, district: DISTRICT },
  { id: 'FAC-KIT', name: '盘锦市餐厨垃圾处理厂', kind: 'kitchen',
    lat: KITCHEN_PLANT[0], lon: KITCHEN_PLANT[1], radiusM: 150, district: DISTRICT },
];

const weighbridges = [
  { id: 'WB-INC-1', facilityId: 'FAC-INC', deviceId: 'wb-inc-1' },
  { id: 'WB-KIT-1', facilityId: 'FAC-KIT', deviceId: 'wb-kit-1' },
];

function truck(id: string, plate: string, stream: Truck['stream'], payloadKg: number,
  tareKg: number): Truck {
  return {
    id, plate, stream, ratedPayloadKg: payloadKg, tareKg, depotId: 'FAC-DEPOT',
    gpsDeviceId: `gps-${id}`, rfidDeviceId: `rfid-${id}`, district: DISTRICT,
  };
}

const trucks = [
  truck('T001', '辽L·A1234', 'residual', 8000, 11800),
  truck('T002', '辽L·A5678', 'residual', 8000, 11800),
  truck('T003', '辽L·C2468', 'kitchen', 3600, 8200),
];

/** Bin n gets id B0000n and tag E2000017221101441890AB0n (hex digits, n up to 10 = 0A). */
function bin(n: number, at: LatLon, stream: Bin['stream'], capacityL: number): Bin {
  const hex = n.toString(16).toUpperCase().padStart(2, '0');
  return {
    id: `B${String(n).padStart(5, '0')}`, tag: `E2000017221101441890AB${hex}`,
    lat: at[0], lon: at[1], stream, capacityL, district: DISTRICT,
  };
}

/** Bins stand on the path's street legs, about 170 m (0.002°) or 330 m (0.003°) apart. */
const bins = [
  bin(1, [41.125, 122.052], 'residual', 660),
  bin(2, [41.125, 122.054], 'residual', 660),
  bin(3, [41.125, 122.056], 'residual', 240),
  bin(4, [41.125, 122.058], 'residual', 240),
  bin(5, [41.123, 122.045], 'residual', 660),
  bin(6, [41.126, 122.045], 'residual', 240),
  bin(7, [41.129, 122.045], 'residual', 240),
  bin(8, [41.115, 122.048], 'kitchen', 240),
  bin(9, [41.115, 122.046], 'kitchen', 240),
  bin(10, [41.115, 122.044], 'kitchen', 240),
];

/** Depot, a street with the bins, the facility, straight back to the depot: 5-7 km each. */
const routes: Route[] = [
  { id: 'R001', truckId: 'T001', ...SHIFT, binIds: ['B00001', 'B00002', 'B00003', 'B00004'],
    facilityId: 'FAC-INC',
    path: [DEPOT, [41.125, 122.05], [41.125, 122.06], INCINERATOR, DEPOT], corridorM: 200 },
  { id: 'R002', truckId: 'T002', ...SHIFT, binIds: ['B00005', 'B00006', 'B00007'],
    facilityId: 'FAC-INC',
    path: [DEPOT, [41.12, 122.045], [41.13, 122.045], INCINERATOR, DEPOT], corridorM: 200 },
  { id: 'R003', truckId: 'T003', ...SHIFT, binIds: ['B00008', 'B00009', 'B00010'],
    facilityId: 'FAC-KIT',
    path: [DEPOT, [41.115, 122.05], [41.115, 122.04], KITCHEN_PLANT, DEPOT], corridorM: 200 },
];

function main(): void {
  const deviceEntries = [
    ...trucks.flatMap((t) => [
      { id: `gps-${t.id}`, kind: 'gps' as const },
      { id: `rfid-${t.id}`, kind: 'rfid' as const },
    ]),
    ...weighbridges.map((w) => ({ id: w.deviceId, kind: 'weighbridge' as const })),
  ];
  const { devices, secrets } = buildDevices(SEED, deviceEntries, (id) => `secret-${id}`);

  const registry: RegistryFile = {
    city: 'Panjin-mini', timezone: 'Asia/Shanghai', facilities, weighbridges, trucks, bins, routes,
    devices,
  };
  writeCity(__dirname, registry, secrets);
  process.stdout.write(`wrote ${__dirname}: ${trucks.length} trucks, ${bins.length} bins\n`);
}

main();
