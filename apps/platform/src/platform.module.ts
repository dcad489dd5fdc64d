/**
 * The single-process platform as one Nest module: the HTTP API over the runtime's
 * parts, and the MQTT controller that feeds ingest.
 */
import { DynamicModule, Module } from '@nestjs/common';
import {
  ALERTS_PORT,
  ApiModule,
  FLEET_PORT,
  HEALTH_PROBES,
  HealthProbe,
  METRICS,
  REGISTRY_SERVICE,
  WEIGHING_MATCH_PORT,
} from '@sanitation/api';
import { APP_CONFIG } from '@sanitation/config';
import { INGEST_SERVICE, TelemetryController } from '@sanitation/ingest';
import { TELEMETRY_STORE } from '@sanitation/store';
import type { PlatformRuntime, RulesRuntime } from '@sanitation/runtime';

@Module({})
export class PlatformModule {
  static forRoot(runtime: PlatformRuntime, rules: RulesRuntime): DynamicModule {
    const probes: HealthProbe[] = [
      {
        name: 'broker',
        check: () => Promise.resolve({
          ok: runtime.source.connected,
          detail: runtime.broker ? 'embedded aedes' : `external ${runtime.config.mqttUrl}`,
        }),
      },
      rules.probe,
    ];

    return {
      module: PlatformModule,
      imports: [
        ApiModule.forRoot({
          providers: [
            { provide: APP_CONFIG, useValue: runtime.config },
            { provide: TELEMETRY_STORE, useValue: runtime.store },
            { provide: REGISTRY_SERVICE, useValue: runtime.registry },
            { provide: METRICS, useValue: runtime.metrics },
            { provide: HEALTH_PROBES, useValue: probes },
            { provide: ALERTS_PORT, useValue: rules.alerts },
            { provide: FLEET_PORT, useValue: rules.fleet },
            { provide: WEIGHING_MATCH_PORT, useValue: rules.match },
          ],
        }),
      ],
      controllers: [TelemetryController],
      providers: [{ provide: INGEST_SERVICE, useValue: runtime.ingest }],
    };
  }
}
