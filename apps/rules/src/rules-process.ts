/**
 * The parts of the rules process, built in dependency order and closed in reverse:
 * registry, store (read for the API; written by ingest), the rules, and their own
 * subscription to every device topic on the external broker.
 */
import { mkdirSync } from 'node:fs';
import { ApiTokens } from '@sanitation/api';
import type { AppConfig } from '@sanitation/config';
import { TelemetryEventBus } from '@sanitation/ingest';
import { Logger, PlatformMetrics } from '@sanitation/observability';
import { RegistryService } from '@sanitation/registry';
import {
  announceAdminToken,
  createTelemetryStore,
  initTelemetryStore,
  loadRulesConfig,
  logRegistryLoaded,
  ProcessConfig,
  RulesRuntime,
  rulesSource,
} from '@sanitation/runtime';
import type { TelemetryStore } from '@sanitation/store';
import type { ExternalBrokerSource } from '@sanitation/transport';
import { RulesFeed } from './rules-feed';

export class RulesProcess {
  readonly metrics = new PlatformMetrics();
  readonly registry: RegistryService;
  readonly tokens: ApiTokens;
  readonly store: TelemetryStore;
  readonly source: ExternalBrokerSource;
  readonly rules: RulesRuntime;
  readonly feed: RulesFeed;

  constructor(
    readonly config: AppConfig,
    readonly deployment: ProcessConfig,
    private readonly logger: Logger,
  ) {
    mkdirSync(deployment.stateDir, { recursive: true });
    this.registry = new RegistryService(config.registryPath);
    this.tokens = ApiTokens.fromConfig(config);
    this.store = createTelemetryStore(config, logger, deployment.stateDir);
    this.source = rulesSource(deployment.mqttUrl, deployment.instanceId, logger);

    const bus = new TelemetryEventBus();
    this.rules = new RulesRuntime({
      dataDir: config.dataDir,
      registry: this.registry,
      bus,
      source: this.source,
      store: this.store,
      metrics: this.metrics,
      logger: logger.child({ component: 'rules' }),
      config: loadRulesConfig(config.rulesPath),
    });
    this.feed = new RulesFeed(this.registry, bus, this.metrics, config.retentionDays);
  }

  /** The rules listen before the subscription starts, so no message passes them by. */
  async start(): Promise<void> {
    logRegistryLoaded(this.registry, this.logger);
    announceAdminToken(this.tokens, this.config.dataDir, this.logger);
    await initTelemetryStore(this.store);
    await this.rules.start();
  }

  async close(): Promise<void> {
    await this.source.close();
    this.rules.close();
    await this.store.close();
  }
}
