/**
 * The ingest path: parse a message, write its records and dead letters in the next
 * group commit, count the outcome, then hand what was new to the rules.
 */
import type { DeadLetter, TelemetryBatch } from '@sanitation/contracts';
import { emptyBatch } from '@sanitation/contracts';
import type { PublishRefusal, RefusalSink } from '@sanitation/broker';
import type { Logger, PlatformMetrics } from '@sanitation/observability';
import type { RegistryService } from '@sanitation/registry';
import type { InboundMessage } from '@sanitation/transport';
import { BatchWriter } from './batch-writer';
import { LogSampler } from './log-sampler';
import { messageDeadLetter } from './parse/dead-letter';
import { parseMessage, ParsedMessage } from './parse/message-parser';
import { TelemetryEventBus } from './telemetry-events';

const CHANNEL_OF = { fixes: 'fix', reads: 'read', weighings: 'weighing', statuses: 'status' };

export class IngestService implements RefusalSink {
  private readonly sampler = new LogSampler();

  constructor(
    private readonly registry: RegistryService,
    private readonly writer: BatchWriter,
    private readonly bus: TelemetryEventBus,
    private readonly metrics: PlatformMetrics,
    private readonly logger: Logger,
    private readonly retentionDays: number,
  ) {}

  /** Resolves once the message's elements are durable; only then may it be acknowledged. */
  async handle(message: InboundMessage): Promise<void> {
    const parsed = parseMessage(message.topic, message.payload, message.receivedAt, {
      registry: this.registry.current,
      retentionDays: this.retentionDays,
    });
    this.metrics.messagesIn.inc({ channel: parsed.channel ?? 'unknown' });

    const stored = await this.writer.submit(parsed.batch);

    this.count(parsed, stored);
    this.logRejections(parsed.batch.deadLetters);
    // Every accepted element goes to the rules, duplicates included: the rules are
    // idempotent, and a message redelivered after a crash between the store write and the
    // rules' save must still be judged.
    await this.bus.emit({
      fixes: parsed.batch.fixes,
      reads: parsed.batch.reads,
      weighings: parsed.batch.weighings,
      statuses: parsed.batch.statuses,
      rejectedTickets: parsed.rejectedTickets,
    });
  }

  /** A publish the broker refused still leaves a dead letter (contract §2). */
  publishRefused(refusal: PublishRefusal): void {
    const batch = emptyBatch();
    batch.deadLetters.push(
      messageDeadLetter(
        { topic: refusal.topic, deviceId: refusal.deviceId, receivedAt: Date.now() },
        { reason: refusal.reason, message: refusal.message },
        refusal.payload,
      ),
    );
    this.writer.submit(batch).then(
      () => this.metrics.elementsRejected.inc({ reason: refusal.reason }),
      (error: unknown) =>
        this.logger.error({ err: error, topic: refusal.topic }, 'could not store dead letter'),
    );
  }

  private count(parsed: ParsedMessage, stored: TelemetryBatch): void {
    for (const [key, channel] of Object.entries(CHANNEL_OF) as [
      keyof typeof CHANNEL_OF,
      string,
    ][]) {
      const fresh = stored[key].length;
      const duplicates = parsed.batch[key].length - fresh;
      if (fresh > 0) this.metrics.elementsAccepted.inc({ channel }, fresh);
      if (duplicates > 0) this.metrics.duplicates.inc({ channel }, duplicates);
    }
    for (const letter of parsed.batch.deadLetters) {
      this.metrics.elementsRejected.inc({ reason: letter.reason });
    }
  }

  private logRejections(letters: DeadLetter[]): void {
    for (const letter of letters) {
      const suppressed = this.sampler.admit(`${letter.deviceId}|${letter.reason}`);
      if (suppressed === null) continue;
      this.logger.warn(
        {
          deviceId: letter.deviceId,
          topic: letter.topic,
          reason: letter.reason,
          index: letter.index,
          deadLetterId: letter.id,
          suppressedSinceLast: suppressed,
        },
        `rejected input from ${letter.deviceId ?? 'unknown device'}: ${letter.message}`,
      );
    }
  }
}
