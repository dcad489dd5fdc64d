/** What the city-day generator produces. */
import type { Alert, DeviceChannel, DeviceKind, RejectReason } from '@sanitation/contracts';
import type { Scenario } from './scenario';

/** One MQTT message a device would send, at simulated time `t` (epoch ms). */
export interface SimMessage {
  t: number;
  deviceId: string;
  kind: DeviceKind;
  channel: DeviceChannel;
  topic: string;
  payload: string | Buffer;
  retain: boolean;
}

/** An alert the platform must raise: contract §4's shape without the platform's own fields. */
export type ExpectedAlert = Pick<Alert, 'category' | 'type' | 'severity' | 'truckId' | 'routeId' |
  'facilityId' | 'weighbridgeId' | 'openedAt' | 'details'>;

export interface ExpectedDeadLetter {
  topic: string;
  deviceId: string;
  reason: RejectReason;
  t: number;
}

export interface GroundTruth {
  scenario: string;
  seed: string;
  start: string;
  alerts: ExpectedAlert[];
  deadLetters: ExpectedDeadLetter[];
}

export interface CityDayOptions {
  seed: string;
  /** Window start, epoch ms; shifts starting after it and before its end are simulated. */
  startMs: number;
  hours: number;
  /** Truck ids to simulate; all when empty. */
  truckIds?: string[];
  scenario?: Scenario;
}

export interface CityDay {
  messages: SimMessage[];
  truth: GroundTruth;
  /** Problems the generator worked around (a trip that barely fits its shift, ...). */
  warnings: string[];
}
