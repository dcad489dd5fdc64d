import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  emptyBatch,
  type DeadLetter,
  type FixRecord,
  type ReadRecord,
  type TelemetryBatch,
  type WeighingRecord,
} from '@sanitation/contracts';
import type {
  DeadLetterQuery,
  Page,
  ReadQuery,
  StoreHealth,
  TelemetryStore,
  TimeRange,
  TonnageQuery,
  TonnageRow,
  WeighingMatch,
  WeighingQuery,
} from '../telemetry-store';
import { resolveInfluxConfig, type InfluxStoreConfig, type ResolvedInfluxConfig } from './config';
import { DurableWriter, type InfluxWriterStats } from './durable-writer';
import { InfluxQlClient } from './influxql-client';
import { InfluxQueries } from './influx-queries';
import type { LineWriter } from './line-writer';
import { SILENT_LOGGER, type StoreLogger } from './logger';
import { deadLetterLine, fixLine, readLine, statusLine, weighingLine } from './points';
import { SchemaSetup } from './schema-setup';
import { SeenKeys } from './seen-keys';
import { DiskSpool } from './spool';
import { V1LineWriter } from './v1-line-writer';
import { V2LineWriter } from './v2-line-writer';
import { deleteWeighingPoint } from './weighing-delete';

const PRUNE_EVERY_MS = 3_600_000; // 1 h

/**
 * TelemetryStore on InfluxDB (1.x, 2.x, 3.x). Fixes and reads live in InfluxDB only;
 * weighings, statuses and dead letters are kept by `records` (the embedded SQLite store,
 * their record of truth for the API) and also written to InfluxDB for Grafana. See
 * SCHEMA.md. The store owns `records` and closes it.
 */
export class InfluxTelemetryStore implements TelemetryStore {
  private readonly config: ResolvedInfluxConfig;
  private readonly influxql: InfluxQlClient;
  private readonly queries: InfluxQueries;
  private readonly setup: SchemaSetup;
  private readonly seen: SeenKeys;
  private readonly spool: DiskSpool;
  private readonly writer: DurableWriter;
  private readonly pruneTimer: NodeJS.Timeout;

