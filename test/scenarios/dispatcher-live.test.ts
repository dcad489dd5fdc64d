/**
 * Issue 4's "done when", live: real mqtt.js devices send current-time traffic to a platform
 * whose R001 shift is under way now, with silenceS and offlineS lowered to 5 s.
 */
import { rmSync } from 'node:fs';
import mqtt, { MqttClient } from 'mqtt';
import type { Alert } from '@sanitation/contracts';
import { PlatformProcess } from '@sanitation/testing';
import { connectDevice } from '../support/devices';
import { FleetStreamClient } from './support/fleet-stream';
import { writeLiveCity } from './support/live-city';

const SILENCE_S = 5;
const FIX_TOPIC = 'sanitation/v1/gps/gps-T001/fix';
const WEIGH_TOPIC = 'sanitation/v1/weighbridge/wb-inc-1/weighing';
/** On R001's path between bins B00002 and B00003, outside every facility. */
const ON_PATH = { lat: 41.125, lon: 122.055 };

interface SeenAlert {
  atMs: number;
  alert: Alert;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const iso = (ms: number) => new Date(ms).toISOString();
const fixAt = (ts: number) => ({ ts, ...ON_PATH, speedKmh: 12, hdop: 0.9 });

describe('a dispatcher and an operator watching live traffic', () => {
  const city = writeLiveCity({ silenceS: SILENCE_S, offlineS: SILENCE_S });
  const platform = new PlatformProcess();
  const stream = new FleetStreamClient();
  const alerts: SeenAlert[] = [];
  let gps: MqttClient;
  let bridge: MqttClient;
  let alertFeed: MqttClient;
  let lastFixMs = 0;

  const waitForAlert = async (accept: (alert: Alert) => boolean, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = alerts.find((seen) => accept(seen.alert));
      if (found) return found;
      if (Date.now() > deadline) throw new Error('no such alert published in time');
      await sleep(20);
    }
  };

  beforeAll(async () => {
    await platform.start({ env: { REGISTRY_PATH: city.registryPath, RULES_PATH: city.rulesPath } });
    await stream.open(platform, platform.tokens.dispatcher);
    alertFeed = await mqtt.connectAsync(platform.mqttUrl, { username: 'token',
      password: platform.tokens.dispatcher, protocolVersion: 4, reconnectPeriod: 0 });
    alertFeed.on('message', (_topic, payload) =>
      alerts.push({ atMs: Date.now(), alert: JSON.parse(payload.toString()) as Alert }));
    await alertFeed.subscribeAsync('sanitation/v1/alerts/#', { qos: 1 });
    gps = await connectDevice(platform.mqttUrl, 'gps-T001');
    bridge = await connectDevice(platform.mqttUrl, 'wb-inc-1');
  });

  afterAll(async () => {
    stream.close();
    await Promise.all([gps?.endAsync(), bridge?.endAsync(), alertFeed?.endAsync()]);
    await platform.cleanup();
    rmSync(city.dir, { recursive: true, force: true });
  });

  it('sees a silent truck turn offline and gps_silence appear within 1 s of the deadline',
    async () => {
      for (let index = 0; index < 3; index += 1) {
        if (index > 0) await sleep(1_000);
        lastFixMs = Date.now();
        await gps.publishAsync(FIX_TOPIC, JSON.stringify(fixAt(lastFixMs)), { qos: 1 });
      }
      await stream.waitFor((state) => state.truckId === 'T001' && state.status === 'on_route');
      const deadlineMs = lastFixMs + SILENCE_S * 1000;

      const offline = await stream.waitFor((state) => state.truckId === 'T001' &&
        state.status === 'offline');
      const raised = await waitForAlert((alert) => alert.type === 'gps_silence');

      expect(offline.atMs - deadlineMs).toBeGreaterThanOrEqual(0);
      expect(offline.atMs - deadlineMs).toBeLessThan(1_000);
      expect(raised.atMs - deadlineMs).toBeLessThan(1_000);
      expect(raised.alert).toMatchObject({ state: 'open', truckId: 'T001', routeId: 'R001',
        openedAt: iso(deadlineMs) });
      const listed = await platform.api<Alert[]>('/api/alerts?type=gps_silence',
        { token: platform.tokens.dispatcher });
      expect(listed.map((alert) => alert.id)).toEqual([raised.alert.id]);
    });

  it('sees gps_silence clear as backfilled when the buffered fixes arrive as one array',
    async () => {
      const offlineAtMs = (await stream.waitFor((state) => state.status === 'offline')).atMs;
      const buffered: ReturnType<typeof fixAt>[] = [];
      for (let ts = lastFixMs + 1_000; ts <= Date.now(); ts += 1_000) buffered.push(fixAt(ts));

      await gps.publishAsync(FIX_TOPIC, JSON.stringify(buffered), { qos: 1 });
      const cleared = await waitForAlert((alert) => alert.type === 'gps_silence' &&
        alert.state === 'cleared');
      const back = await stream.waitFor((state) => state.truckId === 'T001' &&
        state.status === 'on_route' && state.lastFix?.ts === iso(buffered.at(-1)!.ts));

      expect(cleared.alert.details).toMatchObject({ backfilled: true });
      expect(cleared.alert.clearedAt).not.toBeNull();
      expect(back.atMs).toBeGreaterThan(offlineAtMs);
    });

  it('flags an overweight ticket and raises overweight for the operator', async () => {
    const ts = Date.now();
    await bridge.publishAsync(WEIGH_TOPIC, JSON.stringify({ ticket: 1, ts, plate: '辽L·A1234',
      grossKg: 11_800 + 9_000, tareKg: 11_800 }), { qos: 1 });

    const raised = await waitForAlert((alert) => alert.type === 'overweight');
    const tickets = await platform.api<{ ticket: number; flags: string[] }[]>(
      '/api/weighings', { token: platform.tokens.operator });
    expect(raised.alert).toMatchObject({ severity: 'critical', truckId: 'T001',
      facilityId: 'FAC-INC', weighbridgeId: 'WB-INC-1', openedAt: iso(ts) });
    expect(tickets.find((ticket) => ticket.ticket === 1)?.flags).toContain('overweight');
  });

  it('holds an unknown plate until matched, then clears it and re-attributes the tonnage',
    async () => {
      const ts = Date.now();
      await bridge.publishAsync(WEIGH_TOPIC, JSON.stringify({ ticket: 2, ts, plate: '辽L·Z9999',
        grossKg: 11_900 + 5_600, tareKg: 11_900 }), { qos: 1 });
      const waiting = await waitForAlert((alert) => alert.type === 'weighing_unmatched');
      expect(waiting.alert).toMatchObject({ state: 'open', truckId: null,
        weighbridgeId: 'WB-INC-1', facilityId: 'FAC-INC', openedAt: iso(ts) });
      const tonnage = () => platform.api<{ key: string | null; netKg: number }[]>(
        '/api/tonnage?groupBy=truck&interval=day', { token: platform.tokens.operator });
      expect((await tonnage()).find((row) => row.key === 'T002')).toBeUndefined();

      const matched = await platform.api<{ truckId: string }>('/api/weighings/WB-INC-1/2/match',
        { method: 'POST', body: JSON.stringify({ truckId: 'T002' }),
          token: platform.tokens.operator });

      expect(matched.truckId).toBe('T002');
      const cleared = await waitForAlert((alert) => alert.type === 'weighing_unmatched' &&
        alert.state === 'cleared');
      expect(cleared.alert.id).toBe(waiting.alert.id);
      expect((await tonnage()).find((row) => row.key === 'T002')).toMatchObject({ netKg: 5_600 });
    });
});
