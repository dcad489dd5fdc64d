import { compareAlerts } from './compare';

const alert = (type: 'gps_silence' | 'overweight', openedAt: string, truckId = 'T001') => ({
  type, truckId, routeId: 'R001', facilityId: null, weighbridgeId: null, openedAt,
});

describe('compareAlerts', () => {
  it('is perfect when every expected alert is raised at its time', () => {
    const expected = [alert('gps_silence', '2026-12-03T00:00:00.000Z')];

    const result = compareAlerts(expected, [alert('gps_silence', '2026-12-03T00:00:00.000Z')]);

    expect(result.perfect).toBe(true);
    expect(result.perType).toEqual([{ type: 'gps_silence', expected: 1, raised: 1, matched: 1,
      precision: 1, recall: 1 }]);
  });

  it('scores late, extra and missing alerts per type', () => {
    const expected = [alert('gps_silence', '2026-12-03T00:00:00.000Z'),
      alert('overweight', '2026-12-03T01:00:00.000Z')];
    const raised = [alert('gps_silence', '2026-12-03T00:00:00.500Z'),
      alert('gps_silence', '2026-12-03T02:00:00.000Z', 'T002')];

    const strict = compareAlerts(expected, raised);
    const tolerant = compareAlerts(expected, raised, 1000);

    expect(strict.perfect).toBe(false);
    expect(strict.perType.find((row) => row.type === 'gps_silence')).toMatchObject(
      { matched: 0, precision: 0, recall: 0 });
    expect(tolerant.perType.find((row) => row.type === 'gps_silence')).toMatchObject(
      { matched: 1, precision: 0.5, recall: 1 });
    expect(tolerant.missing.map((a) => a.type)).toEqual(['overweight']);
  });
});
