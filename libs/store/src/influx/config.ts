/** What the InfluxDB store needs; the lead maps contract §7's variables onto it. */
export interface InfluxStoreConfig {
  url: string;
  /** InfluxDB 2.x / 3.x: all three set. */
  token?: string;
  org?: string;
  bucket?: string;
  /** InfluxDB 1.x: the database, with optional basic credentials. */
  db?: string;
  username?: string;
  password?: string;
  /** Spool, duplicate-key index and (by default) the SQLite delegate live here. */
  dataDir: string;
  retentionDays: number;
  /** Lines per write request; default 5,000 (see bench/influx-store.bench.ts). */
  batchSize?: number;
  /** How long a partial batch waits for company before it is sent; default 20 ms. */
  flushIntervalMs?: number;
  /** A write request slower than this counts as a failure and goes to the spool. */
  writeTimeoutMs?: number;
  /** Spool bound on disk; past it the oldest spooled points are dropped (and counted). */
  spoolMaxBytes?: number;
  /** Duplicate keys of fixes and reads are remembered for this long (device time). */
  dedupWindowHours?: number;
}

export type InfluxApi = 'v1' | 'v2';

export interface ResolvedInfluxConfig extends InfluxStoreConfig {
  api: InfluxApi;
  /** Database name InfluxQL queries use: `db`, or the bucket on 2.x / 3.x. */
  database: string;
  batchSize: number;
  flushIntervalMs: number;
  writeTimeoutMs: number;
  spoolMaxBytes: number;
  dedupWindowHours: number;
}

export const INFLUX_DEFAULTS = {
  batchSize: 5_000,
  flushIntervalMs: 20,
  writeTimeoutMs: 10_000,
  spoolMaxBytes: 512 * 1024 * 1024,
  dedupWindowHours: 72,
} as const;

export function resolveInfluxConfig(config: InfluxStoreConfig): ResolvedInfluxConfig {
  const v2 = [config.token, config.org, config.bucket];
  const v2Count = v2.filter((value) => value !== undefined && value !== '').length;

  if (v2Count !== 0 && v2Count !== 3) {
    throw new Error('InfluxDB 2.x/3.x needs token, org and bucket together');
  }
  if (v2Count === 0 && !config.db) {
    throw new Error('InfluxDB needs either db (1.x) or token, org and bucket (2.x/3.x)');
  }
  if (!(config.retentionDays > 0)) {
    throw new Error(`retentionDays must be positive, got ${config.retentionDays}`);
  }

  const api: InfluxApi = v2Count === 3 ? 'v2' : 'v1';
  return {
    ...INFLUX_DEFAULTS,
    ...withoutUndefined(config),
    url: config.url.replace(/\/+$/, ''),
    dataDir: config.dataDir,
    retentionDays: config.retentionDays,
    api,
    database: api === 'v2' ? (config.bucket as string) : (config.db as string),
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
