/**
 * The single-process platform as one Nest module: the HTTP API over the runtime's
 * parts, and the MQTT controller that feeds ingest.
 */
import { DynamicModule, Module } from '@nestjs/common';
import { ApiModule } from '@sanitation/api';
import { INGEST_SERVICE, TelemetryController } from '@sanitation/ingest';
import { apiProviders, brokerProbe, PlatformRuntime, RulesRuntime } from '@sanitation/runtime';

@Module({})
export class PlatformModule {
  static forRoot(runtime: PlatformRuntime, rules: RulesRuntime): DynamicModule {
    const broker = runtime.broker ? 'embedded aedes' : `external ${runtime.config.mqttUrl}`;

    return {
      module: PlatformModule,
      imports: [
        ApiModule.forRoot({
          providers: apiProviders({
            config: runtime.config,
            store: runtime.store,
            registry: runtime.registry,
            metrics: runtime.metrics,
            rules,
            probes: [brokerProbe(runtime.source, broker)],
          }),
        }),
      ],
      controllers: [TelemetryController],
      providers: [{ provide: INGEST_SERVICE, useValue: runtime.ingest }],
    };
  }
}
