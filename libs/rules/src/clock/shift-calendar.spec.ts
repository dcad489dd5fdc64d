import { ShiftCalendar } from './shift-calendar';

const shanghai = new ShiftCalendar('Asia/Shanghai');
const at = (iso: string): number => Date.parse(iso);

describe('ShiftCalendar', () => {
  it('places a 06:00-14:00 Shanghai shift at 22:00-06:00 UTC', () => {
    const w = shanghai.windowAt('06:00', '14:00', at('2026-12-03T01:00:00Z'));
    expect(new Date(w.startMs).toISOString()).toBe('2026-12-02T22:00:00.000Z');
    expect(new Date(w.endMs).toISOString()).toBe('2026-12-03T06:00:00.000Z');
  });

  it('gives the next shift when between shifts', () => {
    const w = shanghai.windowAt('06:00', '14:00', at('2026-12-03T07:00:00Z'));
    expect(new Date(w.startMs).toISOString()).toBe('2026-12-03T22:00:00.000Z');
  });

  it('runs a 22:00-06:00 shift past midnight', () => {
    const w = shanghai.windowAt('22:00', '06:00', at('2026-12-03T17:00:00Z'));
    expect(new Date(w.startMs).toISOString()).toBe('2026-12-03T14:00:00.000Z');
    expect(new Date(w.endMs).toISOString()).toBe('2026-12-03T22:00:00.000Z');
  });

  it('finds the shift after a start one day later', () => {
    const first = shanghai.windowAt('06:00', '14:00', at('2026-12-03T01:00:00Z'));
    const next = shanghai.nextAfter('06:00', '14:00', first.startMs);
    expect(next.startMs - first.startMs).toBe(86_400_000);
  });

  it('follows daylight saving time where a zone has it', () => {
    const berlin = new ShiftCalendar('Europe/Berlin');
    const summer = berlin.windowAt('06:00', '14:00', at('2026-07-01T03:00:00Z'));
    const winter = berlin.windowAt('06:00', '14:00', at('2026-12-01T03:00:00Z'));
    expect(new Date(summer.startMs).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(new Date(winter.startMs).toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });

  it('names the local date of an instant', () => {
    expect(shanghai.localDate(at('2026-12-02T22:30:00Z'))).toBe('2026-12-03');
  });
});
