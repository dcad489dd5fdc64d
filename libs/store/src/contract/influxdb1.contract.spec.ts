/**
 * The store contract on InfluxDB 1.6.7 (STORE=influxdb with INFLUX_DB): a real influxd from
 * /usr/bin, on a free port in a temporary directory, one database per test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startInfluxd, type InfluxdServer } from '@sanitation/testing';
import { InfluxTelemetryStore } from '../influx/influx-telemetry-store';
import { SqliteTelemetryStore } from '../sqlite/sqlite-telemetry-store';
import { describeTelemetryStoreContract } from './telemetry-store.contract';

jest.setTimeout(60_000);

let influxd: InfluxdServer;
let databases = 0;

beforeAll(async () => {
  influxd = await startInfluxd();
});

afterAll(async () => {
  await influxd?.dispose();
});

describeTelemetryStoreContract('InfluxDB 1.6.7', async () => {
  databases += 1;
  const dir = mkdtempSync(join(tmpdir(), 'store-contract-influx-'));
  const store = new InfluxTelemetryStore(
    { url: influxd.url, db: `contract_${databases}`, dataDir: dir, retentionDays: 400 },
    new SqliteTelemetryStore(join(dir, 'records.sqlite')),
  );
  await store.init();

  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
