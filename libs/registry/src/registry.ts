/** A loaded city: the registry file of contract §1 with the lookups every part needs. */
import {
  Bin,
  Device,
  Facility,
  normalizePlate,
  RegistryFile,
  Route,
  Truck,
  Weighbridge,
} from '@sanitation/contracts';

export class Registry {
  readonly facilities = new Map<string, Facility>();
  readonly weighbridges = new Map<string, Weighbridge>();
  readonly trucks = new Map<string, Truck>();
  readonly bins = new Map<string, Bin>();
  readonly routes = new Map<string, Route>();
  readonly devices = new Map<string, Device>();

  /** Upper-case EPC to bin. */
  readonly binByTag = new Map<string, Bin>();
  /** Normalised plate (see normalizePlate) to truck. */
  readonly truckByPlate = new Map<string, Truck>();
  readonly truckByGpsDevice = new Map<string, Truck>();
  readonly truckByRfidDevice = new Map<string, Truck>();
  readonly weighbridgeByDevice = new Map<string, Weighbridge>();
  readonly weighbridgesByFacility = new Map<string, Weighbridge[]>();
  readonly routesByTruck = new Map<string, Route[]>();

  constructor(
    readonly file: RegistryFile,
    readonly loadedAt = Date.now(),
  ) {
    for (const facility of file.facilities) this.facilities.set(facility.id, facility);
    for (const device of file.devices) this.devices.set(device.id, device);
    for (const bin of file.bins) {
      this.bins.set(bin.id, bin);
      this.binByTag.set(bin.tag.toUpperCase(), bin);
    }
    for (const truck of file.trucks) this.indexTruck(truck);
    for (const weighbridge of file.weighbridges) this.indexWeighbridge(weighbridge);
    for (const route of file.routes) this.indexRoute(route);
  }

  get city(): string {
    return this.file.city;
  }

  get timezone(): string {
    return this.file.timezone;
  }

  /** The truck a GPS or RFID device is mounted on, if any. */
  truckOfDevice(deviceId: string): Truck | undefined {
    return this.truckByGpsDevice.get(deviceId) ?? this.truckByRfidDevice.get(deviceId);
  }

  private indexTruck(truck: Truck): void {
    this.trucks.set(truck.id, truck);
    this.truckByPlate.set(normalizePlate(truck.plate), truck);
    if (truck.gpsDeviceId) this.truckByGpsDevice.set(truck.gpsDeviceId, truck);
    if (truck.rfidDeviceId) this.truckByRfidDevice.set(truck.rfidDeviceId, truck);
  }

  private indexWeighbridge(weighbridge: Weighbridge): void {
    this.weighbridges.set(weighbridge.id, weighbridge);
    this.weighbridgeByDevice.set(weighbridge.deviceId, weighbridge);
    const atFacility = this.weighbridgesByFacility.get(weighbridge.facilityId) ?? [];
    atFacility.push(weighbridge);
    this.weighbridgesByFacility.set(weighbridge.facilityId, atFacility);
  }

  private indexRoute(route: Route): void {
    this.routes.set(route.id, route);
    const ofTruck = this.routesByTruck.get(route.truckId) ?? [];
    ofTruck.push(route);
    this.routesByTruck.set(route.truckId, ofTruck);
  }
}
