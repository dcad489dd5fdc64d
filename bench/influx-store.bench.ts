/**
 * Points per second into InfluxDB 1.6.7: the raw `/write` ceiling (5,000- and 50-point
 * requests) beside end-to-end InfluxTelemetryStore.write(), measured in the same run.
 * Run: node -r @swc-node/register bench/influx-store.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { emptyBatch } from '@sanitation/contracts';
import { startInfluxd, type InfluxdServer } from '@sanitation/testing';
import { fixLine } from '../libs/store/src/influx/points';
import { InfluxTelemetryStore } from '../libs/store/src/influx/influx-telemetry-store';
import { fix, T0 } from '../libs/store/src/influx/test-records';
import { SqliteTelemetryStore } from '../libs/store/src/sqlite/sqlite-telemetry-store';

const TRUCKS = 300;
const RAW_POINTS = 200_000;
const STORE_POINTS = 200_000;
const CALLERS = 64; // concurrent write() calls, as many MQTT messages in flight
const FIXES_PER_CALL = 10;

let tsCursor = T0;

function nextFixes(count: number) {
  const fixes = [];
  for (let i = 0; i < count; i += 1) {
    tsCursor += 1;
    fixes.push(fix(`gps-T${String(tsCursor % TRUCKS).padStart(3, '0')}`, tsCursor));
  }
  return fixes;
}

async function createDb(server: InfluxdServer, db: string): Promise<void> {
  const q = new URLSearchParams({ q: `CREATE DATABASE "${db}"` });
  await fetch(`${server.url}/query?${q.toString()}`, { method: 'POST' });
}

async function rawWrite(server: InfluxdServer, batchSize: number): Promise<number> {
  const db = `raw_${batchSize}`;
  await createDb(server, db);
  const url = `${server.url}/write?db=${db}&precision=ns`;
  const bodies: string[] = [];
  for (let sent = 0; sent < RAW_POINTS; sent += batchSize) {
    bodies.push(nextFixes(batchSize).map(fixLine).join('\n'));
  }

  const started = performance.now();
  for (const body of bodies) {
    const res = await fetch(url, { method: 'POST', body });
    if (res.status !== 204) throw new Error(`raw write ${res.status}: ${await res.text()}`);
  }
  return (bodies.length * batchSize) / ((performance.now() - started) / 1000);
}

async function storeWrite(
  server: InfluxdServer,
  batchSize: number,
  flushIntervalMs: number,
): Promise<{ rate: number; meanMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'influx-bench-'));
  const store = new InfluxTelemetryStore(
    {
      url: server.url,
      db: `store_${batchSize}_${flushIntervalMs}`,
      dataDir,
      retentionDays: 400,
      batchSize,
      flushIntervalMs,
    },
    new SqliteTelemetryStore(join(dataDir, 'records.sqlite')),
  );
  await store.init();
  const calls = STORE_POINTS / FIXES_PER_CALL;
  const batches = Array.from({ length: calls }, () => nextFixes(FIXES_PER_CALL));
  let next = 0;

  const started = performance.now();
  const caller = async (): Promise<void> => {
    while (next < batches.length) {
      const fixes = batches[next];
      next += 1;
      await store.write({ ...emptyBatch(), fixes });
    }
  };
  await Promise.all(Array.from({ length: CALLERS }, caller));
  const seconds = (performance.now() - started) / 1000;

  const stats = store.stats();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (stats.writtenPoints !== STORE_POINTS) throw new Error(`wrote ${stats.writtenPoints}`);
  return { rate: STORE_POINTS / seconds, meanMs: stats.writeLatency.meanMs };
}

async function main(): Promise<void> {
  const server = await startInfluxd();
  const rows: string[][] = [];
  const k = (n: number) => `${(n / 1000).toFixed(1)}k`;

  try {
    rows.push(['raw /write, 5000-point requests', k(await rawWrite(server, 5_000)), '']);
    rows.push(['raw /write, 50-point requests', k(await rawWrite(server, 50)), '']);
    for (const [batchSize, flushMs] of [
      [5_000, 20],
      [5_000, 5],
      [1_000, 20],
      [50, 20],
    ]) {
      const r = await storeWrite(server, batchSize, flushMs);
      rows.push([
        `store, batchSize ${batchSize}, flush ${flushMs} ms`,
        k(r.rate),
        r.meanMs.toFixed(1),
      ]);
    }
  } finally {
    await server.dispose();
  }

  const header = ['path', 'points/s', 'mean request ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n`);
  process.stdout.write(`${rows.map(line).join('\n')}\n`);
  process.stdout.write(
    `(${STORE_POINTS} fixes, ${FIXES_PER_CALL} per write() call, ${CALLERS} callers)\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
