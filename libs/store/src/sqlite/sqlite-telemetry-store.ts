/**
 * The embedded store (STORE=sqlite, the default): one SQLite file in WAL mode under
 * DATA_DIR. Each write() is one transaction, so a batch is durable as a whole.
 */
import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { emptyBatch, TelemetryBatch, WeighingRecord } from '@sanitation/contracts';
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
import { groupTonnage } from '../tonnage';
import * as map from './row-mappers';
import { SCHEMA_SQL } from './schema';
import { whereClause } from './where-clause';

const INSERTS = {
  fix: `INSERT OR IGNORE INTO fix VALUES (@device_id, @ts, @truck_id, @lat, @lon, @speed_kmh,
    @heading_deg, @hdop, @sats, @ignition, @seq, @received_at)`,
  read: `INSERT OR IGNORE INTO bin_read VALUES (@device_id, @tag, @ts, @truck_id, @bin_id,
    @rssi, @antenna, @received_at)`,
  weighing: `INSERT OR IGNORE INTO weighing VALUES (@device_id, @ticket, @weighbridge_id,
    @facility_id, @ts, @plate, @plate_normalized, @truck_id, @gross_kg, @tare_kg, @tare_source,
    @net_kg, @stream, @route_id, @district, @flags, @matched_by, @received_at)`,
  status: `INSERT OR IGNORE INTO device_status VALUES (@device_id, @ts, @kind, @online, @fw,
    @battery_pct, @received_at)`,
  deadLetter: `INSERT OR IGNORE INTO dead_letter (id, received_at, topic, device_id, idx, reason,
    message, payload, payload_base64) VALUES (@id, @received_at, @topic, @device_id, @idx,
    @reason, @message, @payload, @payload_base64)`,
};

export class SqliteTelemetryStore implements TelemetryStore {
  private readonly db: Db;
  private readonly insert: Record<keyof typeof INSERTS, Statement>;
  private readonly writeBatch: (batch: TelemetryBatch) => TelemetryBatch;

  constructor(readonly path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA_SQL);

