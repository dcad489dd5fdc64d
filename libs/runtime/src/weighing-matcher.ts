/**
 * The operator's match of a ticket to a truck (contract §5): the ticket takes the truck's
 * tare (unless it carried its own), stream, route and district, is flagged as matched by
 * hand, and the rules clear its `weighing_unmatched`.
 */
import type { MatchOutcome, WeighingMatchPort } from '@sanitation/api';
import type { WeighingFlag, WeighingRecord } from '@sanitation/contracts';
import type { RegistryService } from '@sanitation/registry';
import type { RulesEngine } from '@sanitation/rules';
import type { TelemetryStore } from '@sanitation/store';

const REPLACED_FLAGS: WeighingFlag[] = ['unmatched', 'no_tare', 'overweight', 'truck_elsewhere'];

export class WeighingMatcher implements WeighingMatchPort {
  constructor(
    private readonly store: TelemetryStore,
    private readonly registry: RegistryService,
    private readonly engine: () => RulesEngine,
  ) {}

  async match(
    weighbridgeId: string,
    ticket: number,
    truckId: string,
    by: string,
  ): Promise<MatchOutcome> {
    const weighing = await this.store.weighing(weighbridgeId, ticket);
    if (!weighing) {
      return { ok: false, status: 404, message: `no ticket ${ticket} from ${weighbridgeId}` };
    }
    const truck = this.registry.current.trucks.get(truckId);
    if (!truck) return { ok: false, status: 400, message: `truckId ${truckId} is not a truck` };

    const unmatchedAlert = this.engine()
      .listAlerts({ type: 'weighing_unmatched', limit: 10_000 })
      .some((a) => a.weighbridgeId === weighbridgeId && a.details.ticket === ticket);
    if (weighing.truckId !== null && !weighing.flags.includes('unmatched') && !unmatchedAlert) {
      const which = `ticket ${ticket} of ${weighbridgeId}`;
      const message = `${which} is already matched to ${weighing.truckId}`;
      return { ok: false, status: 409, message };
    }

    const updated = this.rematched(weighing, truckId, by);
    await this.store.updateWeighing({ weighbridgeId, ticket, truckId, matchedBy: by, updated });
    this.engine().matchWeighing(weighbridgeId, ticket, truckId, by, updated);
    return { ok: true, weighing: updated };
  }

  private rematched(weighing: WeighingRecord, truckId: string, by: string): WeighingRecord {
    const registry = this.registry.current;
    const truck = registry.trucks.get(truckId)!;
    const tareKg = weighing.tareSource === 'ticket' ? weighing.tareKg : truck.tareKg;
    const netKg = tareKg === null ? null : weighing.grossKg - tareKg;

    const flags = weighing.flags.filter((flag) => !REPLACED_FLAGS.includes(flag));
    flags.push('manual_match');
    if (netKg !== null && netKg > truck.ratedPayloadKg) flags.push('overweight');

    return {
      ...weighing,
      truckId,
      tareKg,
      tareSource: weighing.tareSource === 'ticket' ? 'ticket' : 'registry',
      netKg,
      stream: truck.stream,
      routeId: registry.routesByTruck.get(truckId)?.[0]?.id ?? null,
      district: truck.district ?? weighing.district,
      flags,
      matchedBy: by,
    };
  }
}
