/** Weigh tickets for the API: listing, CSV export and manual matching (contract §5). */
import { HttpException, Inject, Injectable } from '@nestjs/common';
import { TELEMETRY_STORE, TelemetryStore } from '@sanitation/store';
import { WEIGHING_MATCH_PORT, WeighingMatchPort } from '../ports';
import { toCsv } from '../presenters/csv';
import {
  toWeighingView,
  WEIGHING_COLUMNS,
  WeighingView,
} from '../presenters/weighing.presenter';
import type { WeighingsQuery } from '../queries/queries';
import { page, range } from '../queries/range.query';

@Injectable()
export class WeighingsService {
  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(WEIGHING_MATCH_PORT) private readonly matcher: WeighingMatchPort,
  ) {}

  async list(query: WeighingsQuery): Promise<WeighingView[]> {
    const filter = {
      ...range(query),
      facilityId: query.facilityId,
      weighbridgeId: query.weighbridgeId,
      truckId: query.truckId,
    };
    const records = await this.store.weighings(filter, page(query));
    return records.map(toWeighingView);
  }

  async csv(query: WeighingsQuery): Promise<string> {
    return toCsv(WEIGHING_COLUMNS, await this.list(query));
  }

  async match(weighbridgeId: string, ticket: number, truckId: string, by: string) {
    const outcome = await this.matcher.match(weighbridgeId, ticket, truckId, by);
    if (!outcome.ok) throw new HttpException(outcome.message, outcome.status);
    return toWeighingView(outcome.weighing);
  }
}
