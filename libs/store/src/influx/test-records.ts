/** Small records for the InfluxDB store's tests and benchmark: the contract suite's own. */
import type { WeighingRecord } from '@sanitation/contracts';
import { weighing as weighingAt } from '../contract/fixtures';

export { deadLetter, fix, read, status } from '../contract/fixtures';

export const T0 = Date.UTC(2026, 11, 3, 2, 0, 0); // 2026-12-03 10:00 in Panjin

/** A ticket from WB-INC-1. */
export const weighing = (ticket: number, ts: number, extra: Partial<WeighingRecord> = {}) =>
  weighingAt('WB-INC-1', ticket, ts, extra);
