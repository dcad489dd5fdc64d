import { HttpError, InfluxDB, setLogger, type WriteOptions } from '@influxdata/influxdb-client';
import type { ResolvedInfluxConfig } from './config';
import { outcomeOf, type LineWriter, type WriteOutcome } from './line-writer';
import type { StoreLogger } from './logger';
import { describe } from './v1-line-writer';

/**
 * InfluxDB 2.x / 3.x `/api/v2/write` through the official client. Our batcher already
 * groups lines, so the client sends each call's lines as one request at once (no flush
 * timer) and never retries: its retry buffer lives in memory and would hold lines the
 * spool already keeps on disk.
 */
export class V2LineWriter implements LineWriter {
  private readonly client: InfluxDB;
  private readonly options: Partial<WriteOptions>;

  constructor(
    private readonly config: ResolvedInfluxConfig,
    logger: StoreLogger,
  ) {
    this.client = new InfluxDB({
      url: config.url,
      token: config.token,
      timeout: config.writeTimeoutMs,
    });
    this.options = {
      batchSize: config.batchSize + 1,
      flushInterval: 0,
      maxRetries: 0,
      maxBufferLines: config.batchSize,
      gzipThreshold: 64 * 1024,
    };
    setLogger({
      error: (message, error) => logger.debug({ err: error }, `influxdb-client: ${message}`),
      warn: (message, error) => logger.debug({ err: error }, `influxdb-client: ${message}`),
    });
  }

  async write(lines: string[]): Promise<WriteOutcome> {
    const api = this.client.getWriteApi(
      this.config.org as string,
      this.config.bucket as string,
      'ns',
      this.options,
    );

    try {
      api.writeRecords(lines);
      await api.flush();
      return { kind: 'ok' };
    } catch (err) {
      if (err instanceof HttpError) return outcomeOf(err.statusCode, err.body ?? err.message);
      return { kind: 'unavailable', message: describe(err) };
    } finally {
      await api.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    return undefined;
  }
}
