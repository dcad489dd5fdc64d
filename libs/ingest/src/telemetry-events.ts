/**
 * What ingest hands to the rules once a batch is durable: only new records (duplicates
 * removed), in arrival order, and the tickets of rejected weighings.
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
  readonly events$ = this.subject.asObservable();

  emit(events: AcceptedEvents): void {
    const empty =
      events.fixes.length +
        events.reads.length +
        events.weighings.length +
        events.statuses.length +
        events.rejectedTickets.length ===
      0;
    if (!empty) this.subject.next(events);
  }
}
