/**
 * Issue 5: record and replay round-trip a session's traffic unchanged. A recorder with an
 * engineer token records what a simulated truck day sends to one platform; that file, replayed
 * into a fresh platform, arrives there byte for byte and raises the same alerts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDeviceTopic } from '@sanitation/contracts';
import { PlatformProcess } from '@sanitation/testing';
import { startRecorder } from '../../simulators/traffic/record';
import { shiftPayloadTimes } from '../../simulators/traffic/shift-times';
import { loadTraffic } from '../../simulators/traffic/traffic-file';
import { loadFixture, SHORT_SHIFTS_REGISTRY, toReplayMessage } from './support/fixtures';
import { lastDeviceMs, listAlerts, replayInto, subjects, waitForClock } from './support/platform';
import type { ReplayMessage } from '../../simulators/traffic/replay';

const deviceTraffic = (messages: ReplayMessage[]) => messages
  .filter((message) => parseDeviceTopic(message.topic) !== null)
  .map((message) => `${message.topic} ${message.payload.toString('base64')}`);

/** Runs `send` against the platform while an engineer records its broker into `out`. */
async function recordSession(platform: PlatformProcess, out: string,
  send: () => Promise<unknown>): Promise<ReplayMessage[]> {
  const recorder = await startRecorder({ url: platform.mqttUrl, out,
    token: platform.tokens.engineer });
  await send();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await recorder.stop();
  return (await loadTraffic(out)).map(toReplayMessage);
}

describe('record and replay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'round-trip-'));
  const original = new PlatformProcess();
  const fresh = new PlatformProcess();
  const env = { REGISTRY_PATH: SHORT_SHIFTS_REGISTRY };

  afterAll(async () => {
    await original.cleanup();
    await fresh.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips a session unchanged and raises the same alerts from the replay', async () => {
    const session = await loadFixture('weighing-missing');
    const sent = session.messages.map((message) => ({ ...message,
      payload: shiftPayloadTimes(Buffer.from(message.payload), session.shiftMs) }));
    await Promise.all([original.start({ env }), fresh.start({ env })]);

    const recorded = await recordSession(original, join(dir, 'original.ndjson'),
      () => replayInto(original, sent));
    const replayed = await recordSession(fresh, join(dir, 'replayed.ndjson'),
      () => replayInto(fresh, recorded.filter((m) => parseDeviceTopic(m.topic) !== null)));

    expect(deviceTraffic(recorded)).toEqual(deviceTraffic(sent));
    expect(deviceTraffic(replayed)).toEqual(deviceTraffic(recorded));
    const lastMs = lastDeviceMs(sent);
    await Promise.all([waitForClock(original, lastMs), waitForClock(fresh, lastMs)]);
    const [before, after] = await Promise.all([listAlerts(original), listAlerts(fresh)]);
    expect(before.map((alert) => alert.type)).toEqual(['weighing_missing']);
    expect(subjects(after)).toEqual(subjects(before));
  }, 90_000);
});
