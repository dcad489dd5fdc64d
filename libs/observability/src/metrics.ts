/** Prometheus instruments of contract §5 `/metrics`, registered once per process. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class PlatformMetrics {
  readonly registry = new Registry();

  readonly messagesIn = new Counter({
    name: 'sanitation_messages_in_total',
    help: 'MQTT messages received on device topics, by channel',
    labelNames: ['channel'],
    registers: [this.registry],
  });

  readonly elementsAccepted = new Counter({
    name: 'sanitation_elements_accepted_total',
    help: 'Elements (fixes, reads, weighings, statuses) accepted and stored, by channel',
    labelNames: ['channel'],
    registers: [this.registry],
  });

  readonly elementsRejected = new Counter({
    name: 'sanitation_elements_rejected_total',
    help: 'Elements or messages rejected and kept as dead letters, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });

  readonly duplicates = new Counter({
    name: 'sanitation_duplicates_total',
    help: 'Elements delivered again and stored once, by channel',
    labelNames: ['channel'],
    registers: [this.registry],
  });

  readonly storeWriteSeconds = new Histogram({
    name: 'sanitation_store_write_seconds',
    help: 'Time to make one batch durable in the store',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly storeBacklog = new Gauge({
    name: 'sanitation_store_backlog',
    help: 'Records accepted but not yet written to the store engine (queued or spooled)',
    registers: [this.registry],
  });

  readonly openAlerts = new Gauge({
    name: 'sanitation_open_alerts',
    help: 'Alerts open or acknowledged and not yet cleared, by category and type',
    labelNames: ['category', 'type'],
    registers: [this.registry],
  });

  readonly mqttRefusals = new Counter({
    name: 'sanitation_mqtt_refusals_total',
    help: 'MQTT connections, publishes and subscriptions refused by the broker, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });

  readonly spoolBytes = new Gauge({
    name: 'sanitation_store_spool_bytes',
    help: 'Bytes of points spooled to disk while InfluxDB is unreachable',
    registers: [this.registry],
  });

  readonly droppedPoints = new Gauge({
    name: 'sanitation_store_dropped_points',
    help: 'Points the InfluxDB spool had to drop when full, since start (never expected)',
    registers: [this.registry],
  });

  readonly partialWriteRejects = new Gauge({
    name: 'sanitation_store_partial_write_rejects',
    help: 'Lines InfluxDB refused as bad (HTTP 400) since start; logged, not retried',
    registers: [this.registry],
  });

  private readonly backlogSources: (() => Promise<number> | number)[] = [];
  private readonly refreshers: (() => void)[] = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'sanitation_process_' });
  }

  /** Adds a source to the backlog gauge, read at each scrape (queued writes, a spool). */
  addBacklogSource(source: () => Promise<number> | number): void {
    this.backlogSources.push(source);
  }

  /** Runs before each scrape, to copy figures kept elsewhere into gauges. */
  addRefresher(refresh: () => void): void {
    this.refreshers.push(refresh);
  }

  /** Reads the backlog sources into the gauge; call before rendering the registry. */
  async refresh(): Promise<void> {
    for (const refresh of this.refreshers) refresh();
    const counts = await Promise.all(this.backlogSources.map((source) => source()));
    this.storeBacklog.set(counts.reduce((sum, n) => sum + n, 0));
  }
}
