/** Compares the alerts a platform raised with a scenario's ground truth, per alert type. */
import type { Alert } from '@sanitation/contracts';
import type { ExpectedAlert } from '../city-day/types';

type Comparable = Pick<Alert, 'type' | 'truckId' | 'routeId' | 'facilityId' | 'weighbridgeId' |
  'openedAt'>;

export interface TypeScore {
  type: string;
  expected: number;
  raised: number;
  matched: number;
  precision: number;
  recall: number;
}

export interface Comparison {
  perType: TypeScore[];
  missing: Comparable[];
  unexpected: Comparable[];
  perfect: boolean;
}

const sameSubject = (a: Comparable, b: Comparable) => a.type === b.type &&
  a.truckId === b.truckId && a.routeId === b.routeId && a.facilityId === b.facilityId &&
  a.weighbridgeId === b.weighbridgeId;

/** Matches one to one, each expected alert to the nearest raised one within `toleranceMs`. */
export function compareAlerts(expected: (ExpectedAlert | Comparable)[], raised: Comparable[],
  toleranceMs = 0): Comparison {
  const unused = [...raised];
  const missing: Comparable[] = [];
  const matchedByType = new Map<string, number>();

  for (const want of expected) {
    const wantMs = Date.parse(want.openedAt);
    let best = -1;
    unused.forEach((candidate, index) => {
      const offMs = Math.abs(Date.parse(candidate.openedAt) - wantMs);
      if (sameSubject(want, candidate) && offMs <= toleranceMs && (best < 0 ||
        offMs < Math.abs(Date.parse(unused[best].openedAt) - wantMs))) best = index;
    });
    if (best < 0) {
      missing.push(want);
    } else {
      unused.splice(best, 1);
      matchedByType.set(want.type, (matchedByType.get(want.type) ?? 0) + 1);
    }
  }

  const types = [...new Set([...expected, ...raised].map((alert) => alert.type))].sort();
  const perType = types.map((type) => {
    const expectedCount = expected.filter((alert) => alert.type === type).length;
    const raisedCount = raised.filter((alert) => alert.type === type).length;
    const matched = matchedByType.get(type) ?? 0;
    return { type, expected: expectedCount, raised: raisedCount, matched,
      precision: raisedCount === 0 ? 1 : matched / raisedCount,
      recall: expectedCount === 0 ? 1 : matched / expectedCount };
  });
  return { perType, missing, unexpected: unused,
    perfect: missing.length === 0 && unused.length === 0 };
}
