/**
 * What the Panjin seed city is made of: facilities, weighbridges, truck kinds and how many
 * of each kind every district runs. Coordinates are WGS-84, placed by hand at plausible
 * spots (not surveyed); the generator checks that each lies in the district named here.
 */
import type { Facility, WasteStream } from '@sanitation/contracts';

export const CITY = 'Panjin';
export const TIMEZONE = 'Asia/Shanghai';
export const SEED = 'panjin-2026-v1';

/** `capacityTPerDay` is not in contract §1; the platform ignores it (unknown field). */
export type SeedFacility = Facility & { capacityTPerDay?: number };

export const FACILITIES: SeedFacility[] = [
  {
    id: 'FAC-INC', name: '盘锦市生活垃圾焚烧发电厂', kind: 'incinerator',
    lat: 41.052, lon: 122.101, radiusM: 250, district: '大洼区', capacityTPerDay: 1300,
  },
  {
    id: 'FAC-KIT', name: '盘锦市餐厨垃圾处理厂', kind: 'kitchen',
    lat: 41.047, lon: 122.112, radiusM: 150, district: '大洼区', capacityTPerDay: 150,
  },
  {
    id: 'FAC-LF', name: '盘锦市生活垃圾卫生填埋场', kind: 'landfill',
    lat: 41.03, lon: 122.165, radiusM: 300, district: '大洼区',
  },
  {
    id: 'FAC-TRS', name: '盘山县生活垃圾转运站', kind: 'transfer',
    lat: 41.3, lon: 122.06, radiusM: 100, district: '盘山县',
  },
  {
    id: 'FAC-SORT', name: '盘锦市可回收物分拣中心', kind: 'sorting',
    lat: 41.135, lon: 121.975, radiusM: 120, district: '兴隆台区',
  },
  {
    id: 'FAC-CD', name: '盘锦市建筑垃圾资源化利用厂', kind: 'construction',
    lat: 41.075, lon: 121.99, radiusM: 200, district: '大洼区',
  },
  {
    id: 'FAC-DEPOT-XLT', name: '兴隆台区分类收运车辆停车场', kind: 'depot',
    lat: 41.11, lon: 122.04, radiusM: 80, district: '兴隆台区',
  },
  {
    id: 'FAC-DEPOT-STZ', name: '双台子区分类收运车辆停车场', kind: 'depot',
    lat: 41.205, lon: 122.03, radiusM: 80, district: '双台子区',
  },
  {
    id: 'FAC-DEPOT-DW', name: '大洼区分类收运车辆停车场', kind: 'depot',
    lat: 40.985, lon: 122.06, radiusM: 80, district: '大洼区',
  },
  {
    id: 'FAC-DEPOT-PS', name: '盘山县分类收运车辆停车场', kind: 'depot',
    lat: 41.245, lon: 122.0, radiusM: 80, district: '盘山县',
  },
];

/** Every facility a truck unloads at has a weighbridge; depots have none. */
export const WEIGHBRIDGES = [
  { id: 'WB-INC-1', facilityId: 'FAC-INC', deviceId: 'wb-inc-1' },
  { id: 'WB-INC-2', facilityId: 'FAC-INC', deviceId: 'wb-inc-2' },
  { id: 'WB-KIT-1', facilityId: 'FAC-KIT', deviceId: 'wb-kit-1' },
  { id: 'WB-LF-1', facilityId: 'FAC-LF', deviceId: 'wb-lf-1' },
  { id: 'WB-TRS-1', facilityId: 'FAC-TRS', deviceId: 'wb-trs-1' },
  { id: 'WB-SORT-1', facilityId: 'FAC-SORT', deviceId: 'wb-sort-1' },
  { id: 'WB-CD-1', facilityId: 'FAC-CD', deviceId: 'wb-cd-1' },
];

export interface TruckKind {
  stream: WasteStream;
  ratedPayloadKg: number;
  tareKg: number;
  /** How the kind's route is laid out: see streets.ts. */
  layout: 'urban' | 'rural' | 'hazardous' | 'construction';
  /** "HH:MM-HH:MM" choices, local time. */
  shifts: string[];
}

const EARLY = ['05:00-13:00', '05:00-13:00', '05:00-13:00', '06:00-14:00', '04:30-12:30'];

