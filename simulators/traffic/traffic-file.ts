/** Traffic files of contract §6: NDJSON, one MQTT message a line, in the order seen. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { TrafficRecord } from '@sanitation/contracts';

/** The payload as §6 keeps it: a UTF-8 string, or base64 when the bytes are not valid UTF-8. */
export function encodePayload(payload: Buffer | string): Pick<TrafficRecord, 'payload' |
  'payloadBase64'> {
  if (typeof payload === 'string') return { payload };
  const text = payload.toString('utf8');
  return Buffer.from(text, 'utf8').equals(payload) ? { payload: text }
    : { payloadBase64: payload.toString('base64') };
}

export function decodePayload(record: TrafficRecord): Buffer {
  if (record.payloadBase64 !== undefined) return Buffer.from(record.payloadBase64, 'base64');
  return Buffer.from(record.payload ?? '', 'utf8');
}

/** One line, with a fixed key order so equal traffic gives equal bytes. */
export function trafficLine(t: number, topic: string, payload: Buffer | string, qos: 0 | 1 | 2,
  retain: boolean): string {
  const record: TrafficRecord = { t, topic, ...encodePayload(payload), qos };
  if (retain) record.retain = true;
  return `${JSON.stringify(record)}\n`;
}

export async function* readTraffic(path: string): AsyncGenerator<TrafficRecord> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as TrafficRecord;
    if (typeof record.t !== 'number' || typeof record.topic !== 'string') {
      throw new Error(`${path}:${lineNo}: a traffic line needs a numeric "t" and a "topic"`);
    }
    yield record;
  }
}

export async function loadTraffic(path: string): Promise<TrafficRecord[]> {
  const records: TrafficRecord[] = [];
  for await (const record of readTraffic(path)) records.push(record);
  return records;
}
