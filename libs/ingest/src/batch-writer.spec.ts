import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyBatch, FixRecord } from '@sanitation/contracts';
import { SqliteTelemetryStore } from '@sanitation/store';
import { BatchWriter } from './batch-writer';

const fixAt = (ts: number): FixRecord => ({
  deviceId: 'gps-T001',
  truckId: 'T001',
  ts,
  lat: 41,
  lon: 122,
  receivedAt: ts,
});

describe('BatchWriter', () => {
  let dir: string;
  let store: SqliteTelemetryStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'batch-writer-'));
    store = new SqliteTelemetryStore(join(dir, 'telemetry.db'));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes everything submitted in one turn as one transaction', async () => {
    const writes: number[] = [];
    const writer = new BatchWriter(store, (_s, records) => writes.push(records));
    const submissions = [1, 2, 3].map((ts) =>
      writer.submit({ ...emptyBatch(), fixes: [fixAt(ts)] }),
    );
    await Promise.all(submissions);
    expect(writes).toEqual([3]);
  });

  it('tells each submitter which of its own records were new', async () => {
    const writer = new BatchWriter(store);
    await writer.submit({ ...emptyBatch(), fixes: [fixAt(1)] });
    const again = fixAt(1);
    const fresh = fixAt(2);
    const [first, second] = await Promise.all([
      writer.submit({ ...emptyBatch(), fixes: [again] }),
      writer.submit({ ...emptyBatch(), fixes: [fresh] }),
    ]);
    expect(first.fixes).toEqual([]);
    expect(second.fixes).toEqual([fresh]);
  });

  it('rejects the submitters of a failed write so nothing is acknowledged', async () => {
    const writer = new BatchWriter({
      ...store,
      write: () => Promise.reject(new Error('disk full')),
    } as unknown as SqliteTelemetryStore);
    await expect(writer.submit({ ...emptyBatch(), fixes: [fixAt(1)] })).rejects.toThrow(
      'disk full',
    );
  });
});
