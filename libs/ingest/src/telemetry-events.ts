/**
 * What ingest hands to the rules once a batch is durable: every accepted record, in
 * arrival order (redeliveries included: the rules are idempotent), and the tickets of
 * rejected weighings.
 */
import { Subject } from 'rxjs';
import type { FixRecord, ReadRecord, StatusRecord, WeighingRecord } from '@sanitation/contracts';

export interface AcceptedEvents {
  fixes: FixRecord[];
  reads: ReadRecord[];
  weighings: WeighingRecord[];
  statuses: StatusRecord[];
  rejectedTickets: { weighbridgeId: string; ticket: number }[];
}

export class TelemetryEventBus {
  private readonly subject = new Subject<AcceptedEvents>();
  private readonly commitHooks: (() => Promise<void>)[] = [];
  readonly events$ = this.subject.asObservable();

  /**
   * A listener whose own state must be durable before a message is acknowledged (the
   * rules' state) registers how to make it so; emit() waits for every such hook.
   */
  addCommitHook(commit: () => Promise<void>): void {
    this.commitHooks.push(commit);
  }

  /** Hands the events to the listeners; resolves once their state is durable too. */
  async emit(events: AcceptedEvents): Promise<void> {
    const empty =
      events.fixes.length +
        events.reads.length +
        events.weighings.length +
        events.statuses.length +
        events.rejectedTickets.length ===
      0;
    if (empty) return;

    this.subject.next(events);
    await Promise.all(this.commitHooks.map((commit) => commit()));
  }
}
