/**
 * Group commit: every batch submitted during one turn of the event loop is written in
 * one store transaction, so latency stays near one write while throughput grows with
 * load. Each submitter learns which of its own records were new.
 */
import { emptyBatch, TelemetryBatch } from '@sanitation/contracts';
import type { TelemetryStore } from '@sanitation/store';

interface Pending {
  batch: TelemetryBatch;
  resolve: (stored: TelemetryBatch) => void;
  reject: (error: unknown) => void;
}

const KEYS = ['fixes', 'reads', 'weighings', 'statuses', 'deadLetters'] as const;

export class BatchWriter {
  private queue: Pending[] = [];
  private queuedRecords = 0;
  private flushScheduled = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: TelemetryStore,
    private readonly observe: (seconds: number, records: number) => void = () => undefined,
    /** Flush early past this many records, to bound one transaction (records). */
    private readonly maxBatchRecords = 10_000,
  ) {}

  get backlog(): number {
    return this.queuedRecords;
  }

  submit(batch: TelemetryBatch): Promise<TelemetryBatch> {
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
      this.queuedRecords += KEYS.reduce((n, key) => n + batch[key].length, 0);
      if (this.queuedRecords >= this.maxBatchRecords) this.flushNow();
      else this.scheduleFlush();
    });
  }

  /** Resolves when everything submitted so far has been written. */
  async drain(): Promise<void> {
    this.flushNow();
    await this.writing;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flushNow());
  }

  private flushNow(): void {
    this.flushScheduled = false;
    if (this.queue.length === 0) return;

    const group = this.queue;
    this.queue = [];
    this.queuedRecords = 0;
    // Writes run one after another, so records reach the store in arrival order.
    this.writing = this.writing.then(() => this.write(group));
  }

  private async write(group: Pending[]): Promise<void> {
    const merged = emptyBatch();
    for (const { batch } of group) {
      for (const key of KEYS) (merged[key] as unknown[]).push(...batch[key]);
    }

    const started = performance.now();
    let stored: TelemetryBatch;
    try {
      stored = await this.store.write(merged);
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
    this.observe(
      (performance.now() - started) / 1000,
      KEYS.reduce((n, k) => n + merged[k].length, 0),
    );

    const isNew = new Set<unknown>(KEYS.flatMap((key) => stored[key] as unknown[]));
    for (const pending of group) {
      const own = emptyBatch();
      for (const key of KEYS) {
        (own[key] as unknown[]) = (pending.batch[key] as unknown[]).filter((r) => isNew.has(r));
      }
      pending.resolve(own);
    }
  }
}
