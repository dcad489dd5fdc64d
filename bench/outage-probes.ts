/** What the outage benchmark watches: the platform's spool and what reached InfluxDB. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { InfluxdServer, PlatformProcess } from '@sanitation/testing';
import type { PacedLoad } from './paced-load';

export const SAMPLE_MS = 1_000;

export interface Sample {
  atS: number;
  acked: number;
  /** Spooled points from /api/health; null while the store check does not answer. */
  backlog: number | null;
  spoolBytes: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function spoolBytes(dataDir: string): number {
  const dir = join(dataDir, 'influx-spool');
  try {
    return readdirSync(dir).reduce((total, file) => total + statSync(join(dir, file)).size, 0);
  } catch {
    return 0;
  }
}

async function storeBacklog(platform: PlatformProcess): Promise<number | null> {
  try {
    const response = await fetch(`${platform.httpUrl}/api/health`, {
      signal: AbortSignal.timeout(3_000),
    });
    const health = (await response.json()) as { checks?: { store?: { backlog?: number } } };
    return health.checks?.store?.backlog ?? null;
  } catch {
    return null;
  }
}

async function influxQuery(influxd: InfluxdServer, db: string, q: string) {
  const params = new URLSearchParams({ db, q });
  const response = await fetch(`${influxd.url}/query?${params.toString()}`);
  const body = (await response.json()) as {
    results: {
      series?: { tags?: Record<string, string>; columns: string[]; values: unknown[][] }[];
    }[];
  };
  return body.results[0]?.series ?? [];
}

/** `SELECT count(*) FROM fix`: the number of fixes stored since `t0`. */
export async function countFixes(influxd: InfluxdServer, db: string, t0: number): Promise<number> {
  const [series] = await influxQuery(
    influxd,
    db,
    `SELECT count(*) FROM "fix" WHERE time >= ${t0}ms`,
  );
  if (!series) return 0;
  return Number(series.values[0][series.columns.indexOf('count_lat')]);
}

export async function countByDevice(
  influxd: InfluxdServer,
  db: string,
  t0: number,
): Promise<Map<string, number>> {
  const series = await influxQuery(
    influxd,
    db,
    `SELECT count("lat") FROM "fix" WHERE time >= ${t0}ms GROUP BY "deviceId"`,
  );
  return new Map(series.map((s) => [s.tags?.deviceId ?? '', Number(s.values[0][1])]));
}

export class Sampler {
  readonly samples: Sample[] = [];
  private running = true;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly platform: PlatformProcess,
    private readonly load: PacedLoad,
    private readonly startedAt: number,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  latest(): Sample | undefined {
    return this.samples[this.samples.length - 1];
  }

  private async run(): Promise<void> {
    while (this.running) {
      const tick = Date.now();
      const backlog = await storeBacklog(this.platform);
      this.samples.push({
        atS: (Date.now() - this.startedAt) / 1000,
        acked: this.load.totalAcked,
        backlog,
        spoolBytes: spoolBytes(this.platform.dataDir),
      });
      await sleep(Math.max(0, SAMPLE_MS - (Date.now() - tick)));
    }
  }
}
