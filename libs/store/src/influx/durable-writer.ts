import { performance } from 'node:perf_hooks';
import type { LineWriter, WriteOutcome } from './line-writer';
import type { StoreLogger } from './logger';
import type { DiskSpool } from './spool';

export interface WriteLatency {
  count: number;
  lastMs: number;
  meanMs: number;
  maxMs: number;
}

export interface InfluxWriterStats {
  /** Points waiting in the disk spool for InfluxDB. */
  spooledPoints: number;
  spoolBytes: number;
  /** Points lost because the spool was full (oldest first). */
  droppedPoints: number;
  /** Write requests InfluxDB answered 400/422 (a partial write); they are never resent. */
  partialWriteRejects: number;
  /** Lines those requests dropped, where the server said how many. */
  rejectedPoints: number;
  writtenPoints: number;
  writeLatency: WriteLatency;
}

export interface DurableWriterOptions {
  batchSize: number;
  flushIntervalMs: number;
}

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

// Two requests in flight let one batch fill while the other is sent; more only queue up
// inside influxd (bench/influx-store.bench.ts).
const MAX_IN_FLIGHT = 2;
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * Groups lines from many write() calls into requests of up to `batchSize` lines, and makes
 * each call resolve only once its lines are in InfluxDB or fsync'd to the spool. While
 * InfluxDB is unreachable, new lines go straight to the spool, and a drain loop probes
 * with the oldest spooled chunk, backing off from 0.5 s to 30 s.
 */
export class DurableWriter {
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  private idle: (() => void)[] = [];
  private online = true;
  private closing = false;
  private drainTimer: NodeJS.Timeout | null = null;
  private draining = false;
  private retryDelayMs = RETRY_MIN_MS;
  private readonly counters = {
    droppedPoints: 0,
    partialWriteRejects: 0,
    rejectedPoints: 0,
    writtenPoints: 0,
  };
  private readonly latency: WriteLatency = { count: 0, lastMs: 0, meanMs: 0, maxMs: 0 };

  constructor(
    private readonly writer: LineWriter,
    private readonly spool: DiskSpool,
    private readonly options: DurableWriterOptions,
    private readonly logger: StoreLogger,
  ) {
    if (spool.points > 0) {
      logger.info({ spooledPoints: spool.points }, 'influx spool holds points; draining');
      this.scheduleDrain(0);
    }
  }

  /** Called by the spool when it drops its oldest points to stay within its bound. */
  recordDrop(points: number, bytes: number): void {
    this.counters.droppedPoints += points;
    this.logger.error(
      { droppedPoints: points, droppedBytes: bytes, totalDropped: this.counters.droppedPoints },
      'influx spool full: oldest spooled points dropped',
    );
  }

  stats(): InfluxWriterStats {
    return {
      spooledPoints: this.spool.points,
      spoolBytes: this.spool.bytes,
      ...this.counters,
      writeLatency: { ...this.latency },
    };
  }

  enqueue(lines: string[]): Promise<void> {
    if (lines.length === 0) return Promise.resolve();
    if (this.closing) return Promise.reject(new Error('influx store is closed'));

    return new Promise<void>((resolve, reject) => {
      for (const line of lines) this.pending.push(line);
      this.waiters.push({ resolve, reject });

      // Group commit: an idle connection sends at once; while requests are in flight,
      // lines gather into the next batch, which leaves when one returns or the timer fires.
      if (this.inFlight === 0 || this.pending.length >= this.options.batchSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.flushIntervalMs);
    });
  }

  /** Sends what is pending, waits for requests in flight, stops the drain loop. */
  async close(): Promise<void> {
    this.closing = true;
    this.flush();
    while (this.inFlight > 0 || this.pending.length > 0 || this.draining) {
      await new Promise<void>((resolve) => this.idle.push(resolve));
    }

    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.drainTimer = null;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0 || this.inFlight >= MAX_IN_FLIGHT) return;

