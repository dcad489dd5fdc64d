import type { WeighingRecord } from '@sanitation/contracts';
import { periodStart } from './local-period';
import type { TonnageQuery, TonnageRow } from './telemetry-store';

const KEY_OF: Record<TonnageQuery['groupBy'], (w: WeighingRecord) => string | null> = {
  facility: (w) => w.facilityId,
  stream: (w) => w.stream,
  district: (w) => w.district,
  truck: (w) => w.truckId,
};

/** Sums net weight by local period and key; rows by period, then by key. */
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
  return [...sums.values()].sort(
    (a, b) => a.periodStart - b.periodStart || String(a.key).localeCompare(String(b.key)),
  );
}
