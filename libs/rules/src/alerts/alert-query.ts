/** Filtering and paging for `GET /api/alerts` (contract §5): newest first. */
import type { Alert, AlertCategory, AlertState, AlertType } from '@sanitation/contracts';
import { ALERT_TYPES } from '@sanitation/contracts';
import type { AlertRecord } from '../persistence/rules-repository';
import { toApiAlert } from './alert-book';

export interface AlertFilter {
  category?: AlertCategory;
  type?: AlertType;
  state?: AlertState;
  truckId?: string;
  /** openedAt bounds, epoch ms, inclusive. */
  from?: number;
  to?: number;
  /** Default 1000. */
  limit?: number;
  offset?: number;
}

export const DEFAULT_ALERT_LIMIT = 1000;

export function queryAlerts(records: Iterable<AlertRecord>, filter: AlertFilter = {}): Alert[] {
  const matching: AlertRecord[] = [];
  for (const record of records) {
    if (matches(record, filter)) matching.push(record);
  }

  matching.sort((a, b) => b.openedAtMs - a.openedAtMs || (a.id < b.id ? 1 : -1));

  const offset = filter.offset ?? 0;
  const limit = filter.limit ?? DEFAULT_ALERT_LIMIT;
  return matching.slice(offset, offset + limit).map(toApiAlert);
}

function matches(record: AlertRecord, filter: AlertFilter): boolean {
  if (filter.type && record.type !== filter.type) return false;
  if (filter.category && ALERT_TYPES[record.type].category !== filter.category) return false;
  if (filter.state && record.state !== filter.state) return false;
  if (filter.truckId && record.truckId !== filter.truckId) return false;
  if (filter.from !== undefined && record.openedAtMs < filter.from) return false;
  if (filter.to !== undefined && record.openedAtMs > filter.to) return false;
  return true;
}
