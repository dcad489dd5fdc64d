import { join } from 'node:path';
import { loadRegistry } from '@sanitation/registry';
import { parseMessage } from './message-parser';

const registry = loadRegistry(join(__dirname, '../../../../seeds/mini/registry.json'));
const NOW = Date.UTC(2026, 11, 3, 2, 0, 0);
const options = { registry, retentionDays: 400 };
const parse = (topic: string, payload: unknown) =>
  parseMessage(
    topic,
    Buffer.isBuffer(payload)
      ? payload
      : Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)),
    NOW,
    options,
  );

const FIX_TOPIC = 'sanitation/v1/gps/gps-T001/fix';
const WEIGH_TOPIC = 'sanitation/v1/weighbridge/wb-inc-1/weighing';
const fix = { ts: NOW - 60_000, lat: 41.12, lon: 122.07 };
const truck = registry.trucks.get('T001')!;

describe('parseMessage', () => {
  it('accepts a fix and ties it to its truck', () => {
    const { batch } = parse(FIX_TOPIC, fix);
    expect(batch.fixes).toEqual([expect.objectContaining({ truckId: 'T001', ts: NOW - 60_000 })]);
    expect(batch.deadLetters).toEqual([]);
  });

  it('judges each element of an array alone and keeps the bad one with its index', () => {
    const { batch } = parse(FIX_TOPIC, [fix, { ...fix, lat: 91 }, { ...fix, ts: NOW }]);
    expect(batch.fixes).toHaveLength(2);
    expect(batch.deadLetters).toEqual([
      expect.objectContaining({
        index: 1,
        reason: 'out_of_range',
        message: 'lat 91 is outside -90..90',
        payload: JSON.stringify({ ...fix, lat: 91 }),
        deviceId: 'gps-T001',
      }),
    ]);
  });

  it.each([
    ['not_json', '{"ts": 1,', 'payload is not JSON'],
    ['not_object', '42', 'not an object or array'],
    ['array_too_long', Array.from({ length: 501 }, () => fix), '501 elements exceeds 500'],
    ['time_in_future', { ...fix, ts: NOW + 6 * 60_000 }, '360 s ahead'],
    ['time_too_old', { ...fix, ts: NOW - 401 * 86_400_000 }, 'past retention'],
  ])('rejects %s', (reason, payload, message) => {
    const { batch } = parse(FIX_TOPIC, payload);
    expect(batch.deadLetters).toEqual([expect.objectContaining({ reason })]);
    expect(batch.deadLetters[0].message).toContain(message);
  });

  it('keeps a payload that is not UTF-8 as base64', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
    const [letter] = parse(FIX_TOPIC, bytes).batch.deadLetters;
    expect(letter).toMatchObject({ reason: 'not_json', index: null });
    expect(letter.payloadBase64).toBe(bytes.toString('base64'));
    expect(letter.payload).toBeUndefined();
  });

  it('rejects a device the registry does not know', () => {
    const { batch } = parse('sanitation/v1/gps/gps-T999/fix', fix);
    expect(batch.deadLetters).toEqual([expect.objectContaining({ reason: 'unknown_device' })]);
  });

  it('matches a plate typed in full-width characters with spaces', () => {
    const fullWidth = truck.plate
      .normalize('NFKC')
      .replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const { batch } = parse(WEIGH_TOPIC, {
      ticket: 1,
      ts: NOW,
      plate: ` ${fullWidth.replace('·', ' ')} `,
      grossKg: truck.tareKg + 1000,
    });
    expect(batch.weighings).toEqual([
      expect.objectContaining({ truckId: 'T001', netKg: 1000, tareSource: 'registry', flags: [] }),
    ]);
  });

  it('flags an overweight load and leaves one at 95 % alone', () => {
    const weigh = (ticket: number, netKg: number) =>
      parse(WEIGH_TOPIC, { ticket, ts: NOW, plate: truck.plate, grossKg: truck.tareKg + netKg })
        .batch.weighings[0].flags;
    expect(weigh(1, truck.ratedPayloadKg * 0.95)).toEqual([]);
    expect(weigh(2, truck.ratedPayloadKg + 1)).toEqual(['overweight']);
  });

  it('rejects a negative net weight and still counts its ticket as arrived', () => {
    const parsed = parse(WEIGH_TOPIC, { ticket: 7, ts: NOW, plate: truck.plate, grossKg: 100 });
    expect(parsed.batch.deadLetters).toEqual([expect.objectContaining({ reason: 'net_negative' })]);
    expect(parsed.rejectedTickets).toEqual([{ weighbridgeId: expect.any(String), ticket: 7 }]);
  });

  it('accepts an unknown plate as unmatched, with no net weight when no tare is known', () => {
    const { batch } = parse(WEIGH_TOPIC, {
      ticket: 3,
      ts: NOW,
      plate: '辽L·Z9999',
      grossKg: 15000,
    });
    expect(batch.weighings[0]).toMatchObject({
      truckId: null,
      netKg: null,
      flags: ['unmatched', 'no_tare'],
    });
  });

  it('dead-letters a status element like any other', () => {
    const { batch } = parse('sanitation/v1/gps/gps-T001/status', { online: 'yes', ts: NOW });
    expect(batch.deadLetters).toEqual([expect.objectContaining({ reason: 'wrong_type' })]);
  });
});
