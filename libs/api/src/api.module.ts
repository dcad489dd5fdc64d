/**
 * The HTTP API of contract §5. The importing app supplies the ports: either modules that
 * export them (`imports`) or the bindings themselves (`providers`). See ../README.md.
 */
import { DynamicModule, Module, ModuleMetadata, Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@sanitation/config';
import { ApiTokens } from './auth/api-tokens';
import { SessionStore } from './auth/sessions';
import { AlertsController } from './controllers/alerts.controller';
import { DeadLettersController } from './controllers/dead-letters.controller';
import { FleetController } from './controllers/fleet.controller';
import { HealthController } from './controllers/health.controller';
import { MetricsController } from './controllers/metrics.controller';
import { RegistryController } from './controllers/registry.controller';
import { SessionController } from './controllers/session.controller';
import { TonnageController } from './controllers/tonnage.controller';
import { TrackController } from './controllers/track.controller';
import { WeighingsController } from './controllers/weighings.controller';
import { FleetStreams } from './services/fleet-stream';
import { HealthService } from './services/health.service';
import { TonnageService } from './services/tonnage.service';
import { TrackService } from './services/track.service';
import { WeighingsService } from './services/weighings.service';

export interface ApiModuleOptions {
  /**
   * Modules exporting APP_CONFIG, TELEMETRY_STORE and the ports.ts tokens
   * (ALERTS_PORT, FLEET_PORT, WEIGHING_MATCH_PORT, HEALTH_PROBES, REGISTRY_SERVICE, METRICS).
   */
  imports?: ModuleMetadata['imports'];
  /** Those bindings given directly, instead of or besides `imports`. */
  providers?: Provider[];
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: options.imports ?? [],
      controllers: [
        HealthController,
        MetricsController,
        SessionController,
        FleetController,
        TrackController,
        AlertsController,
        WeighingsController,
        TonnageController,
        DeadLettersController,
        RegistryController,
      ],
      providers: [
        ...(options.providers ?? []),
        {
          provide: ApiTokens,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ApiTokens.fromConfig(config),
        },
        { provide: SessionStore, useFactory: () => new SessionStore() },
        HealthService,
        FleetStreams,
        TrackService,
        WeighingsService,
        TonnageService,
      ],
      exports: [ApiTokens, SessionStore],
    };
  }
}
