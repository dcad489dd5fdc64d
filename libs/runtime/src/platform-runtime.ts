/**
 * The parts of the single-process platform that are not Nest controllers, built in
 * dependency order and closed in reverse: registry, store, broker, ingest, rules.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiTokens } from '@sanitation/api';
import { CredentialChecker, EmbeddedBroker } from '@sanitation/broker';
import type { AppConfig } from '@sanitation/config';
import { DEVICE_KINDS, TOPIC_ROOT } from '@sanitation/contracts';
import { BatchWriter, IngestService, TelemetryEventBus } from '@sanitation/ingest';
import type { Logger } from '@sanitation/observability';
import { PlatformMetrics } from '@sanitation/observability';
import { RegistryService } from '@sanitation/registry';
import { InfluxTelemetryStore, SqliteTelemetryStore, TelemetryStore } from '@sanitation/store';
import { AedesSource, ExternalBrokerSource, MessageSource } from '@sanitation/transport';

export const DEVICE_PATTERNS = DEVICE_KINDS.map((kind) => `${TOPIC_ROOT}/${kind}/#`);

export class PlatformRuntime {
  readonly metrics = new PlatformMetrics();
  readonly bus = new TelemetryEventBus();
  readonly registry: RegistryService;
  readonly tokens: ApiTokens;
  readonly store: TelemetryStore;
  readonly writer: BatchWriter;
  readonly ingest: IngestService;
  readonly broker: EmbeddedBroker | null;
  readonly source: MessageSource;

  constructor(readonly config: AppConfig, readonly logger: Logger) {
    mkdirSync(config.dataDir, { recursive: true });
    this.registry = new RegistryService(config.registryPath);
    this.tokens = ApiTokens.fromConfig(config);
    this.store = this.createStore();
    this.writer = new BatchWriter(this.store, (seconds) =>
      this.metrics.storeWriteSeconds.observe(seconds),
    );
    this.ingest = new IngestService(
      this.registry,
      this.writer,
      this.bus,
      this.metrics,
      logger.child({ component: 'ingest' }),
      config.retentionDays,
    );
    this.broker = config.mqttUrl ? null : this.embeddedBroker();
    this.source = this.messageSource();
  }

  async start(): Promise<void> {
    const city = this.registry.current;
    this.logger.info(
      { city: city.city, trucks: city.trucks.size, bins: city.bins.size, path: this.registry.path },
      `registry loaded: ${city.city}`,
    );
    if (this.tokens.createdAdminToken) {
      this.logger.warn(
        { file: join(this.config.dataDir, 'admin-token') },
        `API_TOKENS is unset: made an admin token, shown this once: ${this.tokens.createdAdminToken}`,
      );
    }
    if (this.store instanceof InfluxTelemetryStore) await this.store.init();
    if (this.broker) await this.broker.start();
  }

  async close(): Promise<void> {
    await this.source.close();
    await this.writer.drain();
    if (this.broker) await this.broker.close();
    await this.store.close();
  }

  /**
   * SQLite alone, or InfluxDB for telemetry with SQLite beside it for the records that
   * change after they are written (libs/store/src/influx/SCHEMA.md).
   */
  private createStore(): TelemetryStore {
    const { config } = this;
    if (config.store === 'sqlite' || !config.influx) {
      return new SqliteTelemetryStore(join(config.dataDir, 'telemetry.db'));
    }
    return new InfluxTelemetryStore(
      { ...config.influx, dataDir: config.dataDir, retentionDays: config.retentionDays },
      new SqliteTelemetryStore(join(config.dataDir, 'records.db')),
      this.logger.child({ component: 'influx' }),
    );
  }

  private embeddedBroker(): EmbeddedBroker {
    const tokens = this.tokens;
    return new EmbeddedBroker({
      port: this.config.mqttPort,
      authEnabled: this.config.mqttAuth,
      credentials: new CredentialChecker(() => this.registry.current, {
        roleOf: (token) => tokens.identify(token)?.role ?? null,
      }),
      refusals: { publishRefused: (refusal) => this.ingest.publishRefused(refusal) },
      logger: this.logger.child({ component: 'broker' }),
      onRefusal: (reason) => this.metrics.mqttRefusals.inc({ reason }),
    });
  }

  private messageSource(): MessageSource {
    const onError = (error: unknown, topic: string) =>
      this.logger.error({ err: error, topic }, 'message not acknowledged: the store write failed');
    if (this.broker) {
      const broker = this.broker;
      return new AedesSource(broker, onError);
    }
    return new ExternalBrokerSource({
      url: this.config.mqttUrl as string,
      clientIdPrefix: 'sanitation-ingest',
      connections: 8,
      shareGroup: 'sanitation-ingest',
      onError,
    });
  }
}
