/**
 * InfluxTelemetryStore against a real InfluxDB 1.6.7 (/usr/bin/influxd), started on free
 * ports in a temporary directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyBatch, type TelemetryBatch } from '@sanitation/contracts';
import { startInfluxd, waitFor, type InfluxdServer } from '@sanitation/testing';
import { SqliteTelemetryStore } from '../sqlite/sqlite-telemetry-store';
import type { InfluxStoreConfig } from './config';
import { InfluxTelemetryStore } from './influx-telemetry-store';
import { deadLetter, fix, read, status, T0, weighing } from './test-records';

jest.setTimeout(60_000);

const batch = (part: Partial<TelemetryBatch>): TelemetryBatch => ({ ...emptyBatch(), ...part });

describe('InfluxTelemetryStore on InfluxDB 1.6.7', () => {
  let influxd: InfluxdServer;
  let dataDir: string;
  let store: InfluxTelemetryStore;
  let dbCounter = 0;

  const open = (extra: Partial<InfluxStoreConfig> = {}, dir = dataDir) => {
    const config: InfluxStoreConfig = {
      url: influxd.url,
      db: `sanitation_${dbCounter}`,
      dataDir: dir,
      retentionDays: 400,
      writeTimeoutMs: 1_000,
      ...extra,
    };
    return new InfluxTelemetryStore(config, new SqliteTelemetryStore(join(dir, 'records.sqlite')));
  };

  beforeAll(async () => {
    influxd = await startInfluxd();
  });

  afterAll(async () => {
    await influxd?.dispose();
  });

  beforeEach(async () => {
    dbCounter += 1;
    dataDir = mkdtempSync(join(tmpdir(), 'influx-store-'));
    store = open();
    await store.init();
  });

  afterEach(async () => {
    influxd.resume();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores fixes, reads, weighings, statuses and dead letters and reads them back', async () => {
    const fixes = [fix('gps-T001', T0), fix('gps-T001', T0 + 5_000), fix('gps-T002', T0 + 1)];
    const reads = [
      read('rfid-T001', T0, 'E2000017221101441890AB01'),
      read('rfid-T001', T0, 'E2000017221101441890AB02'),
    ];
    const written = await store.write(
      batch({
        fixes,
        reads,
        weighings: [weighing(42, T0 + 60_000)],
        statuses: [status('gps-T001', T0)],
        deadLetters: [deadLetter('d-1', T0)],
      }),
    );

    expect(written.fixes).toHaveLength(3);
    expect(written.reads).toHaveLength(2);
    expect(await store.track('T001', { from: T0, to: T0 + 5_001 })).toEqual(fixes.slice(0, 2));
    expect(await store.track('T001', { from: T0 + 1 })).toEqual([fixes[1]]);
    const byTag = (a: { tag: string }, b: { tag: string }) => a.tag.localeCompare(b.tag);
    expect((await store.reads({ truckId: 'T001' })).sort(byTag)).toEqual([...reads].sort(byTag));
    expect(await store.weighing('WB-INC-1', 42)).toMatchObject({ netKg: 6_450 });
    expect((await store.deadLetters({}, { limit: 10, offset: 0 }))[0]?.id).toBe('d-1');

    const tonnage = await store.tonnage({
      groupBy: 'stream',
      interval: 'day',
      timezone: 'Asia/Shanghai',
      from: T0 - 86_400_000,
    });
    expect(tonnage).toEqual([
      { periodStart: Date.UTC(2026, 11, 2, 16), key: 'residual', netKg: 6_450, weighings: 1 },
    ]);
  });

  it('resolves with only the new records and stores duplicates once', async () => {
    const first = batch({
      fixes: [fix('gps-T001', T0), fix('gps-T001', T0)],
      reads: [read('rfid-T001', T0, 'AB01CD02')],
      weighings: [weighing(1, T0)],
    });

    const stored = await store.write(first);
    const again = await store.write({ ...first, fixes: [...first.fixes, fix('gps-T001', T0 + 1)] });

    expect(stored.fixes).toHaveLength(1);
    expect(stored.weighings).toHaveLength(1);
    expect(again.fixes.map((f) => f.ts)).toEqual([T0 + 1]);
    expect(again.reads).toEqual([]);
    expect(again.weighings).toEqual([]);
    expect(await store.track('T001', {})).toHaveLength(2);
  });

  it('recognises a duplicate older than the key window by asking InfluxDB', async () => {
    await store.close();
    store = open({ dedupWindowHours: 1 });
    const old = fix('gps-T001', T0);

    await store.write(batch({ fixes: [old] }));
    await store.write(batch({ fixes: [fix('gps-T001', T0 + 3 * 3_600_000)] }));
    const resent = await store.write(batch({ fixes: [old, fix('gps-T001', T0 + 10)] }));

    expect(resent.fixes.map((f) => f.ts)).toEqual([T0 + 10]);
  });

  it('spools to disk while influxd is frozen and drains once it thaws', async () => {
    influxd.pause();

    const written = await store.write(batch({ fixes: [fix('gps-T001', T0)] }));
    await store.write(batch({ fixes: [fix('gps-T001', T0 + 1_000)] }));

    expect(written.fixes).toHaveLength(1);
    expect(store.stats().spooledPoints).toBe(2);
    expect((await store.health()).backlog).toBe(2);

    influxd.resume();
    await waitFor(async () => store.stats().spooledPoints === 0, 'spool drain', 20_000);
    expect((await store.track('T001', {})).map((f) => f.ts)).toEqual([T0, T0 + 1_000]);
  });

  it('keeps the spool across a restart of the store while influxd is down', async () => {
    await influxd.stop();
    await store.write(batch({ fixes: [fix('gps-T001', T0), fix('gps-T001', T0 + 1)] }));
    expect(store.stats().spooledPoints).toBe(2);
    await store.close();

    await influxd.start();
    store = open();
    await waitFor(async () => store.stats().spooledPoints === 0, 'spool drain', 20_000);

    expect(await store.track('T001', {})).toHaveLength(2);
    expect(store.stats().droppedPoints).toBe(0);
  });

  it('counts a 400 partial write once and never resends it', async () => {
    await store.write(batch({ fixes: [fix('gps-T001', T0)] }));
    const bad = fix('gps-T001', T0 + 1, { speedKmh: 'fast' as unknown as number });

    await store.write(batch({ fixes: [bad, fix('gps-T001', T0 + 2)] }));
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const stats = store.stats();
    expect(stats.partialWriteRejects).toBe(1);
    expect(stats.spooledPoints).toBe(0);
    expect((await store.track('T001', {})).map((f) => f.ts)).toEqual([T0, T0 + 2]);
  });

  it('replaces a weighing point when an operator matches it', async () => {
    const unmatched = weighing(7, T0, {
      truckId: null,
      stream: null,
      district: null,
      netKg: null,
      tareKg: null,
      tareSource: null,
      flags: ['unmatched'],
    });
    await store.write(batch({ weighings: [unmatched] }));

    const updated = weighing(7, T0, { matchedBy: 'op-1', flags: ['manual_match'] });
    await store.updateWeighing({
      weighbridgeId: 'WB-INC-1',
      ticket: 7,
      truckId: 'T001',
      matchedBy: 'op-1',
      updated,
    });

    const rows = await store.tonnage({
      groupBy: 'truck',
      interval: 'month',
      timezone: 'Asia/Shanghai',
      from: T0 - 1,
      to: T0 + 1,
    });
    expect(rows).toEqual([
      { periodStart: Date.UTC(2026, 10, 30, 16), key: 'T001', netKg: 6_450, weighings: 1 },
    ]);
    expect((await store.weighing('WB-INC-1', 7))?.matchedBy).toBe('op-1');
  });
});
