/**
 * The parts of the single-process platform that are not Nest controllers, built in
 * dependency order and closed in reverse: registry, store, broker, ingest, rules.
 */
import { mkdirSync } from 'node:fs';
import { ApiTokens } from '@sanitation/api';
import { CredentialChecker, EmbeddedBroker } from '@sanitation/broker';
import type { AppConfig } from '@sanitation/config';
import { BatchWriter, IngestService, TelemetryEventBus } from '@sanitation/ingest';
import type { Logger } from '@sanitation/observability';
import { PlatformMetrics } from '@sanitation/observability';
import { RegistryService } from '@sanitation/registry';
import type { TelemetryStore } from '@sanitation/store';
import { AedesSource, MessageSource } from '@sanitation/transport';
import { ingestSource } from './external-sources';
import { createIngest } from './ingest-pipeline';
import { announceAdminToken, logRegistryLoaded } from './process-lifecycle';
import {
  createTelemetryStore,
  initTelemetryStore,
  startRetention,
} from './telemetry-store.factory';

/** Connections sharing the ingest subscription when the platform uses an external broker. */
const EXTERNAL_CONNECTIONS = 8;

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
  private stopRetention: () => void = () => undefined;

  constructor(
    readonly config: AppConfig,
    readonly logger: Logger,
  ) {
    mkdirSync(config.dataDir, { recursive: true });
    this.registry = new RegistryService(config.registryPath);
    this.tokens = ApiTokens.fromConfig(config);
    this.store = createTelemetryStore(config, logger);
    const pipeline = createIngest({
      config,
      store: this.store,
      registry: this.registry,
      bus: this.bus,
      metrics: this.metrics,
      logger,
    });
    this.writer = pipeline.writer;
    this.ingest = pipeline.ingest;
    this.broker = config.mqttUrl ? null : this.embeddedBroker();
    this.source = this.messageSource();
  }

  async start(): Promise<void> {
    logRegistryLoaded(this.registry, this.logger);
    announceAdminToken(this.tokens, this.config.dataDir, this.logger);
    await initTelemetryStore(this.store);
    this.stopRetention = startRetention(this.store, this.config, this.logger);
    if (this.broker) await this.broker.start();
  }

  async close(): Promise<void> {
    this.stopRetention();
    await this.source.close();
    await this.writer.drain();
    if (this.broker) await this.broker.close();
    await this.store.close();
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
    if (!this.broker) {
      return ingestSource(this.config.mqttUrl as string, null, EXTERNAL_CONNECTIONS, this.logger);
    }
    return new AedesSource(this.broker, (error, topic) =>
      this.logger.error({ err: error, topic }, 'message not acknowledged: the store write failed'),
    );
  }
}
