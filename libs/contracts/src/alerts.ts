/** Alert categories, types and the alert shape of contract §4. */

export const ALERT_TYPES = {
  gps_silence: { category: 'route_gap', severity: 'warning' },
  track_jump: { category: 'route_gap', severity: 'info' },
  off_route: { category: 'route_gap', severity: 'warning' },
  missed_bins: { category: 'route_gap', severity: 'warning' },
  overweight: { category: 'overweight_trip', severity: 'critical' },
  weighing_missing: { category: 'unsynced_weighing', severity: 'warning' },
  weighing_sequence_gap: { category: 'unsynced_weighing', severity: 'warning' },
  weighing_unmatched: { category: 'unsynced_weighing', severity: 'warning' },
} as const;

export type AlertType = keyof typeof ALERT_TYPES;
export type AlertCategory = (typeof ALERT_TYPES)[AlertType]['category'];
export type AlertSeverity = 'info' | 'warning' | 'critical';
export type AlertState = 'open' | 'acknowledged' | 'cleared';

export const ALERT_CATEGORIES: AlertCategory[] = [
  'route_gap',
  'overweight_trip',
  'unsynced_weighing',
];
export const ALERT_STATES: AlertState[] = ['open', 'acknowledged', 'cleared'];

/** An alert as the API returns and MQTT publishes it (times ISO-8601 UTC). */
export interface Alert {
  id: string;
  category: AlertCategory;
  type: AlertType;
  severity: AlertSeverity;
  state: AlertState;
  truckId: string | null;
  routeId: string | null;
  facilityId: string | null;
  weighbridgeId: string | null;
  openedAt: string;
  clearedAt: string | null;
  acknowledgedAt: string | null;
  details: Record<string, unknown>;
}
