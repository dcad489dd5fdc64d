import { along, at, fix, harness, iso, read, status } from '../spec-helpers';

const startClock = (h: ReturnType<typeof harness>): void =>
  h.engine.ingest({ statuses: [status('gps-T003', at('05:50'))] });

describe('missed_bins', () => {
  it('raises at shift end + 30 min listing the bins without a read', () => {
    const h = harness();
    startClock(h);
    h.engine.ingest({ reads: [read('T001', 'B2', at('08:00'))] });

    h.engine.ingest({ statuses: [status('gps-T003', at('14:31'))] });

    const alerts = h.raised('missed_bins');
    expect(alerts).toHaveLength(2);
    const r01 = alerts.find((a) => a.routeId === 'R01');
    expect(r01).toMatchObject({ truckId: 'T001', openedAt: iso(at('14:30')), facilityId: null });
    expect(r01?.details.binIds).toEqual(['B1', 'B3']);
  });

  it('raises nothing for a route whose bins were all read', () => {
    const h = harness();
    startClock(h);
    h.engine.ingest({ reads: ['B1', 'B2', 'B3'].map((b) => read('T001', b, at('08:00'))) });

    h.engine.ingest({ statuses: [status('gps-T003', at('15:00'))] });

    expect(h.raised('missed_bins').map((a) => a.routeId)).toEqual(['R02']);
  });

  it('counts only reads by the route truck, from the shift start', () => {
    const h = harness();
    startClock(h);
    h.engine.ingest({ reads: [read('T001', 'B1', at('05:55')), read('T002', 'B2', at('08:00'))] });

    h.engine.ingest({ statuses: [status('gps-T003', at('15:00'))] });

    const r01 = h.raised('missed_bins').find((a) => a.routeId === 'R01');
    expect(r01?.details.binIds).toEqual(['B1', 'B2', 'B3']);
  });

  it('is cleared when late reads arrive for all the listed bins', () => {
    const h = harness();
    startClock(h);
    h.engine.ingest({ reads: [read('T001', 'B2', at('08:00'))] });
    h.engine.ingest({ statuses: [status('gps-T003', at('15:00'))] });

    h.engine.ingest({ reads: [read('T001', 'B1', at('09:00'), at('15:01'))] });
    const stillOpen = h.engine.listAlerts({ type: 'missed_bins', state: 'open' }).length;
    h.engine.ingest({ reads: [read('T001', 'B3', at('10:00'), at('15:02'))] });

    expect(stillOpen).toBe(2);
    const r01 = h.engine.listAlerts({ type: 'missed_bins', truckId: 'T001' });
    expect(r01).toHaveLength(1);
    expect(r01[0]).toMatchObject({ state: 'cleared', clearedAt: iso(at('15:00')) });
  });

  it('does not judge a shift that began before the clock started', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('09:00'), along(0.1))] });

    h.engine.ingest({ statuses: [status('gps-T003', at('15:00'))] });

    expect(h.raised('missed_bins')).toEqual([]);
  });

  it('reports distinct route bins served to the fleet view', () => {
    const h = harness();
    startClock(h);
    h.engine.ingest({ fixes: [fix('T001', at('06:30'), along(0.1))] });

    h.engine.ingest({
      reads: [
        read('T001', 'B1', at('06:31')),
        read('T001', 'B1', at('06:31:05')),
        read('T001', 'B2', at('06:40')),
      ],
    });
    h.engine.ingest({ fixes: [fix('T001', at('06:41'), along(0.3))] });

    expect(h.engine.truckState('T001')).toMatchObject({
      routeId: 'R01',
      binsServed: 2,
      binsPlanned: 3,
      status: 'on_route',
    });
  });
});
