import type { WeighingRecord } from '@sanitation/contracts';
import { periodStart } from './local-period';
import type { TonnageQuery, TonnageRow } from './telemetry-store';

const KEY_OF: Record<TonnageQuery['groupBy'], (w: WeighingRecord) => string | null> = {
  facility: (w) => w.facilityId,
  stream: (w) => w.stream,
  district: (w) => w.district,
  truck: (w) => w.truckId,
};

/** Sums net weight by local period and key, in the order of compareTonnageRows. */
export function groupTonnage(weighings: WeighingRecord[], query: TonnageQuery): TonnageRow[] {
  const sums = new Map<string, TonnageRow>();
  for (const weighing of weighings) {
    if (weighing.netKg === null) continue;
    const start = periodStart(weighing.ts, query.timezone, query.interval);
    const key = KEY_OF[query.groupBy](weighing);
    const id = `${start}|${key}`;
    const row = sums.get(id) ?? { periodStart: start, key, netKg: 0, weighings: 0 };
    row.netKg += weighing.netKg;
    row.weighings += 1;
    sums.set(id, row);
  }
  return [...sums.values()].sort(compareTonnageRows);
}

/**
 * Rows by period, then by key in code-unit order (independent of the host's locale), the
 * null key (tickets without a truck, stream or district) last. Every store sorts with it.
 */
export function compareTonnageRows(a: TonnageRow, b: TonnageRow): number {
  if (a.periodStart !== b.periodStart) return a.periodStart - b.periodStart;
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return a.key < b.key ? -1 : 1;
}
