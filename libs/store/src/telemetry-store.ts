/**
 * The store behind ingest and the API. Two engines implement it: the embedded SQLite
 * store (default) and InfluxDB. Times are epoch ms; every list is newest first unless
 * it says otherwise.
 */
import type {
  DeadLetter,
  FixRecord,
  ReadRecord,
  RejectReason,
  TelemetryBatch,
  WeighingRecord,
} from '@sanitation/contracts';

/** Epoch ms; `from` inclusive, `to` exclusive, in every engine. */
export interface TimeRange {
  from?: number;
  to?: number;
}

export interface Page {
  limit: number;
  offset: number;
}

export interface WeighingQuery extends TimeRange {
  facilityId?: string;
  weighbridgeId?: string;
  truckId?: string;
}

export interface DeadLetterQuery extends TimeRange {
  reason?: RejectReason;
  deviceId?: string;
}

export interface ReadQuery extends TimeRange {
  truckId?: string;
  deviceId?: string;
}

export type TonnageGroup = 'facility' | 'stream' | 'district' | 'truck';
export type TonnageInterval = 'day' | 'month';

export interface TonnageQuery extends TimeRange {
  groupBy: TonnageGroup;
  interval: TonnageInterval;
  /** IANA zone whose calendar days and months the sums follow (the registry's). */
  timezone: string;
}

export interface TonnageRow {
  /** Start of the day or month, local to the query's timezone, as epoch ms. */
  periodStart: number;
  /** Facility, stream, district or truck id; null for tickets with none (unmatched). */
  key: string | null;
  netKg: number;
  weighings: number;
}

export interface WeighingMatch {
  weighbridgeId: string;
  ticket: number;
  truckId: string;
  matchedBy: string;
  /** The record as it should read after the match (tare, net, stream, route, flags). */
  updated: WeighingRecord;
}

export interface StoreHealth {
  ok: boolean;
  detail?: string;
  /** Records accepted but not yet durable in the engine (InfluxDB spool, for one). */
  backlog: number;
}

export interface TelemetryStore {
  /**
   * Stores a batch in one durable step and resolves once it is durable (or spooled).
   * Resolves with the records that were new, as the same objects it was given: a fix
   * is the same as one stored when its device and ts match, a read by device, tag and
   * ts, a weighing by device and ticket.
   */
  write(batch: TelemetryBatch): Promise<TelemetryBatch>;

  track(truckId: string, range: TimeRange): Promise<FixRecord[]>;
  reads(query: ReadQuery): Promise<ReadRecord[]>;
  weighings(query: WeighingQuery, page: Page): Promise<WeighingRecord[]>;
  weighing(weighbridgeId: string, ticket: number): Promise<WeighingRecord | null>;
  updateWeighing(match: WeighingMatch): Promise<void>;
  tonnage(query: TonnageQuery): Promise<TonnageRow[]>;
  deadLetters(query: DeadLetterQuery, page: Page): Promise<DeadLetter[]>;

  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

export const TELEMETRY_STORE = Symbol('TelemetryStore');
