import { speedKmhBetween } from './speed';

const MIN_MS = 60_000;

describe('speedKmhBetween', () => {
  it('gives 1 km in one minute as 60 km/h', () => {
    const a = { ts: 0, lat: 41.0, lon: 122.0 };
    const b = { ts: MIN_MS, lat: 41.0 + 1000 / 111_195, lon: 122.0 };
    expect(speedKmhBetween(a, b)).toBeCloseTo(60, 1);
  });

  it('does not care which fix comes first', () => {
    const a = { ts: 0, lat: 41.0, lon: 122.0 };
    const b = { ts: MIN_MS, lat: 41.01, lon: 122.0 };
    expect(speedKmhBetween(b, a)).toBeCloseTo(speedKmhBetween(a, b), 9);
  });

  it('is infinite for a move in no time and zero for standing still', () => {
    const a = { ts: 5, lat: 41.0, lon: 122.0 };
    expect(speedKmhBetween(a, { ...a, lat: 41.01 })).toBe(Infinity);
    expect(speedKmhBetween(a, { ...a })).toBe(0);
  });
});
