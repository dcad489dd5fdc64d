import type { ResolvedInfluxConfig } from './config';
import { InfluxQlClient } from './influxql-client';
import { quoteIdent as id } from './line-protocol';
import type { StoreLogger } from './logger';
import { MEASUREMENT } from './points';

export const RAW_RP = 'raw';
export const ROLLUP_RP = 'rollup_1m';

/**
 * Creates what the store needs in InfluxDB, once per process and again after a failure:
 * 1.x the database, retention policies and one-minute rollup continuous queries; 2.x the
 * DBRP mapping that lets InfluxQL read the bucket (3.x and VictoriaMetrics need nothing).
 */
export class SchemaSetup {
  private done = false;
  private running: Promise<boolean> | null = null;

  constructor(
    private readonly config: ResolvedInfluxConfig,
    private readonly influxql: InfluxQlClient,
    private readonly logger: StoreLogger,
  ) {}

  /** Resolves true once the schema exists; false (logged) while InfluxDB cannot be reached. */
  ensure(): Promise<boolean> {
    if (this.done) return Promise.resolve(true);

    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<boolean> {
    try {
      if (this.config.api === 'v1') await this.setUpV1();
      else await this.setUpV2();
      this.done = true;
      return true;
    } catch (err) {
      this.logger.warn({ err, url: this.config.url }, 'influx schema setup failed; will retry');
      return false;
    }
  }

  private async setUpV1(): Promise<void> {
    const db = id(this.config.database);
    const days = `${this.config.retentionDays}d`;
    await this.influxql.query(`CREATE DATABASE ${db}`, 'ms', 'POST');

    const [shown] = await this.influxql.query(`SHOW RETENTION POLICIES ON ${db}`);
    const existing = new Set((shown?.series?.[0]?.values ?? []).map((row) => String(row[0])));
    for (const [rp, isDefault] of [
      [RAW_RP, true],
      [ROLLUP_RP, false],
    ] as const) {
      const verb = existing.has(rp) ? 'ALTER' : 'CREATE';
      const replication = verb === 'CREATE' ? ' REPLICATION 1' : '';
      await this.influxql.query(
        `${verb} RETENTION POLICY ${id(rp)} ON ${db} DURATION ${days}${replication}` +
          (isDefault ? ' DEFAULT' : ''),
        'ms',
        'POST',
      );
    }

    for (const [name, body] of this.rollups()) {
      await this.influxql.query(`DROP CONTINUOUS QUERY ${id(name)} ON ${db}`, 'ms', 'POST');
      // Store-and-forward data arrives late: recompute the last hour every minute.
      await this.influxql.query(
        `CREATE CONTINUOUS QUERY ${id(name)} ON ${db} RESAMPLE EVERY 1m FOR 1h ` +
          `BEGIN ${body} END`,
        'ms',
        'POST',
      );
    }
    this.logger.info({ db: this.config.database, retention: days }, 'influx schema ready');
  }

  private rollups(): [string, string][] {
    const db = id(this.config.database);
    const into = (m: string) => `${db}.${id(ROLLUP_RP)}.${id(`${m}_1m`)}`;
    const from = (m: string) => `${db}.${id(RAW_RP)}.${id(m)}`;
    return [
      [
        'fix_1m',
        'SELECT last("lat") AS "lat", last("lon") AS "lon", max("speedKmh") AS "maxSpeedKmh", ' +
          `count("lat") AS "fixes" INTO ${into(MEASUREMENT.fix)} FROM ${from(MEASUREMENT.fix)} ` +
          'GROUP BY time(1m), "truckId", "deviceId"',
      ],
      [
        'weighing_1m',
        'SELECT sum("netKg") AS "netKg", count("netKg") AS "weighings" ' +
          `INTO ${into(MEASUREMENT.weighing)} FROM ${from(MEASUREMENT.weighing)} ` +
          'GROUP BY time(1m), "facilityId", "weighbridgeId", "stream", "district", "truckId"',
      ],
    ];
  }

  private async setUpV2(): Promise<void> {
    const api = async (path: string, init?: RequestInit): Promise<Response> =>
      fetch(`${this.config.url}${path}`, {
        ...init,
        headers: { ...this.influxql.headers(), 'content-type': 'application/json' },
        signal: AbortSignal.timeout(this.config.writeTimeoutMs),
      });

    const orgs = await api(`/api/v2/orgs?org=${encodeURIComponent(this.config.org as string)}`);
    if (orgs.status >= 400 && orgs.status < 500 && orgs.status !== 401 && orgs.status !== 403) {
      // 3.x and VictoriaMetrics serve no management API; InfluxQL reads the bucket by name.
      this.logger.info({ url: this.config.url, status: orgs.status }, 'no /api/v2/orgs: no DBRP');
      return;
    }
    if (!orgs.ok) throw new Error(`GET /api/v2/orgs: ${orgs.status} ${await orgs.text()}`);

    const orgID = ((await orgs.json()) as { orgs: { id: string }[] }).orgs[0]?.id;
    const bucketName = encodeURIComponent(this.config.bucket as string);
    const buckets = await api(`/api/v2/buckets?orgID=${orgID}&name=${bucketName}`);
    const bucketBody = (await buckets.json()) as {
      buckets?: { id: string; retentionRules?: { everySeconds: number }[] }[];
    };
    const bucket = bucketBody.buckets?.[0];
    if (!bucket)
      throw new Error(`bucket ${this.config.bucket} not found in org ${this.config.org}`);

    const keepS = bucket.retentionRules?.[0]?.everySeconds ?? 0;
    if (keepS !== this.config.retentionDays * 86_400) {
      this.logger.warn(
        {
          bucket: this.config.bucket,
          bucketRetentionS: keepS,
          retentionDays: this.config.retentionDays,
        },
        'bucket retention differs from RETENTION_DAYS; the bucket owner sets it on 2.x',
      );
    }

    const dbrps = await api(`/api/v2/dbrps?orgID=${orgID}&db=${bucketName}`);
    const mapped = ((await dbrps.json()) as { content?: unknown[] }).content ?? [];
    if (mapped.length > 0) return;

    const created = await api('/api/v2/dbrps', {
      method: 'POST',
      body: JSON.stringify({
        orgID,
        bucketID: bucket.id,
        database: this.config.bucket,
        retention_policy: 'autogen',
        default: true,
      }),
    });
    if (!created.ok)
      throw new Error(`POST /api/v2/dbrps: ${created.status} ${await created.text()}`);
    this.logger.info({ bucket: this.config.bucket }, 'influx DBRP mapping created');
  }
}
