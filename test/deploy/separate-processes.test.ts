/**
 * Contract §7, the parts as separate processes: two ingest processes sharing the device
 * subscription on a real Mosquitto, one rules process serving the API, all on one SQLite
 * DATA_DIR; devices are mqtt.js clients publishing to Mosquitto.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, MqttClient } from 'mqtt';
import { AppProcess, MINI_REGISTRY, Mosquitto } from '@sanitation/testing';
import { eventually } from '../support/devices';

const TOKEN = 'deploy-admin-token-01';
const INGEST = 'apps/ingest/src/main.ts';
const RULES = 'apps/rules/src/main.ts';
// Three Node processes compile TypeScript on start; the Jest project timeout is not applied.
const SLOW_MS = 90_000;

interface Fix {
  ts: string;
}
interface Alert {
  type: string;
  truckId: string | null;
  state: string;
}

describe('ingest and rules as separate processes on an external Mosquitto', () => {
  const mosquitto = new Mosquitto();
  const dataDir = mkdtempSync(join(tmpdir(), 'sanitation-deploy-'));
  const published: { topic: string; alert: Alert }[] = [];
  const base = Date.now() - 2 * 3_600_000;
  let ingestA: AppProcess;
  let ingestB: AppProcess;
  let rules: AppProcess;
  let watcher: MqttClient;

  beforeAll(async () => {
    await mosquitto.start();
    const env = {
      REGISTRY_PATH: MINI_REGISTRY,
      DATA_DIR: dataDir,
      MQTT_URL: mosquitto.url,
      HTTP_PORT: '0',
      LOG_LEVEL: 'info',
      API_TOKENS: `${TOKEN}:admin`,
    };
    ingestA = new AppProcess('ingest-a', {
      entry: INGEST,
      env: { ...env, INSTANCE_ID: 'a', INGEST_CONNECTIONS: '2' },
    });
    ingestB = new AppProcess('ingest-b', {
      entry: INGEST,
      env: { ...env, INSTANCE_ID: 'b', INGEST_CONNECTIONS: '2' },
    });
    rules = new AppProcess('rules', { entry: RULES, env, token: TOKEN });
    await Promise.all([ingestA.start(), ingestB.start(), rules.start()]);

    watcher = await connectDevice(mosquitto.url, 'deploy-watcher');
    watcher.on('message', (topic, payload) =>
      published.push({ topic, alert: JSON.parse(payload.toString()) as Alert }),
    );
    await watcher.subscribeAsync('sanitation/v1/alerts/#', { qos: 1 });
  }, SLOW_MS);

  afterAll(async () => {
    await watcher?.endAsync();
    await Promise.all([ingestA?.stop(), ingestB?.stop(), rules?.stop()]);
    await mosquitto.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, SLOW_MS);

  it('serves only health and metrics from an ingest process, the full API from rules', async () => {
    const health = await ingestA.api<{ ready: boolean; checks: Record<string, unknown> }>(
      '/api/health',
    );
    expect(health).toMatchObject({ ready: true, checks: { store: { ok: true } } });
    expect(health.checks.broker).toMatchObject({
      ok: true,
      detail: expect.stringContaining(' as a'),
    });
    expect(await (await ingestA.fetch('/metrics')).text()).toMatch(/sanitation_messages_in_total/);
    expect((await ingestA.fetch('/api/alerts')).status).toBe(404);

    const rulesHealth = await rules.api<{ ready: boolean; checks: object }>('/api/health');
    expect(rulesHealth.checks).toMatchObject({ store: { ok: true }, broker: { ok: true } });
    expect(rulesHealth.checks).toHaveProperty('rules');
    expect(ingestA.log).toMatch(/http listening on port \d+/);
    expect(rules.log).toMatch(/http listening on port \d+/);
  });

  it('stores every fix once across the two ingest processes, duplicates included', async () => {
    const fixes = Array.from({ length: 100 }, (_, i) => fix(base + i * 1000, i));
    const device = await connectDevice(mosquitto.url, 'gps-T002-deploy');
    for (const one of [...fixes, ...fixes.slice(0, 20)]) {
      await device.publishAsync('sanitation/v1/gps/gps-T002/fix', JSON.stringify(one), { qos: 1 });
    }
    await device.endAsync();

    const track = await eventually(
      () => rules.api<Fix[]>('/api/trucks/T002/track'),
      (t) => t.length >= 100,
    );
    expect(track.map((f) => f.ts)).toEqual(fixes.map((f) => new Date(f.ts).toISOString()));

    const counts = await eventually(
      () => Promise.all([ingestA, ingestB].map((p) => fixCounts(p))),
      (c) => c[0].accepted + c[1].accepted === 100 && c[0].duplicates + c[1].duplicates === 20,
    );
    expect(counts[0].accepted + counts[1].accepted).toBe(100);
    expect(counts[0].duplicates + counts[1].duplicates).toBe(20);
    expect(counts[0].accepted).toBeGreaterThan(0);
    expect(counts[1].accepted).toBeGreaterThan(0);
  });

  it('raises an overweight alert in the rules process and publishes it on the broker', async () => {
    const ticket = {
      ticket: 1,
      ts: new Date(Date.now() - 60_000).toISOString(),
      plate: '辽L·A1234',
      grossKg: 21_000,
      tareKg: 11_800,
    };
    const weighbridge = await connectDevice(mosquitto.url, 'wb-inc-1-deploy');
    await weighbridge.publishAsync(
      'sanitation/v1/weighbridge/wb-inc-1/weighing',
      JSON.stringify(ticket),
      { qos: 1 },
    );
    await weighbridge.endAsync();

    const alerts = await eventually(
      () => rules.api<Alert[]>('/api/alerts?type=overweight'),
      (a) => a.length === 1,
    );
    expect(alerts[0]).toMatchObject({ type: 'overweight', truckId: 'T001', state: 'open' });

    const onBroker = await eventually(
      () => Promise.resolve(published.filter((p) => p.alert.type === 'overweight')),
      (p) => p.length > 0,
    );
    expect(onBroker[0].topic).toBe('sanitation/v1/alerts/overweight_trip/overweight');

    const weighings = await eventually(
      () => rules.api<{ ticket: number; flags: string[] }[]>('/api/weighings'),
      (w) => w.length === 1,
    );
    expect(weighings[0]).toMatchObject({
      ticket: 1,
      flags: expect.arrayContaining(['overweight']),
    });
  });

  it(
    'loses nothing acknowledged when one ingest process is killed mid-stream',
    async () => {
      const fixes = Array.from({ length: 400 }, (_, i) => fix(base + i * 1000, i));
      const device = await connectDevice(mosquitto.url, 'gps-T003-deploy');
      for (const [i, one] of fixes.entries()) {
        if (i === 150) await ingestA.stop('SIGKILL');
        await device.publishAsync('sanitation/v1/gps/gps-T003/fix', JSON.stringify(one), {
          qos: 1,
        });
      }
      await device.endAsync();

      const whileDown = await eventually(
        () => rules.api<Fix[]>('/api/trucks/T003/track'),
        (t) => t.length > 350,
        5_000,
      );
      expect(whileDown.length).toBeGreaterThan(150);

      // The killed instance comes back under its INSTANCE_ID, as a supervisor restarts it,
      // and the broker hands it what its session held: sent to it, never acknowledged.
      await ingestA.start();
      const track = await eventually(
        () => rules.api<Fix[]>('/api/trucks/T003/track'),
        (t) => t.length >= 400,
      );
      expect(track.map((f) => f.ts)).toEqual(fixes.map((f) => new Date(f.ts).toISOString()));
    },
    SLOW_MS,
  );
});

/** Mosquitto here takes anyone (the embedded broker's device check is not in the path). */
function connectDevice(url: string, clientId: string): Promise<MqttClient> {
  return connectAsync(url, { clientId, protocolVersion: 4 });
}

function fix(ts: number, i: number) {
  return { ts, lat: 41.1 + i / 100_000, lon: 122.05, speedKmh: 20, seq: i };
}

async function fixCounts(process: AppProcess): Promise<{ accepted: number; duplicates: number }> {
  const text = await (await process.fetch('/metrics')).text();
  const value = (name: string) =>
    Number(new RegExp(`^${name}\\{channel="fix"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return {
    accepted: value('sanitation_elements_accepted_total'),
    duplicates: value('sanitation_duplicates_total'),
  };
}
