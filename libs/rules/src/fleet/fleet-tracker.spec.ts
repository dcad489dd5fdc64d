import { along, at, B, fix, harness, status } from '../spec-helpers';

describe('fleet state', () => {
  it('is off_shift before the shift and offline in shift without fixes', () => {
    const h = harness();
    h.engine.ingest({ statuses: [status('gps-T003', at('05:50'))] });
    const before = h.engine.truckState('T001')?.status;

    h.engine.ingest({ statuses: [status('gps-T003', at('06:01'))] });

    expect(before).toBe('off_shift');
    expect(h.engine.truckState('T001')).toMatchObject({
      status: 'offline',
      routeId: 'R01',
      lastFix: null,
      binsPlanned: 3,
    });
  });

  it('follows a truck on route, at a facility, idle and offline', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), along(0.1))] });
    h.engine.ingest({ fixes: [fix('T001', at('07:01'), along(0.2))] });
    const moving = h.engine.truckState('T001')?.status;
    h.engine.ingest({ fixes: [fix('T001', at('07:02'), B)] });
    const atFacility = h.engine.truckState('T001')?.status;
    h.engine.ingest({
      fixes: [fix('T001', at('07:03'), along(0.5)), fix('T001', at('07:09'), along(0.5))],
    });
    const idle = h.engine.truckState('T001')?.status;

    h.engine.ingest({ statuses: [status('gps-T003', at('07:14'))] });

    expect([moving, atFacility, idle]).toEqual(['on_route', 'at_facility', 'idle']);
    expect(h.engine.truckState('T001')?.status).toBe('offline');
  });

  it('publishes a state when it changes and counts open alerts', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), along(0.1))] });
    h.engine.ingest({ fixes: [fix('T001', at('07:00:30'), along(0.9))] });

    const last = h.fleet.filter((s) => s.truckId === 'T001').at(-1);

    expect(last).toMatchObject({ openAlerts: 1, lastFix: { lat: along(0.9)[0] } });
    expect(h.engine.fleet().map((s) => s.truckId)).toEqual(['T001', 'T002', 'T003']);
  });

  it('marks a truck offline when its GPS unit says so', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), along(0.1))] });

    h.engine.ingest({ statuses: [status('gps-T001', at('07:01'), false)] });

    expect(h.engine.truckState('T001')?.status).toBe('offline');
  });
});
