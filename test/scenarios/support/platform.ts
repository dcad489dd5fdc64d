/** Replaying traffic into a running platform and reading back what its rules made of it. */
import type { Alert } from '@sanitation/contracts';
import { parseDeviceTime } from '@sanitation/contracts';
import type { PlatformProcess } from '@sanitation/testing';
import type { ExpectedAlert } from '../../../simulators/city-day/types';
import { ReplayMessage, replayMessages, ReplaySummary } from '../../../simulators/traffic/replay';
import { MINI_DEVICE_SECRETS } from '../../support/devices';

export type Subject = Pick<Alert, 'type' | 'truckId' | 'routeId' | 'facilityId' |
  'weighbridgeId' | 'openedAt'>;

export interface ReplayInto {
  /** 1 = real time; Infinity = as fast as the broker acknowledges. */
  speed?: number;
  shiftMs?: number;
}

export function replayInto(platform: PlatformProcess, messages: ReplayMessage[],
  options: ReplayInto = {}): Promise<ReplaySummary> {
  return replayMessages(messages, {
    url: platform.mqttUrl,
    secrets: MINI_DEVICE_SECRETS,
    speed: options.speed ?? Infinity,
    shiftMs: options.shiftMs ?? 0,
  });
}

export function listAlerts(platform: PlatformProcess, query = ''): Promise<Alert[]> {
  return platform.api<Alert[]>(`/api/alerts?limit=10000${query}`);
}

/** What a scenario's truth pins down about each alert, in a stable order for toEqual. */
export function subjects(alerts: (Alert | ExpectedAlert)[]): Subject[] {
  return alerts
    .map(({ type, truckId, routeId, facilityId, weighbridgeId, openedAt }) =>
      ({ type, truckId, routeId, facilityId, weighbridgeId, openedAt }))
    .sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.type.localeCompare(b.type));
}

/** The latest device time in the traffic, after the replay's shift. */
export function lastDeviceMs(messages: ReplayMessage[], shiftMs = 0): number {
  let latest = -Infinity;
  for (const message of messages) {
    let value: unknown;
    try {
      value = JSON.parse(message.payload.toString());
    } catch {
      continue;
    }
    for (const element of Array.isArray(value) ? value : [value]) {
      const time = parseDeviceTime((element as { ts?: unknown } | null)?.ts);
      if (time.ok) latest = Math.max(latest, time.ms);
    }
  }
  return latest + shiftMs;
}

/** The event clock as /api/health reports it, or null before it starts. */
export async function eventClockMs(platform: PlatformProcess): Promise<number | null> {
  const response = await platform.fetch('/api/health');
  const report = (await response.json()) as { checks: { rules?: { detail?: string } } };
  const match = /event clock at (\S+)/.exec(report.checks.rules?.detail ?? '');
  return match ? Date.parse(match[1]) : null;
}

/** Waits until the rules have seen device time `ms`: every element up to it is judged. */
export async function waitForClock(platform: PlatformProcess, ms: number,
  timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const clock = await eventClockMs(platform);
    if (clock !== null && clock >= ms) return;
    if (Date.now() > deadline) {
      throw new Error(`event clock at ${clock === null ? 'null' : new Date(clock).toISOString()}` +
        `, never reached ${new Date(ms).toISOString()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
