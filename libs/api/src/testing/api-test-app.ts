/**
 * Test fixture: the API on a real HTTP port, backed by the real SQLite store in a temp
 * directory and the fixture ports. One role token per role.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, AppConfig } from '@sanitation/config';
import { Role } from '@sanitation/contracts';
import { PlatformMetrics } from '@sanitation/observability';
import { Registry, RegistryService } from '@sanitation/registry';
import { SqliteTelemetryStore, TELEMETRY_STORE } from '@sanitation/store';
import { ApiModule } from '../api.module';
import { setupOpenApi } from '../openapi';
import {
  ALERTS_PORT,
  FLEET_PORT,
  HEALTH_PROBES,
  METRICS,
  REGISTRY_SERVICE,
  WEIGHING_MATCH_PORT,
} from '../ports';
import { alerts, CITY, fleet, seedBatch } from './fixture-data';
import { FixtureAlerts, FixtureFleet, FixtureMatcher, FixtureProbe } from './fixture-ports';

export const TOKENS: Record<Role, string> = {
  dispatcher: 'disp-token-0001',
  operator: 'oper-token-0002',
  engineer: 'engi-token-0003',
  admin: 'admn-token-0004',
};

export interface ApiTestApp {
  app: INestApplication;
  url: string;
  dir: string;
  registryPath: string;
  store: SqliteTelemetryStore;
  alerts: FixtureAlerts;
  fleet: FixtureFleet;
  matcher: FixtureMatcher;
  broker: FixtureProbe;
  get(path: string, role?: Role, headers?: Record<string, string>): Promise<Response>;
  post(path: string, role: Role | null, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

export async function startApiTestApp(): Promise<ApiTestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'api-spec-'));
  const registryPath = join(dir, 'registry.json');
  writeFileSync(registryPath, JSON.stringify(CITY));

  const store = new SqliteTelemetryStore(join(dir, 'telemetry.db'));
  await store.write(seedBatch());
  const config = {
    dataDir: dir,
    apiTokens: new Map(Object.entries(TOKENS).map(([role, token]) => [token, role as Role])),
  } as AppConfig;
  const fixtures = {
    alerts: new FixtureAlerts(alerts()),
    fleet: new FixtureFleet(fleet()),
    matcher: new FixtureMatcher(store),
    broker: new FixtureProbe('broker'),
  };

  const moduleRef = await Test.createTestingModule({
    imports: [
      ApiModule.forRoot({
        providers: [
          { provide: APP_CONFIG, useValue: config },
          { provide: TELEMETRY_STORE, useValue: store },
          { provide: ALERTS_PORT, useValue: fixtures.alerts },
          { provide: FLEET_PORT, useValue: fixtures.fleet },
          { provide: WEIGHING_MATCH_PORT, useValue: fixtures.matcher },
          { provide: HEALTH_PROBES, useValue: [fixtures.broker, new FixtureProbe('rules')] },
          {
            provide: REGISTRY_SERVICE,
            useValue: new RegistryService(registryPath, new Registry(CITY)),
          },
          { provide: METRICS, useValue: new PlatformMetrics() },
        ],
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  setupOpenApi(app);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

  const auth = (role?: Role | null): Record<string, string> =>
    role ? { authorization: `Bearer ${TOKENS[role]}` } : {};
  return {
    app, url, dir, registryPath, store, ...fixtures,
    get: (path, role, headers = {}) =>
      fetch(url + path, { headers: { ...auth(role), ...headers } }),
    post: (path, role, body) =>
      fetch(url + path, {
        method: 'POST',
        headers: { ...auth(role), 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
