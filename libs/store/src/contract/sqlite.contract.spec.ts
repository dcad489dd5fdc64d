/** The store contract on the embedded SQLite store (STORE=sqlite). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteTelemetryStore } from '../sqlite/sqlite-telemetry-store';
import { describeTelemetryStoreContract } from './telemetry-store.contract';

describeTelemetryStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'store-contract-sqlite-'));
  const store = new SqliteTelemetryStore(join(dir, 'telemetry.sqlite'));

  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
