/** A truck's fixes in time order; 404 for a truck the registry does not know. */
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { FixRecord } from '@sanitation/contracts';
import type { RegistryService } from '@sanitation/registry';
import { TELEMETRY_STORE, TelemetryStore } from '@sanitation/store';
import { REGISTRY_SERVICE } from '../ports';
import { byTime } from '../presenters/track.presenter';
import type { TrackQuery } from '../queries/queries';
import { range } from '../queries/range.query';

@Injectable()
export class TrackService {
  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(REGISTRY_SERVICE) private readonly registry: RegistryService,
  ) {}

  async fixes(truckId: string, query: TrackQuery): Promise<FixRecord[]> {
    if (!this.registry.current.trucks.has(truckId)) {
      throw new NotFoundException(`Truck ${truckId} is not in the registry`);
    }

    return byTime(await this.store.track(truckId, range(query)));
  }
}
