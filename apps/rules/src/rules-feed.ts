/**
 * Device traffic into the rules when they run apart from ingest: each message is parsed
 * exactly as ingest parses it (parseMessage, same registry and retention) but not stored,
 * and its valid elements go on the event bus the rules listen to. Ingest, in its own
 * processes, stores the same messages and keeps the dead letters.
 *
 * The engine may see a record twice (a QoS 1 redelivery, a device resending its buffer),
 * which ingest would have dropped as a duplicate; alerts are keyed by their condition, so a
 * repeat raises nothing new.
 */
import { TelemetryEventBus, parseMessage } from '@sanitation/ingest';
import type { PlatformMetrics } from '@sanitation/observability';
import type { RegistryService } from '@sanitation/registry';
import type { InboundMessage } from '@sanitation/transport';

export const RULES_FEED = Symbol('RulesFeed');

export class RulesFeed {
  constructor(
    private readonly registry: RegistryService,
    private readonly bus: TelemetryEventBus,
    private readonly metrics: PlatformMetrics,
    private readonly retentionDays: number,
  ) {}

  /** Resolves once the rules have judged the message; only then is it acknowledged. */
  handle(message: InboundMessage): Promise<void> {
    const parsed = parseMessage(message.topic, message.payload, message.receivedAt, {
      registry: this.registry.current,
      retentionDays: this.retentionDays,
    });
    this.metrics.messagesIn.inc({ channel: parsed.channel ?? 'unknown' });

    const { fixes, reads, weighings, statuses } = parsed.batch;
    return this.bus.emit({
      fixes,
      reads,
      weighings,
      statuses,
      rejectedTickets: parsed.rejectedTickets,
    });
  }
}
