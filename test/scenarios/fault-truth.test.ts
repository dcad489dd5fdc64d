/**
 * Issue 5: a fault scenario run against the platform raises exactly its ground truth.
 * The simulator's mini-all-faults day, replayed as fast as the broker takes it, scored with
 * the `check` command's comparison: precision and recall 1 for every alert type.
 */
import { PlatformProcess } from '@sanitation/testing';
import { compareAlerts } from '../../simulators/check/compare';
import { miniAllFaultsDay } from './support/mini-day';
import { lastDeviceMs, listAlerts, replayInto, waitForClock } from './support/platform';

describe('the mini-all-faults scenario against the platform', () => {
  const platform = new PlatformProcess();
  const day = miniAllFaultsDay();

  beforeAll(async () => {
    await platform.start();
    await replayInto(platform, day.messages, { shiftMs: day.shiftMs });
    await waitForClock(platform, lastDeviceMs(day.messages, day.shiftMs));
  }, 90_000);

  afterAll(() => platform.cleanup());

  it('raises exactly its ground truth: precision and recall 1 for every alert type', async () => {
    const comparison = compareAlerts(day.truth, await listAlerts(platform));

    expect({ missing: comparison.missing, unexpected: comparison.unexpected })
      .toEqual({ missing: [], unexpected: [] });
    expect(comparison.perType.map((score) => score.type).sort()).toEqual([
      'gps_silence', 'missed_bins', 'off_route', 'overweight', 'track_jump', 'weighing_missing',
      'weighing_sequence_gap', 'weighing_unmatched',
    ]);
    for (const score of comparison.perType) {
      expect(score).toMatchObject({ precision: 1, recall: 1 });
    }
  });

  it('dead-letters each injected malformed message with its reason', async () => {
    const letters = await platform.api<{ reason: string; deviceId: string }[]>(
      '/api/deadletters?limit=10000');

    const got = letters.map((letter) => `${letter.deviceId} ${letter.reason}`).sort();
    expect(got).toEqual(day.deadLetters.map((want) => `${want.deviceId} ${want.reason}`).sort());
  });
});
