/** The store's reads through InfluxQL. */
import type { FixRecord, ReadRecord } from '@sanitation/contracts';
import type { ReadQuery, TimeRange, TonnageQuery, TonnageRow } from '../telemetry-store';
import { compareTonnageRows } from '../tonnage';
import { timeClause, type InfluxQlClient } from './influxql-client';
import { quoteString as s } from './line-protocol';
import { MEASUREMENT } from './points';
import { rowToFix, rowToRead } from './rows';
import { periodStart as localPeriodStart } from '../local-period';

const TONNAGE_TAG = {
  facility: 'facilityId',
  stream: 'stream',
  district: 'district',
  truck: 'truckId',
} as const;

const DAY_MS = 86_400_000;

function where(...conditions: string[]): string {
  const present = conditions.filter((c) => c !== '');
  return present.length > 0 ? ` WHERE ${present.join(' AND ')}` : '';
}

export class InfluxQueries {
  constructor(
    private readonly influxql: InfluxQlClient,
    private readonly retentionDays: number,
  ) {}

  async track(truckId: string, range: TimeRange): Promise<FixRecord[]> {
    const q =
      `SELECT * FROM "${MEASUREMENT.fix}"` +
      where(`"truckId" = ${s(truckId)}`, timeClause(range)) +
      ' ORDER BY time ASC';
    return (await this.influxql.rows(q)).map(rowToFix).sort(fixOrder);
  }

  /** Reads in time order, like a track; then by device and tag, as in the SQLite store. */
  async reads(query: ReadQuery): Promise<ReadRecord[]> {
    const q =
      `SELECT * FROM "${MEASUREMENT.read}"` +
      where(
        query.truckId !== undefined ? `"truckId" = ${s(query.truckId)}` : '',
        query.deviceId !== undefined ? `"deviceId" = ${s(query.deviceId)}` : '',
        timeClause(query),
      ) +
      ' ORDER BY time ASC';
    return (await this.influxql.rows(q)).map(rowToRead).sort(readOrder);
  }

  /**
   * Daily sums in the query's zone come from InfluxDB (GROUP BY time(1d) with tz()); InfluxQL
   * has no calendar months, so months are folded from days here.
   */
  async tonnage(query: TonnageQuery): Promise<TonnageRow[]> {
    const tag = TONNAGE_TAG[query.groupBy];
    const from = query.from ?? Date.now() - this.retentionDays * DAY_MS;
    // Without an upper bound GROUP BY time stops at now(); weighings may be stamped ahead.
    const to = query.to ?? Date.now() + DAY_MS;
    const q =
      'SELECT sum("netKg") AS "netKg", count("netKg") AS "weighings" ' +
      `FROM "${MEASUREMENT.weighing}"` +
      where(timeClause({ from, to })) +
      ` GROUP BY time(1d), "${tag}" fill(none) tz(${s(query.timezone)})`;

    const sums = new Map<string, TonnageRow>();
    for (const row of await this.influxql.rows(q)) {
      const day = Number(row.time);
      const periodStart =
        query.interval === 'month' ? localPeriodStart(day, query.timezone, 'month') : day;
      const key = typeof row[tag] === 'string' && row[tag] !== '' ? String(row[tag]) : null;
      const id = `${periodStart}\u0000${key ?? ''}`;
      const sum = sums.get(id) ?? { periodStart, key, netKg: 0, weighings: 0 };
      sum.netKg += Number(row.netKg);
      sum.weighings += Number(row.weighings);
      sums.set(id, sum);
    }

    return [...sums.values()].sort(compareTonnageRows);
  }

  /** Which of these fixes (older than the duplicate-key window) are already stored. */
  async storedFixKeys(fixes: FixRecord[]): Promise<Set<string>> {
    const found = new Set<string>();

    for (const [deviceId, group] of byDevice(fixes)) {
      const range = span(group);
      const q =
        `SELECT "lat" FROM "${MEASUREMENT.fix}"` +
        where(`"deviceId" = ${s(deviceId)}`, timeClause(range));
      for (const row of await this.influxql.rows(q)) found.add(`${deviceId}\u0000${row.time}`);
    }

    return found;
  }

  async storedReadKeys(reads: ReadRecord[]): Promise<Set<string>> {
    const found = new Set<string>();

    for (const [deviceId, group] of byDevice(reads)) {
      const range = span(group);
      const q =
        `SELECT "tag" FROM "${MEASUREMENT.read}"` +
        where(`"deviceId" = ${s(deviceId)}`, timeClause(range));
      for (const row of await this.influxql.rows(q)) {
        found.add(`${deviceId}\u0000${String(row.tag)}\u0000${row.time}`);
      }
    }

    return found;
  }
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Series come back merged by time; ties (same ms, or reads with offsets) get a fixed order. */
const fixOrder = (a: FixRecord, b: FixRecord): number =>
  a.ts - b.ts || byCodeUnit(a.deviceId, b.deviceId);

const readOrder = (a: ReadRecord, b: ReadRecord): number =>
  a.ts - b.ts || byCodeUnit(a.deviceId, b.deviceId) || byCodeUnit(a.tag, b.tag);

function byDevice<T extends { deviceId: string }>(records: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of records) groups.set(r.deviceId, [...(groups.get(r.deviceId) ?? []), r]);
  return groups;
}

/** The smallest range holding every record (`to` is exclusive). */
function span(records: { ts: number }[]): TimeRange {
  const times = records.map((r) => r.ts);
  return { from: Math.min(...times), to: Math.max(...times) + 1 };
}
