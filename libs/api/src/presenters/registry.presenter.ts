/** What a reload answers: the city and how many of each entry it now holds. */
import { isoUtc } from '@sanitation/contracts';
import type { Registry } from '@sanitation/registry';

export interface RegistrySummary {
  city: string;
  timezone: string;
  loadedAt: string;
  counts: Record<'facilities' | 'weighbridges' | 'trucks' | 'bins' | 'routes' | 'devices', number>;
}

export function summarize(registry: Registry): RegistrySummary {
  return {
    city: registry.city,
    timezone: registry.timezone,
    loadedAt: isoUtc(registry.loadedAt),
    counts: {
      facilities: registry.facilities.size,
      weighbridges: registry.weighbridges.size,
      trucks: registry.trucks.size,
      bins: registry.bins.size,
      routes: registry.routes.size,
      devices: registry.devices.size,
    },
  };
}
