/**
 * Invariants of the seeded cities (seeds/mini, seeds/panjin): what simulators, rules and
 * tests rely on. Regenerate with the generate.ts scripts when this fails after a change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LatLon, normalizePlate, RegistryFile, Route } from '@sanitation/contracts';
import { loadRegistry, verifySecret } from '@sanitation/registry';
import { districtOf, loadDistricts } from './lib/districts';
import { distanceM, distanceToSegmentM } from './lib/geometry';
import { plannedDurationS, shiftLengthMin } from './lib/route-path';

const BIN_TO_PATH_M = 30;
const DISTRICTS = loadDistricts(join(__dirname, 'panjin/panjin-districts.gcj02.geojson'));

interface City {
  name: string;
  registryPath: string;
  registry: RegistryFile;
  secrets: Record<string, string>;
  minimum: { trucks: number; bins: number; weighbridges: number };
}

function loadCity(name: string, minimum: City['minimum']): City {
  const registryPath = join(__dirname, name, 'registry.json');
  const secretsPath = join(__dirname, name, 'device-secrets.json');
  return {
    name, registryPath, minimum,
    registry: JSON.parse(readFileSync(registryPath, 'utf8')) as RegistryFile,
    secrets: JSON.parse(readFileSync(secretsPath, 'utf8')) as Record<string, string>,
  };
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

/** Index of the first path segment from `fromSegment` on that passes within 30 m of `p`. */
function segmentNear(path: LatLon[], p: LatLon, fromSegment: number): number {
  for (let i = Math.max(1, fromSegment); i < path.length; i++) {
    if (distanceToSegmentM(p, path[i - 1], path[i]) <= BIN_TO_PATH_M) return i;
  }
  return -1;
}

function routeProblems(city: RegistryFile, route: Route): string[] {
  const truck = city.trucks.find((t) => t.id === route.truckId)!;
  const depot = city.facilities.find((f) => f.id === truck.depotId)!;
  const facility = city.facilities.find((f) => f.id === route.facilityId)!;
  const path = route.path ?? [];
  const problems: string[] = [];

  const atDepot = (p: LatLon) => distanceM(p, [depot.lat, depot.lon]) <= depot.radiusM;
  if (!atDepot(path[0]) || !atDepot(path[path.length - 1])) problems.push('not depot to depot');
  if (!path.some((p) => distanceM(p, [facility.lat, facility.lon]) <= facility.radiusM)) {
    problems.push('never reaches its facility');
  }

  let segment = 1;
  for (const binId of route.binIds) {
    const bin = city.bins.find((b) => b.id === binId)!;
    segment = segmentNear(path, [bin.lat, bin.lon], segment);
    if (segment < 0) return [...problems, `${binId} not within 30 m of the path, in order`];
  }
  return problems;
}