/** Payloads and tares of common Chinese sanitation chassis, rounded. */
export const TRUCK_KINDS = {
  /** 18 t compression compactor (压缩式垃圾车). */
  compactorLarge: {
    stream: 'residual', ratedPayloadKg: 8000, tareKg: 11800, layout: 'urban',
    shifts: EARLY,
  },
  /** 10 t compactor for village lanes. */
  compactorSmall: {
    stream: 'residual', ratedPayloadKg: 3800, tareKg: 6000, layout: 'rural',
    shifts: EARLY,
  },
  /** 12 t sealed kitchen-waste truck (餐厨垃圾车); collects after lunch and dinner. */
  kitchenSealed: {
    stream: 'kitchen', ratedPayloadKg: 3600, tareKg: 8200, layout: 'urban',
    shifts: ['10:00-18:00', '14:00-22:00'],
  },
  /** 12 t box truck for recyclables (可回收物运输车). */
  recyclableBox: {
    stream: 'recyclable', ratedPayloadKg: 4000, tareKg: 7500, layout: 'urban',
    shifts: ['07:00-15:00', '08:00-16:00'],
  },
  /** 4.5 t van for household hazardous waste (有害垃圾收集车). */
  hazardousVan: {
    stream: 'hazardous', ratedPayloadKg: 1200, tareKg: 3200, layout: 'hazardous',
    shifts: ['08:00-16:00'],
  },
  /** 31 t eight-wheel dump truck (自卸车) for renovation and demolition waste. */
  dumpTruck: {
    stream: 'construction', ratedPayloadKg: 15000, tareKg: 16000, layout: 'construction',
    shifts: ['07:00-15:00', '08:00-16:00'],
  },
} satisfies Record<string, TruckKind>;

export interface DistrictFleet {
  district: string;
  depotId: string;
  /** Spread of urban collection areas around the district seat. */
  urbanSigmaM: number;
  trucks: [TruckKind, number][];
  /** Where this district's residual waste goes. */
  residualFacilityId: string;
}

const K = TRUCK_KINDS;

/** Urban districts run mostly big compactors, the county and Dawa mostly village rounds. */
export const FLEET: DistrictFleet[] = [
  {
    district: '兴隆台区', depotId: 'FAC-DEPOT-XLT', urbanSigmaM: 3000,
    residualFacilityId: 'FAC-INC',
    trucks: [[K.compactorLarge, 22], [K.compactorSmall, 4], [K.kitchenSealed, 12],
      [K.recyclableBox, 8], [K.hazardousVan, 2], [K.dumpTruck, 4]],
  },
  {
    district: '双台子区', depotId: 'FAC-DEPOT-STZ', urbanSigmaM: 2200,
    residualFacilityId: 'FAC-INC',
    trucks: [[K.compactorLarge, 12], [K.compactorSmall, 2], [K.kitchenSealed, 6],
      [K.recyclableBox, 4], [K.hazardousVan, 1], [K.dumpTruck, 3]],
  },
  {
    district: '大洼区', depotId: 'FAC-DEPOT-DW', urbanSigmaM: 1800,
    residualFacilityId: 'FAC-INC',
    trucks: [[K.compactorLarge, 4], [K.compactorSmall, 6], [K.kitchenSealed, 3],
      [K.recyclableBox, 2], [K.hazardousVan, 1], [K.dumpTruck, 2]],
  },
  {
    district: '盘山县', depotId: 'FAC-DEPOT-PS', urbanSigmaM: 1500,
    residualFacilityId: 'FAC-TRS',
    trucks: [[K.compactorLarge, 4], [K.compactorSmall, 10], [K.kitchenSealed, 2],
      [K.recyclableBox, 2], [K.hazardousVan, 1], [K.dumpTruck, 2]],
  },
  {
    district: '辽东湾新区', depotId: 'FAC-DEPOT-DW', urbanSigmaM: 2500,
    residualFacilityId: 'FAC-LF',
    trucks: [[K.compactorLarge, 4], [K.compactorSmall, 2], [K.kitchenSealed, 3],
      [K.recyclableBox, 2], [K.hazardousVan, 1], [K.dumpTruck, 1]],
  },
];

/**
 * Where each stream is unloaded. Household hazardous waste goes to the incinerator's
 * temporary store (licensed disposal is beyond this registry).
 */
export function facilityFor(stream: WasteStream, fleet: DistrictFleet): string {
  switch (stream) {
    case 'residual':
      return fleet.residualFacilityId;
    case 'kitchen':
      return 'FAC-KIT';
    case 'recyclable':
      return 'FAC-SORT';
    case 'hazardous':
      return 'FAC-INC';
    case 'construction':
      return 'FAC-CD';
  }
}