    this.insert = {
      fix: this.db.prepare(INSERTS.fix),
      read: this.db.prepare(INSERTS.read),
      weighing: this.db.prepare(INSERTS.weighing),
      status: this.db.prepare(INSERTS.status),
      deadLetter: this.db.prepare(INSERTS.deadLetter),
    };
    this.writeBatch = this.db.transaction((batch: TelemetryBatch) => this.insertAll(batch));
  }

  write(batch: TelemetryBatch): Promise<TelemetryBatch> {
    return Promise.resolve(this.writeBatch(batch));
  }

  track(truckId: string, range: TimeRange): Promise<ReturnType<typeof map.rowToFix>[]> {
    const where = whereClause([['truck_id = ?', truckId]], range);
    const rows = this.all(`SELECT * FROM fix ${where.sql} ORDER BY ts, device_id`, where.params);
    return Promise.resolve(rows.map(map.rowToFix));
  }

  reads(query: ReadQuery): Promise<ReturnType<typeof map.rowToRead>[]> {
    const where = whereClause(
      [
        ['truck_id = ?', query.truckId],
        ['device_id = ?', query.deviceId],
      ],
      query,
    );
    const sql = `SELECT * FROM bin_read ${where.sql} ORDER BY ts, device_id, tag`;
    const rows = this.all(sql, where.params);
    return Promise.resolve(rows.map(map.rowToRead));
  }

  weighings(query: WeighingQuery, page: Page): Promise<WeighingRecord[]> {
    const where = whereClause(
      [
        ['facility_id = ?', query.facilityId],
        ['weighbridge_id = ?', query.weighbridgeId],
        ['truck_id = ?', query.truckId],
      ],
      query,
    );
    const sql = `SELECT * FROM weighing ${where.sql} ORDER BY ts DESC, ticket DESC
      LIMIT ? OFFSET ?`;
    const rows = this.all(sql, [...where.params, page.limit, page.offset]);
    return Promise.resolve(rows.map(map.rowToWeighing));
  }

  weighing(weighbridgeId: string, ticket: number): Promise<WeighingRecord | null> {
    const row = this.db
      .prepare('SELECT * FROM weighing WHERE weighbridge_id = ? AND ticket = ?')
      .get(weighbridgeId, ticket) as Record<string, unknown> | undefined;
    return Promise.resolve(row ? map.rowToWeighing(row) : null);
  }

  updateWeighing(match: WeighingMatch): Promise<void> {
    const row = map.weighingToRow(match.updated);
    this.db
      .prepare(
        `UPDATE weighing SET truck_id = @truck_id, tare_kg = @tare_kg,
        tare_source = @tare_source, net_kg = @net_kg, stream = @stream, route_id = @route_id,
        district = @district, flags = @flags, matched_by = @matched_by
        WHERE weighbridge_id = @weighbridge_id AND ticket = @ticket`,
      )
      .run(row);
    return Promise.resolve();
  }

  tonnage(query: TonnageQuery): Promise<TonnageRow[]> {
    const where = whereClause([['net_kg IS NOT NULL', true]], query);
    const rows = this.all(`SELECT * FROM weighing ${where.sql}`, where.params);
    return Promise.resolve(groupTonnage(rows.map(map.rowToWeighing), query));
  }

  deadLetters(query: DeadLetterQuery, page: Page) {
    const where = whereClause(
      [
        ['reason = ?', query.reason],
        ['device_id = ?', query.deviceId],
      ],
      query,
      'received_at',
    );
    const sql = `SELECT * FROM dead_letter ${where.sql} ORDER BY received_at DESC, seq DESC
      LIMIT ? OFFSET ?`;
    const rows = this.all(sql, [...where.params, page.limit, page.offset]);
    return Promise.resolve(rows.map(map.rowToDeadLetter));
  }

  /** Deletes telemetry older than the retention horizon (contract §7 RETENTION_DAYS). */
  prune(olderThanMs: number): number {
    const tables = ['fix', 'bin_read', 'device_status'];
    let removed = 0;
    for (const table of tables) {
      removed += this.db.prepare(`DELETE FROM ${table} WHERE ts < ?`).run(olderThanMs).changes;
    }
    removed += this.db
      .prepare('DELETE FROM dead_letter WHERE received_at < ?')
      .run(olderThanMs).changes;
    return removed;
  }

  health(): Promise<StoreHealth> {
    try {
      this.db.prepare('SELECT 1').get();
      return Promise.resolve({ ok: true, backlog: 0 });
    } catch (error) {
      return Promise.resolve({ ok: false, detail: (error as Error).message, backlog: 0 });
    }
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }

  private insertAll(batch: TelemetryBatch): TelemetryBatch {
    const stored = emptyBatch();
    stored.fixes = batch.fixes.filter((f) => this.insert.fix.run(map.fixToRow(f)).changes > 0);
    stored.reads = batch.reads.filter((r) => this.insert.read.run(map.readToRow(r)).changes > 0);
    stored.weighings = batch.weighings.filter(
      (w) => this.insert.weighing.run(map.weighingToRow(w)).changes > 0,
    );
    stored.statuses = batch.statuses.filter(
      (s) =>
        this.insert.status.run({
          device_id: s.deviceId,
          ts: s.ts,
          kind: s.kind,
          online: Number(s.online),
          fw: s.fw ?? null,
          battery_pct: s.batteryPct ?? null,
          received_at: s.receivedAt,
        }).changes > 0,
    );
    stored.deadLetters = batch.deadLetters.filter(
      (d) => this.insert.deadLetter.run(map.deadLetterToRow(d)).changes > 0,
    );
    return stored;
  }

  private all(sql: string, params: unknown[]): Record<string, unknown>[] {
    return this.db.prepare(sql).all(...params) as Record<string, unknown>[];
  }
}