describe.each([
  loadCity('mini', { trucks: 3, bins: 10, weighbridges: 2 }),
  loadCity('panjin', { trucks: 120, bins: 5000, weighbridges: 6 }),
])('seed city $name', (city) => {
  const { registry } = city;
  const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));
  const facilities = byId(registry.facilities);
  const devices = byId(registry.devices);
  const bins = byId(registry.bins);
  const trucks = byId(registry.trucks);

  it('loads through the platform registry loader', () => {
    const loaded = loadRegistry(city.registryPath);

    expect(loaded.timezone).toBe('Asia/Shanghai');
    expect(loaded.trucks.size).toBe(registry.trucks.length);
  });

  it('has the required numbers of trucks, bins, weighbridges and one route per truck', () => {
    expect(registry.trucks.length).toBeGreaterThanOrEqual(city.minimum.trucks);
    expect(registry.bins.length).toBeGreaterThanOrEqual(city.minimum.bins);
    expect(registry.weighbridges.length).toBeGreaterThanOrEqual(city.minimum.weighbridges);
    expect(registry.routes.map((r) => r.truckId).sort()).toEqual(
      registry.trucks.map((t) => t.id).sort(),
    );
  });

  it('has unique ids, bin tags and normalised plates', () => {
    for (const key of ['facilities', 'weighbridges', 'trucks', 'bins', 'routes', 'devices']) {
      const items = registry[key as keyof RegistryFile] as { id: string }[];
      expect(duplicates(items.map((i) => i.id))).toEqual([]);
    }
    expect(duplicates(registry.bins.map((b) => b.tag.toUpperCase()))).toEqual([]);
    expect(duplicates(registry.trucks.map((t) => normalizePlate(t.plate)))).toEqual([]);
    expect(registry.bins.every((b) => /^[0-9A-F]{24}$/.test(b.tag))).toBe(true);
    expect(registry.trucks.every((t) => /^辽L·[A-Z]\d{4}$/.test(t.plate))).toBe(true);
  });

  it('resolves every reference, with devices of the right kind used once each', () => {
    const used: string[] = [];
    for (const truck of registry.trucks) {
      expect(facilities.get(truck.depotId!)?.kind).toBe('depot');
      expect(devices.get(truck.gpsDeviceId!)?.kind).toBe('gps');
      expect(devices.get(truck.rfidDeviceId!)?.kind).toBe('rfid');
      used.push(truck.gpsDeviceId!, truck.rfidDeviceId!);
    }
    for (const weighbridge of registry.weighbridges) {
      expect(facilities.has(weighbridge.facilityId)).toBe(true);
      expect(devices.get(weighbridge.deviceId)?.kind).toBe('weighbridge');
      used.push(weighbridge.deviceId);
    }
    for (const route of registry.routes) {
      const truck = trucks.get(route.truckId)!;
      expect(route.binIds.every((id) => bins.get(id)?.stream === truck.stream)).toBe(true);
      expect(facilities.get(route.facilityId!)?.kind).not.toBe('depot');
    }
    expect(duplicates(registry.routes.flatMap((r) => r.binIds))).toEqual([]);
    expect(used.sort()).toEqual(registry.devices.map((d) => d.id).sort());
  });

  it('weighs at every facility a route unloads at, and never at a depot', () => {
    const weighed = new Set(registry.weighbridges.map((w) => w.facilityId));

    for (const route of registry.routes) expect(weighed.has(route.facilityId!)).toBe(true);
    for (const f of registry.facilities) expect(weighed.has(f.id)).toBe(f.kind !== 'depot');
  });

  it('plans every route from its depot past each bin in order, to its facility and back', () => {
    const problems = registry.routes.flatMap((route) =>
      routeProblems(registry, route).map((p) => `${route.id}: ${p}`));

    expect(problems).toEqual([]);
  });

  it('fits every route in its shift at 25 km/h and 60 s a bin', () => {
    for (const route of registry.routes) {
      expect(route.shiftStart).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(route.shiftEnd).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(route.corridorM).toBe(200);

      const neededMin = plannedDurationS(route.path!, route.binIds.length) / 60;
      expect(neededMin).toBeLessThan(0.75 * shiftLengthMin(route.shiftStart, route.shiftEnd));
    }
  });

  it('places bins and facilities inside the district they name', () => {
    const misplaced = [...registry.bins, ...registry.facilities].filter(
      (p) => districtOf([p.lat, p.lon], DISTRICTS) !== p.district,
    );
    const wrongDistrict = registry.routes.filter((route) => {
      const district = trucks.get(route.truckId)!.district;
      return route.binIds.some((id) => bins.get(id)!.district !== district);
    });

    expect(misplaced.map((p) => p.id)).toEqual([]);
    expect(wrongDistrict.map((r) => r.id)).toEqual([]);
  });

  it('ships a development secret for every device that verifies against its hash', async () => {
    expect(Object.keys(city.secrets).sort()).toEqual(registry.devices.map((d) => d.id).sort());
    const every = Math.ceil(registry.devices.length / 8);
    const sample = registry.devices.filter((_, i) => i % every === 0);

    for (const device of sample) {
      await expect(verifySecret(city.secrets[device.id], device.secretHash)).resolves.toBe(true);
      await expect(verifySecret(`${city.secrets[device.id]}x`, device.secretHash)).resolves.toBe(
        false,
      );
    }
  });
});

describe('seed city panjin specifically', () => {
  const { registry } = loadCity('panjin', { trucks: 0, bins: 0, weighbridges: 0 });

  it('has all five districts, every stream, and the named plants', () => {
    const districts = new Set(registry.trucks.map((t) => t.district));
    const streams = new Set(registry.trucks.map((t) => t.stream));
    const kinds = new Set(registry.facilities.map((f) => f.kind));

    const expected = ['兴隆台区', '双台子区', '大洼区', '盘山县', '辽东湾新区'];
    expect([...districts].sort()).toEqual(expected.sort());
    expect(streams.size).toBe(5);
    expect(kinds.size).toBe(7);
    expect(registry.facilities.filter((f) => f.kind === 'depot')).toHaveLength(4);
    expect(registry.facilities.find((f) => f.kind === 'incinerator')?.name).toBe(
      '盘锦市生活垃圾焚烧发电厂',
    );
  });

  it('keeps routes clear of facilities other than their own depot and destination', () => {
    const intrusions = registry.routes.flatMap((route) => {
      const depotId = registry.trucks.find((t) => t.id === route.truckId)!.depotId;
      return registry.facilities
        .filter((f) => f.id !== depotId && f.id !== route.facilityId)
        .filter((f) =>
          route.path!.slice(1).some((p, i) =>
            distanceToSegmentM([f.lat, f.lon], route.path![i], p) <= f.radiusM))
        .map((f) => `${route.id} through ${f.id}`);
    });

    expect(intrusions).toEqual([]);
  });
});
