import { along, at, fix, harness, iso } from '../spec-helpers';

describe('track_jump', () => {
  it('raises for two fixes 5 km apart in 30 s, at the later fix', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00:00'), along(0.1))] });

    h.engine.ingest({ fixes: [fix('T001', at('07:00:30'), along(0.7))] });

    const jumps = h.raised('track_jump');
    expect(jumps).toHaveLength(1);
    expect(jumps[0]).toMatchObject({
      severity: 'info',
      truckId: 'T001',
      routeId: 'R01',
      openedAt: iso(at('07:00:30')),
    });
    expect(jumps[0].details.distanceM).toBeGreaterThan(4_500);
  });

  it('raises nothing for 1.6 km in two minutes (48 km/h)', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), along(0.1))] });

    h.engine.ingest({ fixes: [fix('T001', at('07:02'), along(0.3))] });

    expect(h.raised('track_jump')).toEqual([]);
  });

  it('judges a late fix against the neighbours it lands between', () => {
    const h = harness();
    h.engine.ingest({
      fixes: [fix('T001', at('07:00'), along(0.1)), fix('T001', at('07:02'), along(0.1))],
    });

    h.engine.ingest({ fixes: [fix('T001', at('07:01'), along(0.9), at('07:03'))] });

    expect(h.raised('track_jump').map((a) => a.openedAt)).toEqual([
      iso(at('07:01')),
      iso(at('07:02')),
    ]);
  });

  it('stays open until an operator clears it, with the note', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00:00'), along(0.1))] });
    h.engine.ingest({ fixes: [fix('T001', at('07:00:30'), along(0.7))] });
    h.engine.ingest({ fixes: [fix('T001', at('07:01:00'), along(0.7))] });
    const id = h.raised('track_jump')[0].id;

    const acked = h.engine.ack(id, 'ops-1');
    const cleared = h.engine.clear(id, 'ops-1', 'multipath near the bridge');

    expect(acked).toMatchObject({ state: 'acknowledged', acknowledgedAt: iso(h.wall.ms) });
    expect(cleared).toMatchObject({ state: 'cleared', clearedAt: iso(at('07:01')) });
    expect(cleared?.details.note).toBe('multipath near the bridge');
    expect(h.published.map((a) => `${a.type}:${a.state}`)).toContain('track_jump:cleared');
  });
});
