/**
 * MQTT_URL mode: the platform subscribes to a real Mosquitto instead of running its own
 * broker; devices publish there. Also: with MQTT_AUTH=off an unknown device id is a
 * dead letter, not a crash.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { connectAsync } from 'mqtt';
import { Mosquitto, PlatformProcess } from '@sanitation/testing';
import { eventually } from '../support/devices';

const run = promisify(execFile);

describe('the platform on an external Mosquitto', () => {
  const mosquitto = new Mosquitto();
  const platform = new PlatformProcess();
  const now = Date.now();

  beforeAll(async () => {
    await mosquitto.start();
    await platform.start({ env: { MQTT_URL: mosquitto.url, MQTT_AUTH: 'off' } });
  });

  afterAll(async () => {
    await platform.cleanup();
    await mosquitto.stop();
  });

  it('logs that it uses the external broker and starts no embedded one', () => {
    expect(platform.log).not.toMatch(/mqtt listening on port/);
    expect(platform.log).toMatch(/http listening on port/);
  });

  it('stores fixes an mqtt.js device publishes to Mosquitto', async () => {
    const device = await connectAsync(mosquitto.url, {
      clientId: 'gps-T002-test',
      protocolVersion: 4,
    });
    const fixes = [0, 1, 2].map((i) => ({
      ts: now - 30_000 + i * 1000,
      lat: 41.1 + i / 1000,
      lon: 122,
    }));
    await device.publishAsync('sanitation/v1/gps/gps-T002/fix', JSON.stringify(fixes), { qos: 1 });
    await device.endAsync();

    const track = await eventually(
      () => platform.api<{ ts: string }[]>('/api/trucks/T002/track'),
      (t) => t.length === 3,
    );
    expect(track.map((f) => f.ts)).toEqual(fixes.map((f) => new Date(f.ts).toISOString()));
  });

  it('stores a weighing sent with mosquitto_pub, the independent client', async () => {
    const ticket = {
      ticket: 7,
      ts: new Date(now - 60_000).toISOString(),
      plate: '辽Ｌ·Ａ１２３４',
      grossKg: 18_000,
    };
    await run('mosquitto_pub', [
      '-p',
      String(mosquitto.port),
      '-V',
      'mqttv311',
      '-q',
      '1',
      '-t',
      'sanitation/v1/weighbridge/wb-inc-1/weighing',
      '-m',
      JSON.stringify(ticket),
    ]);

    const weighings = await eventually(
      () =>
        platform.api<{ ticket: number; truckId: string | null; netKg: number }[]>('/api/weighings'),
      (w) => w.length === 1,
    );
    expect(weighings[0]).toMatchObject({ ticket: 7, truckId: 'T001', netKg: 18_000 - 11_800 });
  });

  it('dead-letters a device the registry does not know', async () => {
    await run('mosquitto_pub', [
      '-p',
      String(mosquitto.port),
      '-V',
      'mqttv311',
      '-q',
      '1',
      '-t',
      'sanitation/v1/gps/gps-NOPE/fix',
      '-m',
      JSON.stringify({ ts: now, lat: 41, lon: 122 }),
    ]);
    const letters = await eventually(
      () =>
        platform.api<{ reason: string; deviceId: string }[]>(
          '/api/deadletters?reason=unknown_device',
        ),
      (l) => l.length === 1,
    );
    expect(letters[0]).toMatchObject({ deviceId: 'gps-NOPE' });
  });

  it('publishes the fleet state, retained, where mosquitto_sub can read it', async () => {
    const { stdout } = await run('mosquitto_sub', [
      '-p',
      String(mosquitto.port),
      '-V',
      'mqttv311',
      '-t',
      'sanitation/v1/fleet/T002/state',
      '-C',
      '1',
      '-W',
      '10',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ truckId: 'T002', plate: expect.any(String) });
  });
});
