/**
 * Scenario fixtures (test/fixtures/scenarios): a §6 traffic file and its ground truth, moved
 * by whole days to a recent day, so the platform's RETENTION_DAYS never rejects them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrafficRecord } from '@sanitation/contracts';
import { REPO_ROOT } from '@sanitation/testing';
import type { ExpectedAlert } from '../../../simulators/city-day/types';
import { DAY_MS, daysToNow } from '../../../simulators/traffic/shift-times';
import { decodePayload, loadTraffic } from '../../../simulators/traffic/traffic-file';
import type { ReplayMessage } from '../../../simulators/traffic/replay';

export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
export const SHORT_SHIFTS_REGISTRY = join(FIXTURES, 'short-shifts.registry.json');

export interface Fixture {
  name: string;
  messages: ReplayMessage[];
  truth: ExpectedAlert[];
  /** Added to every device time on replay, and to the truth's times. */
  shiftMs: number;
}

/**
 * The shift puts the fixture's day at least one whole day in the past: a day of traffic is
 * then never ahead of the wall clock, and time of day (hence shifts) is kept.
 */
export function recentDayShiftMs(firstMs: number, nowMs = Date.now()): number {
  return Math.max(0, daysToNow(firstMs, nowMs) - 1) * DAY_MS;
}

export async function loadFixture(name: string): Promise<Fixture> {
  const records = await loadTraffic(join(FIXTURES, 'scenarios', `${name}.ndjson`));
  const truthFile = join(FIXTURES, 'scenarios', `${name}.truth.json`);
  const truth = (JSON.parse(readFileSync(truthFile, 'utf8')) as { alerts: ExpectedAlert[] })
    .alerts;
  return { name, messages: records.map(toReplayMessage), truth,
    shiftMs: recentDayShiftMs(records[0].t) };
}

export function toReplayMessage(record: TrafficRecord): ReplayMessage {
  return { t: record.t, topic: record.topic, payload: decodePayload(record), qos: record.qos,
    retain: record.retain };
}

/** The truth as it must read after the fixture was replayed `shiftMs` later. */
export function shiftedTruth(truth: ExpectedAlert[], shiftMs: number): ExpectedAlert[] {
  return truth.map((alert) => ({ ...alert,
    openedAt: new Date(Date.parse(alert.openedAt) + shiftMs).toISOString() }));
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The truth's details with its instants (enteredAt, exitedAt, ...) moved by `shiftMs`. */
export function shiftedDetails(details: Record<string, unknown> | undefined, shiftMs: number):
  Record<string, unknown> {
  return Object.fromEntries(Object.entries(details ?? {}).map(([key, value]) =>
    [key, typeof value === 'string' && ISO_UTC.test(value)
      ? new Date(Date.parse(value) + shiftMs).toISOString() : value]));
}
