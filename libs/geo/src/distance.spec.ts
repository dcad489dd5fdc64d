import { distanceM, haversineM } from './distance';

describe('distanceM', () => {
  it('is zero between a point and itself', () => {
    expect(distanceM(41.12, 122.07, 41.12, 122.07)).toBe(0);
  });

  it('measures one degree of latitude as about 111.2 km', () => {
    expect(distanceM(41, 122, 42, 122)).toBeCloseTo(111_195, -1);
  });

  it('shrinks a degree of longitude by the cosine of the latitude', () => {
    const atPanjin = distanceM(41, 122, 41, 123);
    expect(atPanjin).toBeCloseTo(111_195 * Math.cos((41 * Math.PI) / 180), -2);
  });

  it('gives the Panjin incinerator to a bin in town as about 8 km', () => {
    expect(haversineM([41.1203, 122.0711], [41.052, 122.101])).toBeGreaterThan(7_900);
    expect(haversineM([41.1203, 122.0711], [41.052, 122.101])).toBeLessThan(8_000);
  });
});
