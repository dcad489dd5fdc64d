/**
 * The bindings ApiModule needs (libs/api/README.md), from the parts any process that
 * serves the full API has: config, store, registry, metrics, the rules and health probes.
 */
import type { Provider } from '@nestjs/common';
import {
  ALERTS_PORT,
  FLEET_PORT,
  HEALTH_PROBES,
  HealthProbe,
  METRICS,
  REGISTRY_SERVICE,
  WEIGHING_MATCH_PORT,
} from '@sanitation/api';
import { APP_CONFIG, AppConfig } from '@sanitation/config';
import type { PlatformMetrics } from '@sanitation/observability';
import type { RegistryService } from '@sanitation/registry';
import { TELEMETRY_STORE, TelemetryStore } from '@sanitation/store';
import type { MessageSource } from '@sanitation/transport';
import type { RulesRuntime } from './rules-runtime';

export interface ApiParts {
  config: AppConfig;
  store: TelemetryStore;
  registry: RegistryService;
  metrics: PlatformMetrics;
  rules: RulesRuntime;
  /** Besides the store, which the API checks itself; the rules' probe is added here. */
  probes: HealthProbe[];
}

export function apiProviders(parts: ApiParts): Provider[] {
  return [
    { provide: APP_CONFIG, useValue: parts.config },
    { provide: TELEMETRY_STORE, useValue: parts.store },
    { provide: REGISTRY_SERVICE, useValue: parts.registry },
    { provide: METRICS, useValue: parts.metrics },
    { provide: HEALTH_PROBES, useValue: [...parts.probes, parts.rules.probe] },
    { provide: ALERTS_PORT, useValue: parts.rules.alerts },
    { provide: FLEET_PORT, useValue: parts.rules.fleet },
    { provide: WEIGHING_MATCH_PORT, useValue: parts.rules.match },
  ];
}

/** `broker` in /api/health: ready while every connection to the broker is up. */
export function brokerProbe(source: MessageSource, detail: string): HealthProbe {
  return {
    name: 'broker',
    check: () => Promise.resolve({ ok: source.connected, detail }),
  };
}
