/** One scenario fixture replayed into a fresh platform that serves the short-shifts city. */
import type { Alert } from '@sanitation/contracts';
import { PlatformProcess } from '@sanitation/testing';
import type { ExpectedAlert } from '../../../simulators/city-day/types';
import { loadFixture, SHORT_SHIFTS_REGISTRY, shiftedTruth } from './fixtures';
import { lastDeviceMs, listAlerts, replayInto, waitForClock } from './platform';

export interface FixtureRun {
  raised: Alert[];
  expected: ExpectedAlert[];
  shiftMs: number;
}

/** Replays `name` at full speed and returns the alerts once every message has been judged. */
export async function runFixture(name: string,
  inspect?: (platform: PlatformProcess) => Promise<void>): Promise<FixtureRun> {
  const platform = new PlatformProcess();
  try {
    await platform.start({ env: { REGISTRY_PATH: SHORT_SHIFTS_REGISTRY } });
    const fixture = await loadFixture(name);

    await replayInto(platform, fixture.messages, { shiftMs: fixture.shiftMs });
    await waitForClock(platform, lastDeviceMs(fixture.messages, fixture.shiftMs));

    const raised = await listAlerts(platform);
    await inspect?.(platform);
    return { raised, expected: shiftedTruth(fixture.truth, fixture.shiftMs),
      shiftMs: fixture.shiftMs };
  } finally {
    await platform.cleanup();
  }
}
