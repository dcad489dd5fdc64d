/**
 * The store of contract §7 for any process: SQLite alone, or InfluxDB for telemetry with
 * SQLite beside it for the records that change after they are written
 * (libs/store/src/influx/SCHEMA.md).
 */
import { join } from 'node:path';
import type { AppConfig } from '@sanitation/config';
import type { Logger } from '@sanitation/observability';
import { InfluxTelemetryStore, SqliteTelemetryStore, TelemetryStore } from '@sanitation/store';

/**
 * @param stateDir where this process alone keeps the InfluxDB spool and duplicate-key index.
 * Several processes share DATA_DIR's SQLite files (WAL with a busy timeout lets them), but
 * not a spool: each drains and deletes its own segments.
 */
export function createTelemetryStore(
  config: AppConfig,
  logger: Logger,
  stateDir: string = config.dataDir,
): TelemetryStore {
  if (config.store === 'sqlite' || !config.influx) {
    return new SqliteTelemetryStore(join(config.dataDir, 'telemetry.db'));
  }
  return new InfluxTelemetryStore(
    { ...config.influx, dataDir: stateDir, retentionDays: config.retentionDays },
    new SqliteTelemetryStore(join(config.dataDir, 'records.db')),
    logger.child({ component: 'influx' }),
  );
}

/** Creates the InfluxDB schema when the store is InfluxDB; nothing for SQLite. */
export async function initTelemetryStore(store: TelemetryStore): Promise<void> {
  if (store instanceof InfluxTelemetryStore) await store.init();
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * RETENTION_DAYS for the embedded store: telemetry past the horizon is deleted at start
 * and every hour. InfluxDB keeps its own retention policy (SCHEMA.md).
 */
export function startRetention(store: TelemetryStore, config: AppConfig, logger: Logger) {
  if (!(store instanceof SqliteTelemetryStore)) return () => undefined;

  const prune = () => {
    const horizon = Date.now() - config.retentionDays * DAY_MS;
    try {
      const removed = store.prune(horizon);
      if (removed > 0) {
        logger.info({ removed, before: new Date(horizon).toISOString() }, 'pruned old telemetry');
      }
    } catch (error) {
      logger.error({ err: error }, 'pruning old telemetry failed; will try again in an hour');
    }
  };
  prune();
  const timer = setInterval(prune, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
