import { along, at, fix, harness, iso, status } from '../spec-helpers';

describe('gps_silence', () => {
  it('raises 300 s after the last fix in shift, at that instant', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), along(0.1))] });

    h.engine.ingest({ fixes: [fix('T002', at('07:10'), along(0.2))] });

    const alerts = h.raised('gps_silence').filter((a) => a.truckId === 'T001');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      category: 'route_gap',
      severity: 'warning',
      state: 'open',
      routeId: 'R01',
      facilityId: null,
      weighbridgeId: null,
      openedAt: iso(at('07:05')),
      clearedAt: null,
    });
  });

  it('does not raise while the clock has not passed the deadline', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), along(0.1))] });

    h.engine.ingest({ fixes: [fix('T001', at('07:05'), along(0.1))] });

    expect(h.raised('gps_silence').filter((a) => a.truckId === 'T001')).toHaveLength(0);
  });

  it('counts from the shift start for a truck that has had no fix', () => {
    const h = harness();
    h.engine.ingest({ statuses: [status('gps-T003', at('05:50'))] });

    h.engine.ingest({ fixes: [fix('T002', at('06:06'), along(0.1))] });

    const t001 = h.raised('gps_silence').filter((a) => a.truckId === 'T001');
    expect(t001.map((a) => a.openedAt)).toEqual([iso(at('06:05'))]);
  });

  it('counts a shift already under way from the clock start', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T002', at('09:00'), along(0.1))] });

    h.engine.ingest({ fixes: [fix('T002', at('09:06'), along(0.1))] });

    const t001 = h.raised('gps_silence').filter((a) => a.truckId === 'T001');
    expect(t001.map((a) => a.openedAt)).toEqual([iso(at('09:05'))]);
  });

  it('is cleared by a newer fix, not marked backfilled', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), along(0.1))] });
    h.engine.ingest({ fixes: [fix('T002', at('07:10'), along(0.2))] });

    h.engine.ingest({ fixes: [fix('T001', at('07:12'), along(0.1))] });

    const cleared = h.published.filter(
      (a) => a.type === 'gps_silence' && a.state === 'cleared' && a.truckId === 'T001',
    );
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatchObject({ clearedAt: iso(at('07:12')), truckId: 'T001' });
    expect(cleared[0].details.backfilled).toBe(false);
  });

  it('is cleared with backfilled: true when buffered fixes fill the gap', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), along(0.1))] });
    h.engine.ingest({ fixes: [fix('T002', at('07:10'), along(0.2))] });

    const buffered = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) =>
      fix('T001', at(`07:0${m}`), along(0.1), at('07:10:30')),
    );
    h.engine.ingest({ fixes: buffered });

    const silence = h.published.filter((a) => a.type === 'gps_silence' && a.truckId === 'T001');
    expect(silence.map((a) => a.state)).toEqual(['open', 'cleared']);
    expect(silence[1].details.backfilled).toBe(true);
  });

  it('raises nothing for a truck parked off shift with no fixes', () => {
    const h = harness();
    h.engine.ingest({ statuses: [status('gps-T003', at('15:00'))] });

    h.engine.ingest({ statuses: [status('gps-T003', at('23:30'))] });
    h.engine.tick(h.wall.ms + 3_600_000);

    expect(h.raised()).toEqual([]);
    expect(h.engine.truckState('T001')?.status).toBe('off_shift');
  });

  it('raises one alert per silence, not one per shift while it lasts', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), along(0.1))] });

    h.engine.ingest({ fixes: [fix('T002', at('07:00', '2026-12-04'), along(0.1))] });

    expect(h.raised('gps_silence').filter((a) => a.truckId === 'T001')).toHaveLength(1);
  });
});

describe('gps_silence on a quiet line', () => {
  it('is raised by the wall clock when no element arrives at all', () => {
    const h = harness({ wallMs: 1_000 });
    h.engine.ingest({ fixes: [fix('T001', at('07:00'), along(0.1))] });

    h.engine.tick(1_000 + 299_000);
    const early = h.raised('gps_silence').length;
    h.engine.tick(1_000 + 300_000);

    expect(early).toBe(0);
    expect(h.raised('gps_silence').map((a) => `${a.truckId} ${a.openedAt}`)).toContain(
      `T001 ${iso(at('07:05'))}`,
    );
    expect(h.engine.clockNow()).toBe(at('07:05'));
  });
});
