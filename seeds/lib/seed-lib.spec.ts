import { join } from 'node:path';
import type { LatLon } from '@sanitation/contracts';
import { districtOf, LIAODONG_BAY, loadDistricts } from './districts';
import { distanceM, distanceToPathM, distanceToSegmentM } from './geometry';
import { Prng } from './prng';
import { skirtCircles } from './route-path';
import { streetGrid } from './streets';

describe('Prng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: string) => Array.from({ length: 5 }, () => new Prng(seed).next());
    const a = new Prng('x');
    const b = new Prng('x');
    const c = new Prng('y');

    const fromA = [a.next(), a.next(), a.hex(8)];

    expect([b.next(), b.next(), b.hex(8)]).toEqual(fromA);
    expect(c.next()).not.toEqual(fromA[0]);
    expect(new Set(draw('x')).size).toBe(1);
  });

  it('keeps int() within both bounds', () => {
    const prng = new Prng('bounds');
    const values = Array.from({ length: 2000 }, () => prng.int(3, 5));

    expect(Math.min(...values)).toBe(3);
    expect(Math.max(...values)).toBe(5);
  });
});

describe('districts', () => {
  const districts = loadDistricts(join(__dirname, '../panjin/panjin-districts.gcj02.geojson'));

  it('converts the GCJ-02 outlines so that each seat lies in its own district', () => {
    for (const district of districts) {
      expect(districtOf(district.centre, districts)).toBe(district.name);
    }
  });

  it('gives the new area precedence over 大洼区, which surrounds it', () => {
    const dawa = districts.find((d) => d.name === '大洼区')!;
    const newAreaSeat = districts.find((d) => d.name === LIAODONG_BAY)!.centre;

    expect(districtOf(newAreaSeat, [dawa])).toBe('大洼区');
    expect(districtOf(newAreaSeat, districts)).toBe(LIAODONG_BAY);
  });

  it('places nothing in the sea off the coast', () => {
    expect(districtOf([40.5, 121.9], districts)).toBeUndefined();
  });
});

describe('streetGrid', () => {
  it('puts every bin at the kerb of the street line, in driving order', () => {
    const run = streetGrid(new Prng('grid'), [41.12, 122.07], {
      bins: 40, streets: 4, spacingM: 60, gapM: 180,
    });

    expect(run.bins).toHaveLength(40);
    expect(run.bins.every((bin) => distanceToPathM(bin, run.line) <= 8.01)).toBe(true);
    const firstStreet = run.bins.slice(0, 10).map((bin) => distanceM(run.line[0], bin));
    expect([...firstStreet].sort((x, y) => x - y)).toEqual(firstStreet);
  });
});

describe('skirtCircles', () => {
  it('bends a leg that cuts through a facility around it', () => {
    const path: LatLon[] = [[41.0, 122.0], [41.0, 122.1]];
    const circle = { centre: [41.0, 122.05] as LatLon, radiusM: 250 };

    const skirted = skirtCircles(path, [circle]);

    expect(skirted.length).toBeGreaterThan(2);
    for (let i = 1; i < skirted.length; i++) {
      expect(distanceToSegmentM(circle.centre, skirted[i - 1], skirted[i])).toBeGreaterThan(250);
    }
  });

  it('leaves a path that keeps clear untouched', () => {
    const path: LatLon[] = [[41.0, 122.0], [41.0, 122.1]];

    expect(skirtCircles(path, [{ centre: [41.1, 122.05], radiusM: 250 }])).toEqual(path);
  });
});
