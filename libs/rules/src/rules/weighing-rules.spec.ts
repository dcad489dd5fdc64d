import { along, at, B, fix, harness, iso, status, weighing } from '../spec-helpers';

const T001_PLATE = '辽L·A1234';
const gross = (netKg: number): number => 11_800 + netKg;

describe('overweight', () => {
  it('raises a critical alert at the weighing time when net exceeds the rated payload', () => {
    const h = harness();

    h.engine.ingest({ weighings: [weighing(7, at('10:41:07'), T001_PLATE, gross(8_500))] });

    const alerts = h.raised('overweight');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      category: 'overweight_trip',
      severity: 'critical',
      truckId: 'T001',
      routeId: 'R01',
      facilityId: 'FAC-INC',
      weighbridgeId: 'WB-INC-1',
      openedAt: iso(at('10:41:07')),
    });
    expect(alerts[0].details).toMatchObject({ ticket: 7, netKg: 8_500, ratedPayloadKg: 8_000 });
  });

  it('raises nothing for a load at 95 % of the rated payload', () => {
    const h = harness();

    h.engine.ingest({ weighings: [weighing(7, at('10:41'), T001_PLATE, gross(7_600))] });

    expect(h.raised()).toEqual([]);
  });

  it('stays open until an operator clears it', () => {
    const h = harness();
    h.engine.ingest({ weighings: [weighing(7, at('10:41'), T001_PLATE, gross(9_000))] });
    h.engine.ingest({ statuses: [status('gps-T003', at('18:00'))] });
    const id = h.raised('overweight')[0].id;
    const stillOpen = h.engine.getAlert(id)?.state;

    const cleared = h.engine.clear(id, 'ops-2', 'reweighed');

    expect(stillOpen).toBe('open');
    expect(cleared).toMatchObject({ state: 'cleared', clearedAt: iso(at('18:00')) });
  });

  it('follows a per-truck payload limit', () => {
    const h = harness({ config: { trucks: { T001: { payloadLimitPct: 110 } } } });

    h.engine.ingest({ weighings: [weighing(7, at('10:41'), T001_PLATE, gross(8_500))] });

    expect(h.raised('overweight')).toEqual([]);
  });
});

describe('weighing_unmatched', () => {
  it('matches a plate typed full-width with spaces to its truck', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('10:35'), B), fix('T001', at('10:45'), B)] });

    const typed = '辽Ｌ　Ａ１２３４ ';
    h.engine.ingest({ weighings: [weighing(7, at('10:40'), typed, gross(8_100))] });
    h.engine.ingest({ statuses: [status('gps-T003', at('11:00'))] });

    expect(h.raised('weighing_unmatched')).toEqual([]);
    expect(h.raised('overweight').map((a) => a.truckId)).toEqual(['T001']);
  });

  it('raises at the weighing time when the plate matches no truck', () => {
    const h = harness();

    h.engine.ingest({ weighings: [weighing(7, at('10:40'), '辽L·Z9999', gross(5_000))] });

    const alerts = h.raised('weighing_unmatched');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      truckId: null,
      routeId: null,
      facilityId: 'FAC-INC',
      weighbridgeId: 'WB-INC-1',
      openedAt: iso(at('10:40')),
    });
  });

  it('is cleared when an operator matches it, who is recorded', () => {
    const h = harness();
    h.engine.ingest({ weighings: [weighing(7, at('10:40'), '辽L·Z9999', gross(9_000))] });

    const matched = h.engine.matchWeighing('WB-INC-1', 7, 'T002', 'ops-3');

    expect(matched).toBe(true);
    const alert = h.engine.listAlerts({ type: 'weighing_unmatched' })[0];
    expect(alert).toMatchObject({ state: 'cleared', clearedAt: iso(at('10:40')) });
    expect(alert.details).toMatchObject({ matchedTruckId: 'T002', matchedBy: 'ops-3' });
    expect(h.raised('overweight').map((a) => a.truckId)).toEqual(['T002']);
  });

  it('raises 10 min after the weighing when the truck was elsewhere all along', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('10:32'), along(0.1))] });
    h.engine.ingest({ weighings: [weighing(7, at('10:40'), T001_PLATE, gross(5_000))] });

    h.engine.ingest({
      fixes: [fix('T001', at('10:48'), along(0.1)), fix('T001', at('10:51'), along(0.1))],
    });

    const alerts = h.raised('weighing_unmatched');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      truckId: 'T001',
      facilityId: 'FAC-INC',
      weighbridgeId: 'WB-INC-1',
      openedAt: iso(at('10:50')),
    });
  });

  it('raises nothing when the truck has no fixes around the weighing', () => {
    const h = harness();
    h.engine.ingest({ weighings: [weighing(7, at('10:40'), T001_PLATE, gross(5_000))] });

    h.engine.ingest({ statuses: [status('gps-T003', at('11:30'))] });

    expect(h.raised('weighing_unmatched')).toEqual([]);
  });
});

describe('records delivered twice', () => {
  it('raise nothing new and count once', () => {
    const h = harness();
    const fixes = [
      fix('T001', at('07:00:00'), along(0.1)),
      fix('T001', at('07:00:30'), along(0.7)),
    ];
    const weighings = [
      weighing(1, at('10:40'), T001_PLATE, gross(9_000)),
      weighing(2, at('10:50'), T001_PLATE, gross(1_000)),
    ];
    h.engine.ingest({ fixes, weighings });
    const first = h.published.length;

    h.engine.ingest({ fixes, weighings });

    expect(h.published.length).toBe(first);
    const types = h.engine.listAlerts().map((a) => a.type);
    expect(types.filter((t) => t === 'overweight')).toHaveLength(1);
    expect(types.filter((t) => t === 'track_jump')).toHaveLength(1);
    expect(types).not.toContain('weighing_sequence_gap');
  });
});
