/**
 * Where a route's bins stand: one street grid for town routes, three small village grids
 * for rural ones. Every bin must fall inside the route's district, and areas of the same
 * stream keep apart so that two trucks do not share one block.
 */
import type { LatLon, WasteStream } from '@sanitation/contracts';
import { District, districtOf } from '../lib/districts';
import { distanceM, distanceToPathM, offsetM, pointInMultiPolygon } from '../lib/geometry';
import { Prng } from '../lib/prng';
import { Circle, CIRCLE_CLEARANCE_M } from '../lib/route-path';
import { GridShape, StreetRun, streetGrid } from '../lib/streets';
import type { TruckKind } from './city-plan';

/** Rural areas lie this far from the district seat: out of town, but a short drive. */
const RURAL_FROM_SEAT_M = { min: 4000, max: 25_000 };
const VILLAGES_PER_RURAL_ROUTE = 3;
const VILLAGE_SPREAD_M = { min: 1500, max: 3500 };
const MIN_SEPARATION_M: Record<TruckKind['layout'], number> = {
  urban: 900,
  rural: 3000,
  hazardous: 2500,
  construction: 2000,
};
const ATTEMPTS_BEFORE_RELAXING = 300;
const MAX_ATTEMPTS = 3000;

function gridShapes(prng: Prng, layout: TruckKind['layout']): GridShape[] {
  switch (layout) {
    case 'urban':
      return [{ bins: prng.int(40, 46), streets: 4, spacingM: prng.range(55, 75), gapM: 180 }];
    case 'rural': {
      const perVillage = prng.int(14, 15);
      return Array.from({ length: VILLAGES_PER_RURAL_ROUTE }, () => ({
        bins: perVillage, streets: 2, spacingM: prng.range(70, 100), gapM: 120,
      }));
    }
    case 'hazardous':
      return [{ bins: prng.int(30, 38), streets: 3, spacingM: prng.range(200, 260), gapM: 500 }];
    case 'construction':
      return [{ bins: prng.int(14, 18), streets: 2, spacingM: prng.range(280, 350), gapM: 600 }];
  }
}

export class AreaPlanner {
  /** Centres of areas already taken, per stream. */
  private readonly taken = new Map<WasteStream, LatLon[]>();

  constructor(
    private readonly prng: Prng,
    private readonly districts: District[],
    /** Facilities: no street may come near one (see CIRCLE_CLEARANCE_M). */
    private readonly facilities: Circle[],
  ) {}

  /** Street runs for one route of `kind` in `districtName`, urban areas near the seat. */
  plan(kind: TruckKind, districtName: string, urbanSigmaM: number): StreetRun[] {
    const district = this.districts.find((d) => d.name === districtName);
    if (!district) throw new Error(`unknown district ${districtName}`);
    const taken = this.taken.get(kind.stream) ?? [];
    this.taken.set(kind.stream, taken);
    let separationM = MIN_SEPARATION_M[kind.layout];

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt % ATTEMPTS_BEFORE_RELAXING === 0) separationM /= 2;

      const centre =
        kind.layout === 'rural'
          ? this.ruralPoint(district)
          : offsetM(district.centre, this.prng.gaussian() * urbanSigmaM,
            this.prng.gaussian() * urbanSigmaM);
      if (taken.some((other) => distanceM(other, centre) < separationM)) continue;

      const runs = this.layOut(kind, centre);
      const allInside = runs.every((run) =>
        run.bins.every((bin) => districtOf(bin, this.districts) === districtName));
      if (!allInside || runs.some((run) => this.nearFacility(run.line))) continue;

      taken.push(centre);
      return runs;
    }
    throw new Error(`no room for a ${kind.stream} route in ${districtName}`);
  }

  private layOut(kind: TruckKind, centre: LatLon): StreetRun[] {
    return gridShapes(this.prng, kind.layout).map((shape, index) => {
      if (index === 0) return streetGrid(this.prng, centre, shape);

      const bearing = this.prng.range(0, 2 * Math.PI);
      const distance = this.prng.range(VILLAGE_SPREAD_M.min, VILLAGE_SPREAD_M.max);
      const village = offsetM(centre, distance * Math.cos(bearing), distance * Math.sin(bearing));
      return streetGrid(this.prng, village, shape);
    });
  }

  private nearFacility(line: LatLon[]): boolean {
    return this.facilities.some(
      (f) => distanceToPathM(f.centre, line) < f.radiusM + CIRCLE_CLEARANCE_M,
    );
  }

  /** A uniform point of the district's bounding box that is in the district, away from its seat. */
  private ruralPoint(district: District): LatLon {
    const ring = district.polygons.flatMap((polygon) => polygon[0]);
    const lats = ring.map((p) => p[0]);
    const lons = ring.map((p) => p[1]);

    for (;;) {
      const p: LatLon = [
        this.prng.range(Math.min(...lats), Math.max(...lats)),
        this.prng.range(Math.min(...lons), Math.max(...lons)),
      ];
      const inside = pointInMultiPolygon(p, district.polygons);
      const fromSeatM = distanceM(p, district.centre);
      if (inside && fromSeatM >= RURAL_FROM_SEAT_M.min && fromSeatM <= RURAL_FROM_SEAT_M.max) {
        return p;
      }
    }
  }
}
