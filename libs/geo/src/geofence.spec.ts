import { isInsideCircle } from './geofence';

const incinerator = { lat: 41.052, lon: 122.101, radiusM: 250 };

describe('isInsideCircle', () => {
  it('holds a point 200 m from the centre of a 250 m circle', () => {
    expect(isInsideCircle(41.052 + 200 / 111_195, 122.101, incinerator)).toBe(true);
  });

  it('refuses a point 300 m away', () => {
    expect(isInsideCircle(41.052 + 300 / 111_195, 122.101, incinerator)).toBe(false);
  });

  it('holds the centre of a zero-radius circle', () => {
    expect(isInsideCircle(41.052, 122.101, { ...incinerator, radiusM: 0 })).toBe(true);
  });
});
