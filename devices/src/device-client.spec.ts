import mqtt, { MqttClient } from 'mqtt';
import { startAedes, TestBroker } from '../../simulators/support/aedes-broker';
import { chunkRecords } from './record-buffer';
import { DeviceClient } from './device-client';

interface Seen {
  topic: string;
  payload: string;
  retain: boolean;
}

async function watch(url: string): Promise<{ client: MqttClient; seen: Seen[] }> {
  const client = await mqtt.connectAsync(url, { protocolVersion: 4 });
  const seen: Seen[] = [];
  client.on('message', (topic, payload, packet) =>
    seen.push({ topic, payload: payload.toString('utf8'), retain: packet.retain }));
  await client.subscribeAsync('sanitation/v1/#', { qos: 1 });
  return { client, seen };
}

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('chunkRecords', () => {
  it('splits into batches of at most 500, oldest first', () => {
    const records = Array.from({ length: 1201 }, (_, index) => index);
    const chunks = chunkRecords(records);

    expect(chunks.map((chunk) => chunk.length)).toEqual([500, 500, 201]);
    expect(chunks.flat()).toEqual(records);
  });
});

describe('DeviceClient', () => {
  let broker: TestBroker;

  beforeEach(async () => {
    broker = await startAedes();
  });

  afterEach(async () => {
    await broker.close();
  });

  it('publishes its retained online status at connect, under its own topic', async () => {
    const { client, seen } = await watch(broker.url);
    const device = new DeviceClient({
      url: broker.url, deviceId: 'gps-T001', kind: 'gps', secret: 's', now: () => 1_000_000,
    });

    await device.connect();
    await until(() => seen.length === 1);

    expect(seen[0]).toEqual({
      topic: 'sanitation/v1/gps/gps-T001/status',
      payload: '{"online":true,"ts":1000000}',
      retain: false,
    });
    await device.close();
    await client.endAsync();
  });

  it('buffers records during an outage and uploads them as arrays when it ends', async () => {
    const { client, seen } = await watch(broker.url);
    const device = new DeviceClient({ url: broker.url, deviceId: 'rfid-T001', kind: 'rfid',
      secret: 's' });
    await device.connect();

    await device.setOutage(true);
    for (let ts = 1; ts <= 600; ts += 1) await device.send({ ts, tag: 'AABBCCDD' });
    expect(device.buffered).toBe(600);
    await device.setOutage(false);
    await until(() => seen.filter((message) => message.topic.endsWith('/read')).length === 2);

    const uploads = seen.filter((message) => message.topic.endsWith('/read'))
      .map((message) => JSON.parse(message.payload) as { ts: number }[]);
    expect(uploads.map((batch) => batch.length)).toEqual([500, 100]);
    expect(uploads.flat().map((read) => read.ts)).toEqual(
      Array.from({ length: 600 }, (_, index) => index + 1));
    expect(device.buffered).toBe(0);
    await device.close();
    await client.endAsync();
  });

  it('leaves a retained offline status as its Last Will when the link drops', async () => {
    const device = new DeviceClient({ url: broker.url, deviceId: 'wb-inc-1', kind: 'weighbridge',
      secret: 's', now: () => 42 });
    await device.connect();

    const internal = (device as unknown as { client: MqttClient }).client;
    internal.stream.destroy();
    const { client, seen } = await watch(broker.url);
    await until(() => seen.some((message) => message.payload.includes('"online":false')));

    const will = seen.find((message) => message.payload.includes('"online":false'));
    expect(will).toEqual({
      topic: 'sanitation/v1/weighbridge/wb-inc-1/status',
      payload: '{"online":false,"ts":42}',
      retain: true,
    });
    internal.end(true);
    await client.endAsync();
  });
});
