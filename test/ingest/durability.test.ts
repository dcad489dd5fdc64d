/**
 * QoS 1 end to end: what the broker acknowledged survives a crash (SIGKILL) of the
 * platform, because the acknowledgement waits for the write.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PlatformProcess } from '@sanitation/testing';
import { connectDevice, MINI_DEVICE_SECRETS } from '../support/devices';

const run = promisify(execFile);

describe('acknowledged means stored', () => {
  const first = new PlatformProcess();
  const second = new PlatformProcess();

  afterAll(async () => {
    await second.cleanup();
    await first.cleanup();
  });

  it('keeps every acknowledged fix across a SIGKILL', async () => {
    await first.start();
    const device = await connectDevice(first.mqttUrl, 'gps-T003');
    const base = Date.now() - 600_000;
    const sent = Array.from({ length: 2000 }, (_, i) =>
      device.publishAsync(
        'sanitation/v1/gps/gps-T003/fix',
        JSON.stringify({ ts: base + i * 100, lat: 41.1, lon: 122.1 }),
        { qos: 1 },
      ),
    );
    await Promise.all(sent);
    await first.stop('SIGKILL');
    device.end(true);

    await second.start({ dataDir: first.dataDir });
    const track = await second.api<unknown[]>('/api/trucks/T003/track');
    expect(track).toHaveLength(2000);
  });

  it('takes a fix from mosquitto_pub logged in as a seeded device', async () => {
    const ts = new Date().toISOString();
    await run('mosquitto_pub', [
      '-p',
      String(second.mqttPort),
      '-V',
      'mqttv311',
      '-q',
      '1',
      '-u',
      'gps-T001',
      '-P',
      MINI_DEVICE_SECRETS['gps-T001'],
      '-t',
      'sanitation/v1/gps/gps-T001/fix',
      '-m',
      JSON.stringify({ ts, lat: 41.13, lon: 122.05 }),
    ]);
    const track = await second.api<{ ts: string; lat: number }[]>('/api/trucks/T001/track');
    expect(track).toEqual([
      expect.objectContaining({ ts: new Date(ts).toISOString(), lat: 41.13 }),
    ]);
  });

  it('lets an engineer token read device traffic with mosquitto_sub, and nobody else', async () => {
    const reading = run('mosquitto_sub', [
      '-p',
      String(second.mqttPort),
      '-V',
      'mqttv311',
      '-u',
      'token',
      '-P',
      second.tokens.engineer,
      '-t',
      'sanitation/v1/#',
      '-C',
      '1',
      '-W',
      '10',
      '-v',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const device = await connectDevice(second.mqttUrl, 'rfid-T001');
    await device.publishAsync(
      'sanitation/v1/rfid/rfid-T001/read',
      JSON.stringify({ ts: Date.now(), tag: 'E2000017221101441890AB01' }),
      { qos: 1 },
    );
    await device.endAsync();
    const { stdout } = await reading;
    expect(stdout).toMatch(/^sanitation\/v1\//);

    const dispatcher = run('mosquitto_sub', [
      '-p',
      String(second.mqttPort),
      '-V',
      'mqttv311',
      '-u',
      'token',
      '-P',
      second.tokens.dispatcher,
      '-t',
      'sanitation/v1/gps/#',
      '-C',
      '1',
      '-W',
      '3',
    ]);
    const refused = await dispatcher;
    expect(refused.stderr).toMatch(/subscription requests were denied/);
    expect(refused.stdout).toBe('');
  });
});
