/**
 * Contract §4: a restart neither loses an open alert nor raises it again, and deadlines that
 * were pending when the platform stopped still fire. The mini-all-faults day is cut at 06:40
 * local: track jumps, the overweight ticket and an unmatched ticket are open; the three
 * weighing_missing deadlines (06:49-06:55), the ticket gap and missed_bins are still ahead.
 */
import { PlatformProcess } from '@sanitation/testing';
import { compareAlerts } from '../../simulators/check/compare';
import { miniAllFaultsDay, truthOfPrefix } from './support/mini-day';
import { lastDeviceMs, listAlerts, replayInto, subjects, waitForClock } from './support/platform';

const CUT_MS = Date.parse('2026-11-20T06:40:00+08:00');

describe.each(['SIGTERM', 'SIGKILL'] as const)('a restart by %s in the middle of the day',
  (signal) => {
    const first = new PlatformProcess();
    const second = new PlatformProcess();
    const day = miniAllFaultsDay();
    const before = day.messages.filter((message) => message.t < CUT_MS);
    const after = day.messages.filter((message) => message.t >= CUT_MS);

    afterAll(async () => {
      await second.cleanup();
      await first.cleanup();
    });

    it('keeps open alerts, raises none twice and fires the pending deadlines', async () => {
      await first.start();
      await replayInto(first, before, { shiftMs: day.shiftMs });
      // Stopped the moment the last message is acknowledged: whatever was acknowledged,
      // the rules' view of it included, must survive even SIGKILL.
      await first.stop(signal);

      await second.start({ dataDir: first.dataDir });
      await waitForClock(second, lastDeviceMs(before, day.shiftMs));
      const raisedBefore = await listAlerts(second);
      expect(subjects(raisedBefore)).toEqual(subjects(truthOfPrefix(day, before)));
      expect(raisedBefore.filter((alert) => alert.state === 'open').length).toBeGreaterThan(2);

      await replayInto(second, after, { shiftMs: day.shiftMs });
      await waitForClock(second, lastDeviceMs(after, day.shiftMs));
      const raised = await listAlerts(second);
      expect(compareAlerts(day.truth, raised)).toMatchObject({ missing: [], unexpected: [] });
      expect(new Set(raised.map((alert) => alert.id)).size).toBe(raised.length);
      expect(raised.filter((alert) => alert.type === 'weighing_missing')).toHaveLength(3);
      for (const kept of raisedBefore) {
        expect(raised.find((alert) => alert.id === kept.id)?.openedAt).toBe(kept.openedAt);
      }
    }, 120_000);
  });
