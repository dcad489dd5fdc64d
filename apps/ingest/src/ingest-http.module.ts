/**
 * An ingest process's Nest module: the MQTT controller that feeds ingest, and the two
 * HTTP routes it serves (contract §5 `/api/health` and `/metrics`, both without a token).
 * The rest of the API needs the rules and is served by the rules process.
 */
import { DynamicModule, Module } from '@nestjs/common';
import { HEALTH_PROBES, METRICS } from '@sanitation/api';
import { INGEST_SERVICE, TelemetryController } from '@sanitation/ingest';
import { brokerProbe } from '@sanitation/runtime';
import { HealthController } from './health.controller';
import type { IngestProcess } from './ingest-process';
import { MetricsController } from './metrics.controller';

@Module({})
export class IngestHttpModule {
  static forRoot(parts: IngestProcess): DynamicModule {
    const broker = brokerProbe(
      parts.source,
      `external ${parts.deployment.mqttUrl} as ${parts.deployment.instanceId}`,
    );
    const store = { name: 'store', check: () => parts.store.health() };

    return {
      module: IngestHttpModule,
      controllers: [TelemetryController, HealthController, MetricsController],
      providers: [
        { provide: INGEST_SERVICE, useValue: parts.ingest },
        { provide: HEALTH_PROBES, useValue: [store, broker] },
        { provide: METRICS, useValue: parts.metrics },
      ],
    };
  }
}
