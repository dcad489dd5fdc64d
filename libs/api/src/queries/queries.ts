/** The query strings of contract §5's lists, as validated classes. */
import {
  ALERT_CATEGORIES,
  ALERT_STATES,
  ALERT_TYPES,
  AlertCategory,
  AlertState,
  AlertType,
  REJECT_REASONS,
  RejectReason,
} from '@sanitation/contracts';
import type { TonnageGroup, TonnageInterval } from '@sanitation/store';
import { EnumChoice, EnumFilter } from './enum-param';
import { IdFilter } from './id-param';
import { PagedQuery, TimeRangeQuery } from './range.query';

export const TONNAGE_GROUPS: TonnageGroup[] = ['facility', 'stream', 'district', 'truck'];
export const TONNAGE_INTERVALS: TonnageInterval[] = ['day', 'month'];

export class TrackQuery extends TimeRangeQuery {}

export class AlertsQuery extends PagedQuery {
  @EnumFilter(ALERT_CATEGORIES, 'Alert category')
  category?: AlertCategory;

  @EnumFilter(Object.keys(ALERT_TYPES), 'Alert type')
  type?: AlertType;

  @EnumFilter(ALERT_STATES, 'Alert state')
  state?: AlertState;

  @IdFilter('Truck id from the registry')
  truckId?: string;
}

export class WeighingsQuery extends PagedQuery {
  @IdFilter('Facility id')
  facilityId?: string;

  @IdFilter('Weighbridge id')
  weighbridgeId?: string;

  @IdFilter('Truck id (matched tickets only)')
  truckId?: string;
}

export class DeadLettersQuery extends PagedQuery {
  @EnumFilter(REJECT_REASONS, 'Rejection reason code (contract §2)')
  reason?: RejectReason;

  @IdFilter('Device id')
  deviceId?: string;
}

export class TonnageQueryParams extends TimeRangeQuery {
  @EnumChoice(TONNAGE_GROUPS, 'What to sum by', 'facility')
  groupBy: TonnageGroup = 'facility';

  @EnumChoice(TONNAGE_INTERVALS, 'Calendar period in the registry timezone', 'day')
  interval: TonnageInterval = 'day';
}
