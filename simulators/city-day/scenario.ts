/** Fault scenarios: which faults to inject, on which truck, route or weighbridge, and when. */
import { readFileSync } from 'node:fs';

export const FAULT_TYPES = [
  'gps_dropout',
  'dropout_then_buffered_upload',
  'track_jump',
  'detour',
  'skipped_bins',
  'overload',
  'visit_without_weighing',
  'weighbridge_offline_then_sync',
  'lost_ticket',
  'unknown_plate',
  'plate_at_wrong_facility',
  'malformed',
] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

export const MALFORMED_KINDS = [
  'not_json',
  'not_utf8',
  'not_object',
  'missing_field',
  'wrong_type',
  'out_of_range',
  'array_too_long',
] as const;
export type MalformedKind = (typeof MALFORMED_KINDS)[number];

/**
 * One fault. `at` is either seconds after the shift start of the truck's route (after the
 * window start for weighbridge faults), or a local time `HH:MM[:SS]` on the simulated day,
 * or an ISO-8601 instant with an offset.
 */
export interface Fault {
  type: FaultType;
  truckId?: string;
  routeId?: string;
  weighbridgeId?: string;
  at?: number | string;
  durationS?: number;
  /** detour: how far off the path the truck drives, metres (default 800). */
  offsetM?: number;
  /** track_jump: how far the bad fix lands from the truth, metres (default 3000). */
  jumpM?: number;
  /** skipped_bins: the bins not served, or `count` of them from the route's end. */
  binIds?: string[];
  count?: number;
  /** overload: net load as a share of the rated payload (default 1.15), or `loadKg`. */
  factor?: number;
  loadKg?: number;
  /** unknown_plate: the plate typed at the weighbridge (default 辽L·Z9999). */
  plate?: string;
  /** lost_ticket: the ticket number to lose instead of the truck's. */
  ticket?: number;
  /** malformed: which bad messages, from which of the truck's devices (default gps). */
  kinds?: MalformedKind[];
  device?: 'gps' | 'rfid' | 'weighbridge';
}

export interface Scenario {
  name?: string;
  description?: string;
  faults: Fault[];
}

export const EMPTY_SCENARIO: Scenario = { name: 'baseline', faults: [] };

export function parseScenario(value: unknown, source = 'scenario'): Scenario {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as Scenario).faults)) {
    throw new Error(`${source}: expected an object with a "faults" array`);
  }

  const scenario = value as Scenario;
  scenario.faults.forEach((fault, index) => {
    if (!(FAULT_TYPES as readonly string[]).includes(fault?.type)) {
      throw new Error(`${source}: faults[${index}].type must be one of ${FAULT_TYPES.join(', ')}`);
    }
    if (fault.kinds?.some((kind) => !(MALFORMED_KINDS as readonly string[]).includes(kind))) {
      throw new Error(`${source}: faults[${index}].kinds must be among ` +
        MALFORMED_KINDS.join(', '));
    }
  });
  return scenario;
}

export function loadScenario(path: string): Scenario {
  return parseScenario(JSON.parse(readFileSync(path, 'utf8')), path);
}
