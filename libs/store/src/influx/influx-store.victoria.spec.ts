/**
 * The InfluxDB 2.x write path (/api/v2/write with token, org and bucket, through the
 * official client) against a real VictoriaMetrics, which accepts that API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyBatch } from '@sanitation/contracts';
import { startVictoriaMetrics, waitFor, type VictoriaMetricsServer } from '@sanitation/testing';
import { SqliteTelemetryStore } from '../sqlite/sqlite-telemetry-store';
import { InfluxTelemetryStore } from './influx-telemetry-store';
import { fix, weighing } from './test-records';

jest.setTimeout(60_000);

describe('InfluxTelemetryStore v2 write path on VictoriaMetrics', () => {
  let vm: VictoriaMetricsServer;
  let dataDir: string;

  beforeAll(async () => {
    vm = await startVictoriaMetrics();
    dataDir = mkdtempSync(join(tmpdir(), 'influx-store-vm-'));
  });

  afterAll(async () => {
    await vm?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lands fixes and weighings written with token, org and bucket', async () => {
    const now = Date.now();
    const store = new InfluxTelemetryStore(
      {
        url: vm.url,
        token: 't0ken',
        org: 'panjin',
        bucket: 'sanitation',
        dataDir,
        retentionDays: 400,
        writeTimeoutMs: 2_000,
      },
      new SqliteTelemetryStore(join(dataDir, 'records.sqlite')),
    );
    await store.init();

    const written = await store.write({
      ...emptyBatch(),
      fixes: [fix('gps-T001', now - 2_000), fix('gps-T001', now - 1_000)],
      weighings: [weighing(1, now - 500)],
    });
    const stats = store.stats();
    await store.close();

    expect(written.fixes).toHaveLength(2);
    expect(stats).toMatchObject({ spooledPoints: 0, writtenPoints: 3, partialWriteRejects: 0 });

    const lat = await vm.exportSeries('fix_lat');
    expect(lat).toHaveLength(1);
    expect(lat[0].metric).toMatchObject({ deviceId: 'gps-T001', truckId: 'T001' });
    expect(lat[0].timestamps).toEqual([now - 2_000, now - 1_000]);

    // A series VictoriaMetrics has just registered can take a moment to become searchable.
    let net = await vm.exportSeries('weighing_netKg');
    await waitFor(async () => (net = await vm.exportSeries('weighing_netKg')).length > 0, 'net');
    expect(net[0].metric).toMatchObject({ facilityId: 'FAC-INC', stream: 'residual' });
    expect(net[0].values).toEqual([6_450]);
  });
});
