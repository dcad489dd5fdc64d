import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegistry } from '@sanitation/registry';
import { generateCityDay } from './generate';
import { writeTrafficFile } from './traffic-out';
import { distanceToPathM } from './geo';
import type { CityDayOptions, SimMessage } from './types';
import type { Fault } from './scenario';

const registry = loadRegistry(join(__dirname, '../../seeds/mini/registry.json'));
const START_MS = Date.parse('2026-12-03T05:30:00+08:00');
const base: CityDayOptions = { seed: 'spec', startMs: START_MS, hours: 24 };
const withFaults = (...faults: Fault[]) => generateCityDay(registry,
  { ...base, scenario: { name: 'spec', faults } });

const elements = (message: SimMessage) => {
  const value = JSON.parse(message.payload.toString()) as unknown;
  return (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
};
const fixTimes = (messages: SimMessage[], deviceId: string) => messages
  .filter((m) => m.deviceId === deviceId && m.channel === 'fix')
  .flatMap(elements).map((fix) => Date.parse(String(fix.ts)));

describe('city-day generator', () => {
  it('writes a byte-identical traffic file for the same seed, and another for a new seed',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'city-day-'));
      await writeTrafficFile(join(dir, 'a'), generateCityDay(registry, base).messages);
      await writeTrafficFile(join(dir, 'b'), generateCityDay(registry, base).messages);
      await writeTrafficFile(join(dir, 'c'), generateCityDay(registry,
        { ...base, seed: 'other' }).messages);

      const a = readFileSync(join(dir, 'a'));
      expect(a.length).toBeGreaterThan(100_000);
      expect(readFileSync(join(dir, 'b')).equals(a)).toBe(true);
      expect(readFileSync(join(dir, 'c')).equals(a)).toBe(false);
    });

  it('raises no alert on a baseline day of seeds/mini', () => {
    const day = generateCityDay(registry, base);

    expect(day.warnings).toEqual([]);
    expect(day.truth.alerts).toEqual([]);
  });

  it('keeps the baseline inside the §4 thresholds it is meant to respect', () => {
    const { messages } = generateCityDay(registry, base);

    for (const route of registry.routes.values()) {
      const truck = registry.trucks.get(route.truckId)!;
      const fixes = messages.filter((m) => m.deviceId === truck.gpsDeviceId && m.channel === 'fix')
        .flatMap(elements);
      const times = fixes.map((fix) => Date.parse(String(fix.ts)));
      const shiftStart = Date.parse('2026-12-03T06:00:00+08:00');
      const shiftEnd = Date.parse('2026-12-03T14:00:00+08:00');
      expect(times[0] - shiftStart).toBeLessThan(60_000);
      expect(shiftEnd - times[times.length - 1]).toBeLessThan(300_000);
      expect(Math.max(...times.slice(1).map((t, i) => t - times[i]))).toBeLessThanOrEqual(61_000);
      const farthestM = Math.max(...fixes.map((fix) =>
        distanceToPathM([fix.lat as number, fix.lon as number], route.path!)));
      expect(farthestM).toBeLessThan(route.corridorM! / 4);

      const tags = new Set(messages.filter((m) => m.deviceId === truck.rfidDeviceId &&
        m.channel === 'read').flatMap(elements).map((read) => read.tag));
      expect(route.binIds.map((id) => tags.has(registry.bins.get(id)!.tag))).not.toContain(false);
    }

    const tickets = messages.filter((m) => m.channel === 'weighing').flatMap(elements);
    for (const ticket of tickets) {
      const truck = [...registry.trucks.values()].find((t) => t.plate === ticket.plate)!;
      expect((ticket.grossKg as number) - truck.tareKg).toBeLessThan(truck.ratedPayloadKg);
    }
    expect(tickets.filter((t) => String(t.plate) !== '').length).toBe(registry.routes.size);
  });

  it('expects gps_silence 300 s after the last fix before a dropout', () => {
    const day = withFaults({ type: 'gps_dropout', truckId: 'T001', at: '08:00', durationS: 900 });
    const outageStart = Date.parse('2026-12-03T08:00:00+08:00');
    const times = fixTimes(day.messages, 'gps-T001');
    const lastBefore = Math.max(...times.filter((t) => t < outageStart));

    expect(times.filter((t) => t >= outageStart && t < outageStart + 900_000)).toEqual([]);
    expect(day.truth.alerts).toEqual([expect.objectContaining({ type: 'gps_silence',
      truckId: 'T001', routeId: 'R001', openedAt: new Date(lastBefore + 300_000).toISOString() })]);
  });

  it('uploads a buffered outage as one array and still expects the silence it caused', () => {
    const day = withFaults({ type: 'dropout_then_buffered_upload', truckId: 'T002', at: '09:00',
      durationS: 1200 });
    const upload = day.messages.find((m) => m.deviceId === 'gps-T002' &&
      m.payload.toString().startsWith('['))!;
    const buffered = elements(upload).map((fix) => Date.parse(String(fix.ts)));
    const lastBefore = Math.max(...fixTimes(day.messages, 'gps-T002')
      .filter((t) => t < buffered[0]));

    expect(upload.t).toBe(Date.parse('2026-12-03T09:20:00+08:00'));
    expect(buffered).toEqual([...buffered].sort((a, b) => a - b));
    expect(day.truth.alerts.map((a) => [a.type, a.openedAt])).toEqual([
      ['gps_silence', new Date(lastBefore + 300_000).toISOString()]]);
  });

  it('expects two track_jump alerts for one displaced fix: away and back', () => {
    const day = withFaults({ type: 'track_jump', truckId: 'T003', at: 180 });
    const jumps = day.truth.alerts.filter((a) => a.type === 'track_jump');

    expect(day.truth.alerts).toHaveLength(2);
    const [away, back] = jumps.map((a) => Date.parse(a.openedAt));
    const times = fixTimes(day.messages, 'gps-T003');
    expect(times.indexOf(back)).toBe(times.indexOf(away) + 1);
  });

  it('expects missed_bins at shift end + 30 min naming the skipped bins', () => {
    const day = withFaults({ type: 'skipped_bins', routeId: 'R002', count: 1 });
    const lastBin = registry.routes.get('R002')!.binIds.slice(-1);

    expect(day.truth.alerts).toEqual([expect.objectContaining({ type: 'missed_bins',
      routeId: 'R002', openedAt: '2026-12-03T06:30:00.000Z', details: { binIds: lastBin } })]);
  });

  it('expects a sequence gap and a missing weighing for a lost ticket', () => {
    const day = withFaults(
      { type: 'plate_at_wrong_facility', truckId: 'T003', weighbridgeId: 'WB-INC-1', at: '06:05' },
      { type: 'lost_ticket', truckId: 'T001' },
      { type: 'unknown_plate', weighbridgeId: 'WB-INC-1', at: '10:00' },
    );
    const byType = Object.fromEntries(day.truth.alerts.map((a) => [`${a.type}:${a.truckId}`, a]));

    expect(byType['weighing_sequence_gap:null']).toMatchObject({ weighbridgeId: 'WB-INC-1',
      openedAt: '2026-12-03T02:30:00.000Z' });
    expect(byType['weighing_missing:T001']).toMatchObject({ facilityId: 'FAC-INC' });
    expect(byType['weighing_unmatched:null'].openedAt).toBe('2026-12-03T02:00:00.000Z');
    expect(byType['weighing_unmatched:T003'].openedAt).toBe('2026-12-02T22:15:00.000Z');
  });

  it('expects overweight at the ticket time and records malformed messages as dead letters',
    () => {
      const day = withFaults({ type: 'overload', truckId: 'T003', factor: 1.2 },
        { type: 'malformed', truckId: 'T001', at: '07:00', kinds: ['not_json', 'not_utf8'] });
      const ticket = elements(day.messages.find((m) => m.channel === 'weighing' &&
        m.deviceId === 'wb-kit-1')!)[0];

      expect(day.truth.alerts).toEqual([expect.objectContaining({ type: 'overweight',
        truckId: 'T003', weighbridgeId: 'WB-KIT-1',
        openedAt: new Date(Date.parse(String(ticket.ts))).toISOString() })]);
      expect(day.truth.deadLetters.map((d) => d.reason)).toEqual(['not_json', 'not_json']);
    });
});
