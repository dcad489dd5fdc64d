/**
 * The parts of an ingest process, built in dependency order and closed in reverse:
 * registry, store, ingest, then its share of the device subscription on the external broker.
 */
import { mkdirSync } from 'node:fs';
import type { AppConfig } from '@sanitation/config';
import { BatchWriter, IngestService, TelemetryEventBus } from '@sanitation/ingest';
import { Logger, PlatformMetrics } from '@sanitation/observability';
import { RegistryService } from '@sanitation/registry';
import {
  createIngest,
  createTelemetryStore,
  ingestSource,
  initTelemetryStore,
  logRegistryLoaded,
  ProcessConfig,
  startRetention,
} from '@sanitation/runtime';
import type { TelemetryStore } from '@sanitation/store';
import type { ExternalBrokerSource } from '@sanitation/transport';

export class IngestProcess {
  readonly metrics = new PlatformMetrics();
  readonly registry: RegistryService;
  readonly store: TelemetryStore;
  readonly writer: BatchWriter;
  readonly ingest: IngestService;
  readonly source: ExternalBrokerSource;
  private stopRetention: () => void = () => undefined;

  constructor(
    readonly config: AppConfig,
    readonly deployment: ProcessConfig,
    private readonly logger: Logger,
  ) {
    mkdirSync(deployment.stateDir, { recursive: true });
    this.registry = new RegistryService(config.registryPath);
    this.store = createTelemetryStore(config, logger, deployment.stateDir);
    const pipeline = createIngest({
      config,
      store: this.store,
      registry: this.registry,
      // Nobody listens here: the rules process reads the broker, not this process.
      bus: new TelemetryEventBus(),
      metrics: this.metrics,
      logger,
    });
    this.writer = pipeline.writer;
    this.ingest = pipeline.ingest;
    this.source = ingestSource(
      deployment.mqttUrl,
      deployment.instanceId,
      deployment.connections,
      logger,
    );
  }

  async start(): Promise<void> {
    logRegistryLoaded(this.registry, this.logger);
    await initTelemetryStore(this.store);
    this.stopRetention = startRetention(this.store, this.config, this.logger);
  }

  /** Stops taking messages first, so that all it acknowledged is written before it exits. */
  async close(): Promise<void> {
    this.stopRetention();
    await this.source.close();
    await this.writer.drain();
    await this.store.close();
  }
}
