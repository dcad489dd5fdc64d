/** The city registry file of contract §1. */

export const FACILITY_KINDS = [
  'depot',
  'transfer',
  'incinerator',
  'landfill',
  'kitchen',
  'sorting',
  'construction',
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export const WASTE_STREAMS = [
  'residual',
  'kitchen',
  'recyclable',
  'hazardous',
  'construction',
] as const;
export type WasteStream = (typeof WASTE_STREAMS)[number];

export interface Facility {
  id: string;
  name: string;
  kind: FacilityKind;
  lat: number;
  lon: number;
  radiusM: number;
  district?: string;
}

export interface Weighbridge {
  id: string;
  facilityId: string;
  deviceId: string;
}

export interface Truck {
  id: string;
  plate: string;
  stream: WasteStream;
  ratedPayloadKg: number;
  tareKg: number;
  depotId?: string;
  gpsDeviceId?: string;
  rfidDeviceId?: string;
  district?: string;
}

export interface Bin {
  id: string;
  tag: string;
  lat: number;
  lon: number;
  stream: WasteStream;
  capacityL?: number;
  district?: string;
}

/** [lat, lon] in WGS-84. */
export type LatLon = [number, number];

export interface Route {
  id: string;
  truckId: string;
  /** Local "HH:MM" in the registry's timezone; a shift may run past midnight. */
  shiftStart: string;
  shiftEnd: string;
  binIds: string[];
  facilityId?: string;
  path?: LatLon[];
  corridorM?: number;
}

export interface Device {
  id: string;
  kind: 'gps' | 'rfid' | 'weighbridge';
  /** `scrypt:<salt hex>:<key hex>`; see libs/registry secret-hash. */
  secretHash: string;
}

export interface RegistryFile {
  city: string;
  timezone: string;
  facilities: Facility[];
  weighbridges: Weighbridge[];
  trucks: Truck[];
  bins: Bin[];
  routes: Route[];
  devices: Device[];
}
