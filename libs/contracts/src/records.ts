/**
 * What ingest hands on once an element is accepted: device times as epoch ms,
 * identities resolved against the registry. These are internal shapes, shared by
 * the store, the rules and the API.
 */
import type { DeviceKind } from './topics';
import type { RejectReason } from './reasons';
import type { WasteStream } from './registry.types';

export interface FixRecord {
  deviceId: string;
  truckId: string | null;
  ts: number;
  lat: number;
  lon: number;
  speedKmh?: number;
  headingDeg?: number;
  hdop?: number;
  sats?: number;
  ignition?: boolean;
  seq?: number;
  receivedAt: number;
}

export interface ReadRecord {
  deviceId: string;
  truckId: string | null;
  ts: number;
  /** Upper-case hex EPC. */
  tag: string;
  binId: string | null;
  rssi?: number;
  antenna?: number;
  receivedAt: number;
}

export const WEIGHING_FLAGS = [
  'overweight',
  'unmatched',
  'manual_match',
  'no_tare',
  'truck_elsewhere',
  'late_sync',
] as const;
export type WeighingFlag = (typeof WEIGHING_FLAGS)[number];

export interface WeighingRecord {
  deviceId: string;
  weighbridgeId: string;
  facilityId: string;
  ticket: number;
  ts: number;
  /** As the weighbridge typed it. */
  plate: string;
  plateNormalized: string;
  truckId: string | null;
  grossKg: number;
  /** The ticket's tare, or the truck's registered one; null when neither is known. */
  tareKg: number | null;
  tareSource: 'ticket' | 'registry' | null;
  netKg: number | null;
  stream: WasteStream | null;
  routeId: string | null;
  district: string | null;
  flags: WeighingFlag[];
  matchedBy: string | null;
  receivedAt: number;
}

export interface StatusRecord {
  deviceId: string;
  kind: DeviceKind;
  ts: number;
  online: boolean;
  fw?: string;
  batteryPct?: number;
  receivedAt: number;
}

export interface DeadLetter {
  id: string;
  receivedAt: number;
  topic: string;
  deviceId: string | null;
  /** Place in an array; null for a single element or a whole message. */
  index: number | null;
  reason: RejectReason;
  message: string;
  payload?: string;
  payloadBase64?: string;
}

/** Everything one message (or one flush of many) produced. */
export interface TelemetryBatch {
  fixes: FixRecord[];
  reads: ReadRecord[];
  weighings: WeighingRecord[];
  statuses: StatusRecord[];
  deadLetters: DeadLetter[];
}

export const emptyBatch = (): TelemetryBatch => ({
  fixes: [],
  reads: [],
  weighings: [],
  statuses: [],
  deadLetters: [],
});
