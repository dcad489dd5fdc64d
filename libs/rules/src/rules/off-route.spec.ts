import { along, at, fix, harness, iso, offPath } from '../spec-helpers';

describe('off_route', () => {
  it('raises 180 s after the first fix outside the corridor', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), along(0.3))] });
    h.engine.ingest({ fixes: [fix('T001', at('07:01'), offPath(0.3))] });
    h.engine.ingest({ fixes: [fix('T001', at('07:02'), offPath(0.3))] });
    h.engine.ingest({ fixes: [fix('T001', at('07:03'), offPath(0.3))] });

    h.engine.ingest({ fixes: [fix('T001', at('07:04'), offPath(0.3))] });

    const alerts = h.raised('off_route');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      truckId: 'T001',
      routeId: 'R01',
      openedAt: iso(at('07:04')),
    });
    expect(alerts[0].details).toMatchObject({ corridorM: 200, firstOutsideAt: iso(at('07:01')) });
  });

  it('raises nothing for a detour back inside within 180 s', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), along(0.3))] });
    h.engine.ingest({ fixes: [fix('T001', at('07:01'), offPath(0.3))] });
    h.engine.ingest({ fixes: [fix('T001', at('07:03'), along(0.3))] });

    h.engine.ingest({ fixes: [fix('T001', at('07:10'), along(0.3))] });

    expect(h.raised('off_route')).toEqual([]);
  });

  it('is cleared by a fix inside the corridor', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), offPath(0.3))] });
    h.engine.ingest({ fixes: [fix('T001', at('07:04'), offPath(0.3))] });

    h.engine.ingest({ fixes: [fix('T001', at('07:06'), along(0.3))] });

    const states = h.published.filter((a) => a.type === 'off_route').map((a) => a.state);
    expect(states).toEqual(['open', 'cleared']);
    expect(h.engine.listAlerts({ type: 'off_route' })[0].clearedAt).toBe(iso(at('07:06')));
  });

  it('follows a per-route corridor override', () => {
    const h = harness({ config: { routes: { R01: { corridorM: 5_000 } } } });
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), offPath(0.3))] });

    h.engine.ingest({ fixes: [fix('T001', at('07:10'), offPath(0.3))] });

    expect(h.raised('off_route')).toEqual([]);
  });
});
