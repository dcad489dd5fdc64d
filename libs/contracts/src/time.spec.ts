import { parseDeviceTime } from './time';

describe('parseDeviceTime', () => {
  it('reads ISO-8601 with an offset and with Z to the same instant', () => {
    const local = parseDeviceTime('2026-12-03T07:15:02.120+08:00');
    const utc = parseDeviceTime('2026-12-02T23:15:02.120Z');
    expect(local).toEqual({ ok: true, ms: Date.UTC(2026, 11, 2, 23, 15, 2, 120) });
    expect(utc).toEqual(local);
  });

  it('accepts compact offsets', () => {
    expect(parseDeviceTime('2026-12-03T07:15:02+0800')).toEqual(
      parseDeviceTime('2026-12-03T07:15:02+08:00'),
    );
  });

  it('takes integer epoch milliseconds', () => {
    expect(parseDeviceTime(1796253302000)).toEqual({ ok: true, ms: 1796253302000 });
  });

  it.each([true, {}, null, '1796253302000'])('calls %p the wrong type', (value) => {
    expect(parseDeviceTime(value)).toMatchObject({ ok: false, reason: 'wrong_type' });
  });
});
