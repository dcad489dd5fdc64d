/** Ingest as both the platform and the ingest process build it: group commit, then parse. */
import type { AppConfig } from '@sanitation/config';
import { BatchWriter, IngestService, TelemetryEventBus } from '@sanitation/ingest';
import type { Logger, PlatformMetrics } from '@sanitation/observability';
import type { RegistryService } from '@sanitation/registry';
import { InfluxTelemetryStore, TelemetryStore } from '@sanitation/store';

export interface IngestParts {
  config: AppConfig;
  store: TelemetryStore;
  registry: RegistryService;
  bus: TelemetryEventBus;
  metrics: PlatformMetrics;
  logger: Logger;
}

export function createIngest(parts: IngestParts): { writer: BatchWriter; ingest: IngestService } {
  const writer = new BatchWriter(parts.store, (seconds) =>
    parts.metrics.storeWriteSeconds.observe(seconds),
  );
  const ingest = new IngestService(
    parts.registry,
    writer,
    parts.bus,
    parts.metrics,
    parts.logger.child({ component: 'ingest' }),
    parts.config.retentionDays,
  );
  parts.metrics.addBacklogSource(() => writer.backlog);
  const store = parts.store;
  if (store instanceof InfluxTelemetryStore) {
    parts.metrics.addBacklogSource(() => store.stats().spooledPoints);
    parts.metrics.addRefresher(() => {
      const stats = store.stats();
      parts.metrics.spoolBytes.set(stats.spoolBytes);
      parts.metrics.droppedPoints.set(stats.droppedPoints);
      parts.metrics.partialWriteRejects.set(stats.partialWriteRejects);
    });
  }
  return { writer, ingest };
}
