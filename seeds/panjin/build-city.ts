/**
 * Builds the Panjin registry from the city plan and a seed: trucks with plates, their
 * routes and bins, and a device with a development secret for every GPS unit, RFID reader
 * and weighbridge. Pure apart from scrypt: the same seed gives the same city.
 */
import type { Bin, LatLon, RegistryFile, Route, Truck } from '@sanitation/contracts';
import { normalizePlate } from '@sanitation/contracts';
import { buildDevices } from '../lib/devices';
import { District } from '../lib/districts';
import { roundPoint } from '../lib/geometry';
import { Prng } from '../lib/prng';
import { planPath, plannedDurationS, shiftLengthMin } from '../lib/route-path';
import { AreaPlanner } from './collection-areas';
import {
  CITY,
  DistrictFleet,
  FACILITIES,
  facilityFor,
  FLEET,
  TIMEZONE,
  TruckKind,
  WEIGHBRIDGES,
} from './city-plan';

/** A route must fit in this share of its shift at planning speed, leaving room for delays. */
const MAX_SHIFT_SHARE = 0.7;
const CORRIDOR_M = 200;
/** Letters Chinese plates use after the city code (no I or O). */
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/** A plausible EPC prefix for the 96-bit tags, the rest random. */
const EPC_PREFIX = 'E2000017';

export interface BuiltCity {
  registry: RegistryFile;
  secrets: Record<string, string>;
}

class Numbering {
  private readonly plates = new Set<string>();
  private readonly tags = new Set<string>();
  truck = 0;
  bin = 0;

  constructor(private readonly prng: Prng) {}

  plate(): string {
    for (;;) {
      const digits = String(this.prng.int(0, 9999)).padStart(4, '0');
      const plate = `辽L·${this.prng.pick([...PLATE_LETTERS])}${digits}`;
      if (this.plates.has(normalizePlate(plate))) continue;
      this.plates.add(normalizePlate(plate));
      return plate;
    }
  }

  tag(): string {
    for (;;) {
      const tag = EPC_PREFIX + this.prng.hex(16);
      if (this.tags.has(tag)) continue;
      this.tags.add(tag);
      return tag;
    }
  }
}

function capacityFor(prng: Prng, kind: TruckKind): number {
  switch (kind.layout) {
    case 'urban':
      // Compounds put out 660 L bins for residual and recyclables, 240 L for kitchen waste.
      if (kind.stream === 'kitchen') return prng.chance(0.85) ? 240 : 660;
      return prng.pick([240, 660, 660]);
    case 'rural':
    case 'hazardous':
      return 240;
    case 'construction':
      return 660;
  }
}

export function buildCity(seed: string, districts: District[]): BuiltCity {
  const prng = new Prng(seed);
  const circles = FACILITIES.map((f) => ({ centre: [f.lat, f.lon] as LatLon, radiusM: f.radiusM }));
  const planner = new AreaPlanner(prng, districts, circles);
  const numbering = new Numbering(prng);
  const trucks: Truck[] = [];
  const bins: Bin[] = [];
  const routes: Route[] = [];

  for (const fleet of FLEET) {
    for (const [kind, count] of fleet.trucks) {
      for (let i = 0; i < count; i++) {
        const built = buildTruck(prng, planner, numbering, fleet, kind);
        trucks.push(built.truck);
        bins.push(...built.bins);
        routes.push(built.route);
      }
    }
  }

  const deviceEntries = [
    ...trucks.flatMap((t) => [
      { id: `gps-${t.id}`, kind: 'gps' as const },
      { id: `rfid-${t.id}`, kind: 'rfid' as const },
    ]),
    ...WEIGHBRIDGES.map((w) => ({ id: w.deviceId, kind: 'weighbridge' as const })),
  ];
  const { devices, secrets } = buildDevices(seed, deviceEntries);

  const facilities = FACILITIES.map((f) => ({ ...f }));
  const registry: RegistryFile = {
    city: CITY, timezone: TIMEZONE, facilities, weighbridges: WEIGHBRIDGES,
    trucks, bins, routes, devices,
  };
  return { registry, secrets };
}

function buildTruck(
  prng: Prng,
  planner: AreaPlanner,
  numbering: Numbering,
  fleet: DistrictFleet,
  kind: TruckKind,
): { truck: Truck; bins: Bin[]; route: Route } {
  const id = `T${String(++numbering.truck).padStart(3, '0')}`;
  const depot = FACILITIES.find((f) => f.id === fleet.depotId)!;
  const facilityId = facilityFor(kind.stream, fleet);
  const facility = FACILITIES.find((f) => f.id === facilityId)!;

  const truck: Truck = {
    id, plate: numbering.plate(), stream: kind.stream,
    ratedPayloadKg: kind.ratedPayloadKg, tareKg: kind.tareKg, depotId: depot.id,
    gpsDeviceId: `gps-${id}`, rfidDeviceId: `rfid-${id}`, district: fleet.district,
  };

  const runs = planner.plan(kind, fleet.district, fleet.urbanSigmaM);
  const avoid = FACILITIES.filter((f) => f.id !== depot.id && f.id !== facilityId).map((f) => ({
    centre: [f.lat, f.lon] as LatLon,
    radiusM: f.radiusM,
  }));
  const planned = planPath([depot.lat, depot.lon], runs, [facility.lat, facility.lon], avoid);
  const bins: Bin[] = planned.bins.map((position) => {
    const [lat, lon] = roundPoint(position);
    return {
      id: `B${String(++numbering.bin).padStart(5, '0')}`, tag: numbering.tag(), lat, lon,
      stream: kind.stream, capacityL: capacityFor(prng, kind), district: fleet.district,
    };
  });

  const [shiftStart, shiftEnd] = prng.pick(kind.shifts).split('-');
  const durationMin = plannedDurationS(planned.path, bins.length) / 60;
  if (durationMin > MAX_SHIFT_SHARE * shiftLengthMin(shiftStart, shiftEnd)) {
    throw new Error(`route of ${id} needs ${Math.round(durationMin)} min, too long for its shift`);
  }

  const route: Route = {
    id: `R${id.slice(1)}`, truckId: id, shiftStart, shiftEnd,
    binIds: bins.map((b) => b.id), facilityId, path: planned.path.map(roundPoint),
    corridorM: CORRIDOR_M,
  };
  return { truck, bins, route };
}
