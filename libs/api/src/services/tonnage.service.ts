/** Net tonnage sums in the registry's calendar (contract §5 `/api/tonnage`). */
import { Inject, Injectable } from '@nestjs/common';
import type { RegistryService } from '@sanitation/registry';
import { TELEMETRY_STORE, TelemetryStore } from '@sanitation/store';
import { REGISTRY_SERVICE } from '../ports';
import { toTonnageView, TonnageView } from '../presenters/tonnage.presenter';
import type { TonnageQueryParams } from '../queries/queries';
import { range } from '../queries/range.query';

@Injectable()
export class TonnageService {
  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(REGISTRY_SERVICE) private readonly registry: RegistryService,
  ) {}

  async sums(query: TonnageQueryParams): Promise<TonnageView[]> {
    const timezone = this.registry.current.timezone;
    const rows = await this.store.tonnage({
      ...range(query),
      groupBy: query.groupBy,
      interval: query.interval,
      timezone,
    });
    return rows.map((row) => toTonnageView(row, timezone));
  }
}