    const lines = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    this.inFlight += 1;

    void this.send(lines)
      .then(
        () => waiters.forEach((w) => w.resolve()),
        (err: unknown) => waiters.forEach((w) => w.reject(err)),
      )
      .finally(() => {
        this.inFlight -= 1;
        if (this.pending.length > 0) this.flush();
        this.wakeIdle();
      });
  }

  private async send(lines: string[]): Promise<void> {
    for (let start = 0; start < lines.length; start += this.options.batchSize) {
      const chunk = lines.slice(start, start + this.options.batchSize);

      if (!this.online) {
        this.spool.append(lines.slice(start));
        return;
      }

      const outcome = await this.timedWrite(chunk);
      if (outcome.kind === 'unavailable') {
        this.goOffline(outcome.message);
        this.spool.append(lines.slice(start));
        return;
      }
    }

    if (this.spool.points > 0) this.scheduleDrain(0);
  }

  private async timedWrite(lines: string[]): Promise<WriteOutcome> {
    const started = performance.now();
    const outcome = await this.writer.write(lines);

    if (outcome.kind === 'ok') {
      this.recordLatency(performance.now() - started);
      this.counters.writtenPoints += lines.length;
    }
    if (outcome.kind === 'rejected') {
      this.counters.partialWriteRejects += 1;
      this.counters.rejectedPoints += outcome.droppedLines ?? 0;
      this.logger.warn(
        {
          status: outcome.status,
          lines: lines.length,
          droppedLines: outcome.droppedLines,
          error: outcome.message,
        },
        'influx refused part of a write; not retried',
      );
    }
    return outcome;
  }

  private goOffline(message: string): void {
    if (this.online) {
      this.logger.warn({ error: message }, 'influx unreachable; spooling points to disk');
    }
    this.online = false;
    this.scheduleDrain(this.retryDelayMs);
  }

  private scheduleDrain(delayMs: number): void {
    if (this.closing || this.draining || this.drainTimer) return;

    this.drainTimer = setTimeout(() => {
      this.drainTimer = null;
      void this.drain();
    }, delayMs);
  }

  private async drain(): Promise<void> {
    this.draining = true;
    let retryInMs: number | null = null;

    try {
      retryInMs = await this.drainUntilEmptyOrDown();
    } catch (err) {
      this.logger.error({ err }, 'influx spool drain failed');
      retryInMs = this.retryDelayMs;
    }

    this.draining = false;
    if (retryInMs !== null) this.scheduleDrain(retryInMs);
    this.wakeIdle();
  }

  /** Returns the delay before the next attempt, or null once the spool is empty. */
  private async drainUntilEmptyOrDown(): Promise<number | null> {
    for (let chunk = this.spool.peek(this.options.batchSize); chunk;) {
      if (this.closing) return null;

      const outcome = await this.timedWrite(chunk.lines);
      if (outcome.kind === 'unavailable') {
        this.online = false;
        this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
        this.logger.debug(
          { error: outcome.message, retryInMs: this.retryDelayMs },
          'influx still unreachable',
        );
        return this.retryDelayMs;
      }

      chunk.done();
      this.comeBackOnline();
      chunk = this.spool.peek(this.options.batchSize);
    }

    return null;
  }

  private comeBackOnline(): void {
    if (!this.online) {
      this.logger.info({ spooledPoints: this.spool.points }, 'influx reachable; draining spool');
    }
    this.online = true;
    this.retryDelayMs = RETRY_MIN_MS;
  }

  private recordLatency(ms: number): void {
    const l = this.latency;
    l.count += 1;
    l.lastMs = ms;
    l.meanMs += (ms - l.meanMs) / l.count;
    l.maxMs = Math.max(l.maxMs, ms);
  }

  private wakeIdle(): void {
    const waiting = this.idle;
    this.idle = [];
    waiting.forEach((wake) => wake());
  }
}
