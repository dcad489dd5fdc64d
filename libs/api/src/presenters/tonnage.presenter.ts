/** Tonnage rows: the local period start as an ISO date, kilograms and tonnes. */
import { localParts, periodStart, TonnageRow } from '@sanitation/store';

export interface TonnageView {
  /** First local day of the period, e.g. `2026-12-03` or `2026-12-01`. */
  period: string;
  key: string | null;
  netKg: number;
  tonnes: number;
  weighings: number;
}

export function toTonnageView(row: TonnageRow, timezone: string): TonnageView {
  return {
    period: localDate(row.periodStart, timezone),
    key: row.key,
    netKg: row.netKg,
    tonnes: Math.round(row.netKg) / 1000,
    weighings: row.weighings,
  };
}

function localDate(ms: number, timezone: string): string {
  const start = periodStart(ms, timezone, 'day');
  const p = localParts(start, timezone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}
