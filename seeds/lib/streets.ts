/**
 * Synthetic streets with bins along them. There is no street data for Panjin here, so a
 * collection area is a small grid of parallel streets that a truck drives as a serpentine,
 * with bins at the kerb every few dozen metres. Villages are smaller grids a few km apart.
 */
import type { LatLon } from '@sanitation/contracts';
import { offsetM } from './geometry';
import { Prng } from './prng';

export interface StreetRun {
  /** The line a truck drives through the area, in order. */
  line: LatLon[];
  /** Bin positions beside that line, in the order the truck reaches them. */
  bins: LatLon[];
}

export interface GridShape {
  bins: number;
  streets: number;
  spacingM: number;
  /** Distance between neighbouring parallel streets. */
  gapM: number;
}

/** Bins stand at the kerb, this far from the street's centre line. */
const KERB_OFFSET_M = { min: 3, max: 8 };
const MAX_HEADING_SKEW_RAD = 0.3;

/** Parallel streets around `centre`, driven alternately one way and back. */
export function streetGrid(prng: Prng, centre: LatLon, shape: GridShape): StreetRun {
  const heading =
    prng.range(-MAX_HEADING_SKEW_RAD, MAX_HEADING_SKEW_RAD) + (prng.chance(0.5) ? Math.PI / 2 : 0);
  const toLatLon = (alongM: number, acrossM: number): LatLon =>
    offsetM(
      centre,
      alongM * Math.cos(heading) - acrossM * Math.sin(heading),
      alongM * Math.sin(heading) + acrossM * Math.cos(heading),
    );

  const perStreet = Math.ceil(shape.bins / shape.streets);
  const halfLengthM = (perStreet * shape.spacingM) / 2;
  const line: LatLon[] = [];
  const bins: LatLon[] = [];

  for (let street = 0; street < shape.streets && bins.length < shape.bins; street++) {
    const acrossM = (street - (shape.streets - 1) / 2) * shape.gapM;
    const direction = street % 2 === 0 ? 1 : -1;
    line.push(toLatLon(-direction * halfLengthM, acrossM));
    line.push(toLatLon(direction * halfLengthM, acrossM));

    const count = Math.min(perStreet, shape.bins - bins.length);
    for (let i = 0; i < count; i++) {
      const jitterM = prng.range(-0.2, 0.2) * shape.spacingM;
      const alongM = direction * (-halfLengthM + (i + 0.5) * shape.spacingM + jitterM);
      const kerbM = prng.range(KERB_OFFSET_M.min, KERB_OFFSET_M.max) * (prng.chance(0.5) ? 1 : -1);
      bins.push(toLatLon(alongM, acrossM + kerbM));
    }
  }
  return { line, bins };
}

export function reverseRun(run: StreetRun): StreetRun {
  return { line: [...run.line].reverse(), bins: [...run.bins].reverse() };
}
