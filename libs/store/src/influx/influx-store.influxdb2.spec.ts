/**
 * InfluxTelemetryStore against influxdb:2 in a container (testcontainers). Needs a Docker
 * engine; where none exists this one test is skipped and its title says why.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyBatch } from '@sanitation/contracts';
import { GenericContainer, Wait } from 'testcontainers';
import { SqliteTelemetryStore } from '../sqlite/sqlite-telemetry-store';
import { InfluxTelemetryStore } from './influx-telemetry-store';
import { fix } from './test-records';

jest.setTimeout(180_000);

const dockerAvailable = existsSync('/var/run/docker.sock') || process.env.DOCKER_HOST !== undefined;
const itWithDocker = dockerAvailable ? it : it.skip;
const suffix = dockerAvailable
  ? ''
  : ' [SKIPPED: no Docker engine here (no /var/run/docker.sock, DOCKER_HOST unset)]';

describe('InfluxTelemetryStore on influxdb:2 (testcontainers)', () => {
  itWithDocker(`writes through /api/v2/write and reads back via InfluxQL${suffix}`, async () => {
    const container = await new GenericContainer('influxdb:2.7')
      .withEnvironment({
        DOCKER_INFLUXDB_INIT_MODE: 'setup',
        DOCKER_INFLUXDB_INIT_USERNAME: 'admin',
        DOCKER_INFLUXDB_INIT_PASSWORD: 'admin-password',
        DOCKER_INFLUXDB_INIT_ORG: 'panjin',
        DOCKER_INFLUXDB_INIT_BUCKET: 'sanitation',
        DOCKER_INFLUXDB_INIT_ADMIN_TOKEN: 'test-token',
      })
      .withExposedPorts(8086)
      .withWaitStrategy(Wait.forHttp('/health', 8086))
      .start();
    const dataDir = mkdtempSync(join(tmpdir(), 'influx-store-v2-'));
    const url = `http://${container.getHost()}:${container.getMappedPort(8086)}`;
    const store = new InfluxTelemetryStore(
      {
        url,
        token: 'test-token',
        org: 'panjin',
        bucket: 'sanitation',
        dataDir,
        retentionDays: 400,
      },
      new SqliteTelemetryStore(join(dataDir, 'records.sqlite')),
    );

    try {
      await store.init();
      const ts = Date.now() - 1_000;
      await store.write({ ...emptyBatch(), fixes: [fix('gps-T001', ts)] });
      expect((await store.track('T001', {})).map((f) => f.ts)).toEqual([ts]);
    } finally {
      await store.close();
      await container.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
