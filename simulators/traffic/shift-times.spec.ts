import { daysToNow, DAY_MS, shiftPayloadTimes, shiftTime } from './shift-times';

describe('shifting device times', () => {
  it('moves ISO times keeping their offset and precision, and epoch ms as numbers', () => {
    expect(shiftTime('2026-12-03T07:15:02.120+08:00', 2 * DAY_MS))
      .toBe('2026-12-05T07:15:02.120+08:00');
    expect(shiftTime('2026-12-03T23:59:59Z', DAY_MS)).toBe('2026-12-04T23:59:59Z');
    expect(shiftTime(1764717302000, DAY_MS)).toBe(1764717302000 + DAY_MS);
  });

  it('rewrites each element of an array and leaves non-JSON bytes alone', () => {
    const shifted = shiftPayloadTimes(Buffer.from('[{"ts":1,"lat":1},{"lat":2}]'), DAY_MS);
    const bad = Buffer.from([0xff, 0x00]);

    expect(JSON.parse(shifted.toString())).toEqual([{ ts: 1 + DAY_MS, lat: 1 }, { lat: 2 }]);
    expect(shiftPayloadTimes(bad, DAY_MS)).toBe(bad);
  });

  it('counts whole days to now, never into the future', () => {
    const now = Date.parse('2026-12-10T04:00:00Z');

    expect(daysToNow(Date.parse('2026-12-03T05:30:00Z'), now)).toBe(6);
    expect(daysToNow(now + 1000, now)).toBe(0);
  });
});
