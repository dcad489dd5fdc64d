import type { TimeRange } from '../telemetry-store';

/**
 * Builds `WHERE a = ? AND ts >= ? AND ts < ?` from optional filters: a filter whose
 * value is undefined is left out. `from` is inclusive, `to` exclusive.
 */
export function whereClause(
  filters: [string, unknown][],
  range: TimeRange,
  timeColumn = 'ts',
): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];

  for (const [condition, value] of filters) {
    if (value === undefined) continue;
    conditions.push(condition);
    if (condition.includes('?')) params.push(value);
  }
  if (range.from !== undefined) {
    conditions.push(`${timeColumn} >= ?`);
    params.push(range.from);
  }
  if (range.to !== undefined) {
    conditions.push(`${timeColumn} < ?`);
    params.push(range.to);
  }

  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
