import { gcj02ToWgs84, isInsideChina, wgs84ToGcj02 } from './datum';

const M_PER_DEG_LAT = 111_320;

function distanceM(a: [number, number], b: [number, number]): number {
  const dLat = (a[0] - b[0]) * M_PER_DEG_LAT;
  const dLon = (a[1] - b[1]) * M_PER_DEG_LAT * Math.cos((a[0] * Math.PI) / 180);
  return Math.hypot(dLat, dLon);
}

describe('GCJ-02 datum', () => {
  it('matches the published forward transform for central Beijing', () => {
    // Reference value of the widely used coordtransform implementation.
    const [lat, lon] = wgs84ToGcj02(39.915, 116.404);

    expect(lat).toBeCloseTo(39.91640428150164, 9);
    expect(lon).toBeCloseTo(116.41024449916938, 9);
  });

  it('offsets Panjin by a few hundred metres, as Chinese basemaps do', () => {
    const wgs: [number, number] = [41.12, 122.07];

    const offsetM = distanceM(wgs, wgs84ToGcj02(...wgs));

    expect(offsetM).toBeGreaterThan(300);
    expect(offsetM).toBeLessThan(800);
  });

  it('round-trips GCJ-02 to WGS-84 and back within a millimetre across China', () => {
    const samples: [number, number][] = [
      [41.12, 122.07],
      [40.7, 121.95],
      [22.54, 114.06],
      [31.23, 121.47],
      [43.82, 87.61],
      [18.25, 109.51],
    ];

    for (const gcj of samples) {
      const back = wgs84ToGcj02(...gcj02ToWgs84(...gcj));

      expect(distanceM(gcj, back)).toBeLessThan(0.001);
    }
  });

  it('recovers the WGS-84 point a GCJ-02 point was made from within 0.5 m', () => {
    const wgs: [number, number] = [41.052, 122.101];

    const recovered = gcj02ToWgs84(...wgs84ToGcj02(...wgs));

    expect(distanceM(wgs, recovered)).toBeLessThan(0.5);
  });

  it('leaves points outside China unchanged', () => {
    expect(isInsideChina(51.5, -0.12)).toBe(false);
    expect(wgs84ToGcj02(51.5, -0.12)).toEqual([51.5, -0.12]);
    expect(gcj02ToWgs84(51.5, -0.12)).toEqual([51.5, -0.12]);
  });
});
