/**
 * Contract §2 "Bad input" through the real embedded broker: every reason class reaches
 * /api/deadletters, good neighbours are kept, duplicates are stored once.
 */
import type { MqttClient } from 'mqtt';
import { PlatformProcess } from '@sanitation/testing';
import { closed, connectDevice, eventually } from '../support/devices';

interface DeadLetterView {
  reason: string;
  topic: string;
  deviceId: string | null;
  index: number | null;
  message: string;
  payload?: string;
  payloadBase64?: string;
}

const FIX = 'sanitation/v1/gps/gps-T001/fix';
const WEIGH = 'sanitation/v1/weighbridge/wb-inc-1/weighing';

describe('bad input through the embedded broker', () => {
  const platform = new PlatformProcess();
  let gps: MqttClient;
  let bridge: MqttClient;
  const now = Date.now();

  beforeAll(async () => {
    await platform.start();
    gps = await connectDevice(platform.mqttUrl, 'gps-T001');
    bridge = await connectDevice(platform.mqttUrl, 'wb-inc-1');
  });

  afterAll(async () => {
    await gps?.endAsync();
    await bridge?.endAsync();
    await platform.cleanup();
  });

  const deadLetters = (query = '') => platform.api<DeadLetterView[]>(`/api/deadletters${query}`);

  it('keeps a good fix and answers it on the truck track', async () => {
    await gps.publishAsync(FIX, JSON.stringify({ ts: now - 1000, lat: 41.12, lon: 122.07 }), {
      qos: 1,
    });
    const track = await platform.api<{ ts: string; lat: number }[]>('/api/trucks/T001/track');
    expect(track).toEqual([
      expect.objectContaining({ ts: new Date(now - 1000).toISOString(), lat: 41.12 }),
    ]);
  });

  it.each([
    ['not_json', FIX, '{"ts":', null],
    ['not_object', FIX, '"just a string"', null],
    ['missing_field', FIX, JSON.stringify({ lat: 41, lon: 122 }), null],
    ['wrong_type', FIX, JSON.stringify({ ts: now, lat: 'NaN', lon: 122 }), null],
    ['out_of_range', FIX, JSON.stringify({ ts: now, lat: 91, lon: 122 }), null],
    ['time_in_future', FIX, JSON.stringify({ ts: now + 3_600_000, lat: 41, lon: 122 }), null],
    ['time_too_old', FIX, JSON.stringify({ ts: now - 500 * 86_400_000, lat: 41, lon: 122 }), null],
    [
      'net_negative',
      WEIGH,
      JSON.stringify({ ticket: 1, ts: now, plate: '辽L·A1234', grossKg: 50 }),
      null,
    ],
    [
      'array_too_long',
      FIX,
      JSON.stringify(Array.from({ length: 501 }, (_, i) => ({ ts: now - i, lat: 41, lon: 122 }))),
      null,
    ],
  ])('dead-letters %s with its reason and a sentence', async (reason, topic, payload) => {
    const client = topic === WEIGH ? bridge : gps;
    await client.publishAsync(topic, payload as string, { qos: 1 });
    const letters = await deadLetters(`?reason=${reason}`);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ reason, topic, index: null });
    expect(letters[0].message.length).toBeGreaterThan(5);
  });

  it('rejects one bad element of an array and keeps its neighbours', async () => {
    const elements = [
      { ts: now - 5000, lat: 41.1, lon: 122.1 },
      { ts: now - 4000, lat: -91, lon: 122.1 },
      { ts: now - 3000, lat: 41.2, lon: 122.2 },
    ];
    await gps.publishAsync(FIX, JSON.stringify(elements), { qos: 1 });
    const track = await platform.api<{ ts: string }[]>(
      `/api/trucks/T001/track?from=${now - 6000}&to=${now - 2000}`,
    );
    expect(track.map((fix) => fix.ts)).toEqual(
      [now - 5000, now - 3000].map((t) => new Date(t).toISOString()),
    );
    const [letter] = await deadLetters('?reason=out_of_range&deviceId=gps-T001');
    expect(letter).toMatchObject({ index: 1, payload: JSON.stringify(elements[1]) });
  });

  it('stores a redelivered message once, as no dead letter, counting the duplicate', async () => {
    const fix = JSON.stringify({ ts: now - 10_000, lat: 41.3, lon: 122.3 });
    await gps.publishAsync(FIX, fix, { qos: 1 });
    await gps.publishAsync(FIX, fix, { qos: 1 });
    const track = await platform.api<unknown[]>(
      `/api/trucks/T001/track?from=${now - 10_000}&to=${now - 9999}`,
    );
    expect(track).toHaveLength(1);
    const metrics = await (await platform.fetch('/metrics')).text();
    expect(metrics).toMatch(/sanitation_duplicates_total\{channel="fix"\} [1-9]/);
  });

  it('refuses a publish under another device id, drops it and keeps a dead letter', async () => {
    const intruder = await connectDevice(platform.mqttUrl, 'gps-T002');
    const gone = closed(intruder);
    intruder.publish('sanitation/v1/gps/gps-T001/fix', '{"ts":1,"lat":1,"lon":1}', { qos: 1 });
    await gone;
    const letters = await eventually(
      () => deadLetters('?reason=forbidden_topic'),
      (l) => l.length > 0,
    );
    expect(letters[0]).toMatchObject({
      deviceId: 'gps-T002',
      topic: 'sanitation/v1/gps/gps-T001/fix',
    });
    intruder.end(true);
  });

  it('refuses a payload over 256 KiB before parsing it', async () => {
    const client = await connectDevice(platform.mqttUrl, 'gps-T003');
    const gone = closed(client);
    client.publish('sanitation/v1/gps/gps-T003/fix', 'x'.repeat(300 * 1024), { qos: 1 });
    await gone;
    const letters = await eventually(
      () => deadLetters('?reason=payload_too_large'),
      (l) => l.length > 0,
    );
    expect(letters[0].payload).toHaveLength(64 * 1024);
    client.end(true);
  });

  it('cuts off a packet far over the limit as soon as its header declares it', async () => {
    const client = await connectDevice(platform.mqttUrl, 'rfid-T003');
    const gone = closed(client);
    client.publish('sanitation/v1/rfid/rfid-T003/read', Buffer.alloc(20 * 1024 * 1024), { qos: 1 });
    await gone;
    client.end(true);

    const metrics = await (await platform.fetch('/metrics')).text();
    expect(metrics).toMatch(/sanitation_mqtt_refusals_total\{reason="packet_too_large"\} 1/);
    expect(platform.log).toMatch(/a packet of 2097\d+ bytes exceeds 16777216/);
  });

  it('refuses a wrong secret and an unknown device at CONNECT', async () => {
    await expect(
      connectDevice(platform.mqttUrl, 'gps-T001', { password: 'wrong' }),
    ).rejects.toThrow(/Bad username or password|Not authorized/i);
    await expect(connectDevice(platform.mqttUrl, 'gps-T999', { password: 'x' })).rejects.toThrow(
      /Bad username or password|Not authorized/i,
    );
  });

  it('lets a device subscribe only under its own topics', async () => {
    // mqtt.js reports a SUBACK return code of 0x80 (failure) as an error.
    const refused = (filter: string) =>
      gps.subscribeAsync(filter).then(
        () => false,
        (error: Error) => /Unspecified/.test(error.message),
      );
    expect(await refused('sanitation/v1/gps/gps-T001/#')).toBe(false);
    expect(await refused('sanitation/v1/#')).toBe(true);
    expect(await refused('sanitation/v1/gps/gps-T002/#')).toBe(true);
  });
});
