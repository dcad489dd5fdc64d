/**
 * Contract §4: rules judge event time, so one recorded day replayed as fast as possible and
 * at a paced 1000x (about 32 s for the mini city's 8 h 50 min) raises the same alerts, with
 * the same ids, and opens and clears them at the same event times.
 */
import type { Alert } from '@sanitation/contracts';
import { PlatformProcess } from '@sanitation/testing';
import { miniAllFaultsDay } from './support/mini-day';
import { lastDeviceMs, listAlerts, replayInto, waitForClock } from './support/platform';

const PACED_SPEED = 1000;

const outcome = (alerts: Alert[]) => alerts
  .map(({ id, type, state, openedAt, clearedAt }) => ({ id, type, state, openedAt, clearedAt }))
  .sort((a, b) => a.id.localeCompare(b.id));

describe('one day replayed at two speeds', () => {
  const fast = new PlatformProcess();
  const paced = new PlatformProcess();
  const day = miniAllFaultsDay();

  afterAll(async () => {
    await fast.cleanup();
    await paced.cleanup();
  });

  it(`raises the same alerts at full speed and at ${PACED_SPEED}x`, async () => {
    await Promise.all([fast.start(), paced.start()]);
    const lastMs = lastDeviceMs(day.messages, day.shiftMs);

    const pacedRun = replayInto(paced, day.messages, { shiftMs: day.shiftMs,
      speed: PACED_SPEED });
    await replayInto(fast, day.messages, { shiftMs: day.shiftMs });
    await pacedRun;
    await Promise.all([waitForClock(fast, lastMs), waitForClock(paced, lastMs)]);

    const [fastAlerts, pacedAlerts] = await Promise.all([listAlerts(fast), listAlerts(paced)]);
    expect(new Set(fastAlerts.map((alert) => alert.type)))
      .toEqual(new Set(day.truth.map((alert) => alert.type)));
    expect(fastAlerts.some((alert) => alert.clearedAt !== null)).toBe(true);
    expect(outcome(pacedAlerts)).toEqual(outcome(fastAlerts));
  }, 180_000);
});