  constructor(
    config: InfluxStoreConfig,
    private readonly records: TelemetryStore,
    private readonly logger: StoreLogger = SILENT_LOGGER,
  ) {
    this.config = resolveInfluxConfig(config);
    mkdirSync(this.config.dataDir, { recursive: true });

    this.influxql = new InfluxQlClient(this.config);
    this.queries = new InfluxQueries(this.influxql, this.config.retentionDays);
    this.setup = new SchemaSetup(this.config, this.influxql, logger);
    this.seen = new SeenKeys(
      join(this.config.dataDir, 'influx-keys.sqlite'),
      this.config.dedupWindowHours * 3_600_000,
    );

    let writer: DurableWriter | null = null;
    this.spool = new DiskSpool(
      join(this.config.dataDir, 'influx-spool'),
      this.config.spoolMaxBytes,
      (points, bytes) => writer?.recordDrop(points, bytes),
    );
    writer = new DurableWriter(this.lineWriter(), this.spool, this.config, logger);
    this.writer = writer;

    this.pruneTimer = setInterval(() => this.prune(), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
    this.prune();
  }

  /** Creates the database, retention policies and rollups (1.x) or DBRP mapping (2.x). */
  async init(): Promise<void> {
    await this.setup.ensure();
  }

  async write(batch: TelemetryBatch): Promise<TelemetryBatch> {
    const claimed = this.seen.claim(batch.fixes, batch.reads);
    const [oldFixes, oldReads] = await this.newAmongOld(claimed.oldFixes, claimed.oldReads);

    let kept: TelemetryBatch;
    try {
      kept = await this.records.write({
        ...emptyBatch(),
        weighings: batch.weighings,
        statuses: batch.statuses,
        deadLetters: batch.deadLetters,
      });
    } catch (err) {
      this.seen.forget(claimed.fixes, claimed.reads);
      throw err;
    }

    const fresh: TelemetryBatch = {
      fixes: [...claimed.fixes, ...oldFixes],
      reads: [...claimed.reads, ...oldReads],
      weighings: kept.weighings,
      statuses: kept.statuses,
      deadLetters: kept.deadLetters,
    };

    try {
      await this.writer.enqueue(linesOf(fresh));
    } catch (err) {
      this.seen.forget(claimed.fixes, claimed.reads);
      throw err;
    }
    return fresh;
  }

  track(truckId: string, range: TimeRange): Promise<FixRecord[]> {
    return this.queries.track(truckId, range);
  }

  reads(query: ReadQuery): Promise<ReadRecord[]> {
    return this.queries.reads(query);
  }

  weighings(query: WeighingQuery, page: Page): Promise<WeighingRecord[]> {
    return this.records.weighings(query, page);
  }

  weighing(weighbridgeId: string, ticket: number): Promise<WeighingRecord | null> {
    return this.records.weighing(weighbridgeId, ticket);
  }

  /**
   * The match changes tags (truck, stream, district), so the old point is deleted before
   * the new one is written; otherwise both would count in tonnage.
   */
  async updateWeighing(match: WeighingMatch): Promise<void> {
    await this.records.updateWeighing(match);

    try {
      await deleteWeighingPoint(this.config, this.influxql, match.updated);
    } catch (err) {
      this.logger.warn(
        { err, weighbridgeId: match.weighbridgeId, ticket: match.ticket },
        'could not delete the unmatched weighing point; tonnage may count it twice',
      );
    }
    await this.writer.enqueue([weighingLine(match.updated)]);
  }

  tonnage(query: TonnageQuery): Promise<TonnageRow[]> {
    return this.queries.tonnage(query);
  }

  deadLetters(query: DeadLetterQuery, page: Page): Promise<DeadLetter[]> {
    return this.records.deadLetters(query, page);
  }

  stats(): InfluxWriterStats {
    return this.writer.stats();
  }

  async health(): Promise<StoreHealth> {
    const records = await this.records.health();
    const reachable = await this.ping();
    const stats = this.writer.stats();
    const spoolNearlyFull = stats.spoolBytes > this.config.spoolMaxBytes * 0.9;
    const problems = [
      records.ok ? '' : `records: ${records.detail ?? 'not ok'}`,
      reachable ? '' : `influx unreachable at ${this.config.url}; spooling to disk`,
      spoolNearlyFull ? 'influx spool over 90% full' : '',
    ].filter((p) => p !== '');

    return {
      ok: records.ok && !spoolNearlyFull,
      detail: problems.length > 0 ? problems.join('; ') : undefined,
      backlog: stats.spooledPoints,
    };
  }

  async close(): Promise<void> {
    clearInterval(this.pruneTimer);
    await this.writer.close();
    this.spool.close();
    this.seen.close();
    await this.records.close();
  }

  private lineWriter(): LineWriter {
    if (this.config.api === 'v2') return new V2LineWriter(this.config, this.logger);

    // 1.x answers 404 for a database not yet created: create it before the first write.
    const inner = new V1LineWriter(this.config);
    return {
      write: async (lines) =>
        (await this.setup.ensure())
          ? inner.write(lines)
          : { kind: 'unavailable', message: 'influx schema setup pending' },
      close: () => inner.close(),
    };
  }

  /** Records older than the key window: new unless InfluxDB already has them. */
  private async newAmongOld(fixes: FixRecord[], reads: ReadRecord[]) {
    if (fixes.length === 0 && reads.length === 0) return [fixes, reads] as const;

    try {
      const storedFixes = await this.queries.storedFixKeys(fixes);
      const storedReads = await this.queries.storedReadKeys(reads);
      return [
        fixes.filter((f) => !storedFixes.has(`${f.deviceId}\u0000${f.ts}`)),
        reads.filter((r) => !storedReads.has(`${r.deviceId}\u0000${r.tag}\u0000${r.ts}`)),
      ] as const;
    } catch (err) {
      this.logger.warn(
        { err, fixes: fixes.length, reads: reads.length },
        'cannot check old records against influx; counting them as new',
      );
      return [fixes, reads] as const;
    }
  }

  private prune(): void {
    try {
      const removed = this.seen.prune();
      if (removed > 0) this.logger.debug({ removed }, 'pruned duplicate keys');
    } catch (err) {
      this.logger.error({ err }, 'pruning duplicate keys failed');
    }
  }

  private async ping(): Promise<boolean> {
    try {
      const res = await fetch(`${this.config.url}/ping`, {
        headers: this.influxql.headers(),
        signal: AbortSignal.timeout(2_000),
      });
      return res.status === 204 || res.ok;
    } catch {
      return false;
    }
  }
}

function linesOf(batch: TelemetryBatch): string[] {
  return [
    ...batch.fixes.map(fixLine),
    ...batch.reads.map(readLine),
    ...batch.weighings.map(weighingLine),
    ...batch.statuses.map(statusLine),
    ...batch.deadLetters.map(deadLetterLine),
  ];
}
