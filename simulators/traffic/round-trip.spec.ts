import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrafficRecord } from '@sanitation/contracts';
import { loadRegistry } from '@sanitation/registry';
import { startAedes, TestBroker } from '../support/aedes-broker';
import { generateCityDay } from '../city-day/generate';
import { startRecorder } from './record';
import { replayMessages } from './replay';
import { decodePayload, loadTraffic, trafficLine } from './traffic-file';
import { writeFileSync } from 'node:fs';

const registry = loadRegistry(join(__dirname, '../../seeds/mini/registry.json'));

/** A slice of a simulated day, plus a message whose bytes are not UTF-8. */
function sampleTraffic(count: number, spacingMs: number): TrafficRecord[] {
  const day = generateCityDay(registry, { seed: 'rt', hours: 24,
    startMs: Date.parse('2026-12-03T05:30:00+08:00') });
  const messages = day.messages.filter((m) => !m.retain).slice(0, count - 1);
  const lines = messages.map((m) => trafficLine(0, m.topic, m.payload, 1, false));
  lines.splice(5, 0, trafficLine(0, 'sanitation/v1/gps/gps-T001/fix',
    Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 1, false));
  return lines.map((line, index) => ({ ...JSON.parse(line), t: 1_000_000 + index * spacingMs }));
}

async function recordReplay(broker: TestBroker, records: TrafficRecord[], speed: number):
  Promise<TrafficRecord[]> {
  const out = join(mkdtempSync(join(tmpdir(), 'traffic-')), 'recorded.ndjson');
  const recorder = await startRecorder({ url: broker.url, out });

  await replayMessages(records.map((r) => ({ ...r, payload: decodePayload(r) })),
    { url: broker.url, speed });
  const deadline = Date.now() + 5_000;
  while (recorder.count < records.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await recorder.stop();
  return loadTraffic(out);
}

describe('record and replay through a broker', () => {
  let broker: TestBroker;

  beforeEach(async () => {
    broker = await startAedes();
  });

  afterEach(async () => {
    await broker.close();
  });

  it('leaves topics, payload bytes and order unchanged at a paced speed', async () => {
    const original = sampleTraffic(200, 4);

    const recorded = await recordReplay(broker, original, 1);

    expect(recorded.map((r) => r.topic)).toEqual(original.map((r) => r.topic));
    expect(recorded.map((r) => decodePayload(r).toString('base64')))
      .toEqual(original.map((r) => decodePayload(r).toString('base64')));
    expect(recorded[5].payloadBase64).toBe(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])
      .toString('base64'));
    expect(recorded.every((r) => r.qos === 1)).toBe(true);
  });

  it('at --speed max keeps every message and each device\'s order', async () => {
    const original = sampleTraffic(3000, 0);

    const recorded = await recordReplay(broker, original, Infinity);

    const perTopic = (records: TrafficRecord[]) => {
      const byTopic = new Map<string, string[]>();
      records.forEach((r) => byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []),
        decodePayload(r).toString('base64')]));
      return Object.fromEntries(byTopic);
    };
    expect(recorded).toHaveLength(original.length);
    expect(perTopic(recorded)).toEqual(perTopic(original));
  });

  it('writes records a replay can read back (retained flag included)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'traffic-')), 'in.ndjson');
    writeFileSync(file, trafficLine(5, 'sanitation/v1/gps/gps-T001/status', '{"online":true}', 1,
      true));

    const [record] = await loadTraffic(file);

    expect(record).toEqual({ t: 5, topic: 'sanitation/v1/gps/gps-T001/status',
      payload: '{"online":true}', qos: 1, retain: true });
  });
});
