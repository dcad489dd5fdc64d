import { along, at, B, fix, harness, iso, KITCHEN, status, weighing } from '../spec-helpers';

const visit = (truckId: string, place: [number, number], entry: string, exit: string) => [
  fix(truckId, at(entry), place),
  fix(truckId, at(exit), along(0.5)),
];
const clockTo = (h: ReturnType<typeof harness>, hhmm: string): void =>
  h.engine.ingest({ statuses: [status('gps-T003', at(hhmm))] });

describe('weighing_missing', () => {
  it('raises at exit + 30 min for a stay without a weighing', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('09:55'), along(0.6))] });
    h.engine.ingest({ fixes: visit('T001', B, '10:00', '10:05') });

    clockTo(h, '10:34');
    const early = h.raised('weighing_missing').length;
    clockTo(h, '10:36');

    const alerts = h.raised('weighing_missing');
    expect(early).toBe(0);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      truckId: 'T001',
      routeId: 'R01',
      facilityId: 'FAC-INC',
      weighbridgeId: null,
      openedAt: iso(at('10:35')),
    });
    expect(alerts[0].details).toMatchObject({
      enteredAt: iso(at('10:00')),
      exitedAt: iso(at('10:05')),
    });
  });

  it('is cleared with lateSync when the weighing arrives late', () => {
    const h = harness();
    h.engine.ingest({ fixes: visit('T001', B, '10:00', '10:05') });
    clockTo(h, '11:00');

    h.engine.ingest({
      weighings: [weighing(9, at('10:02'), '辽L·A1234', 15_000, { receivedAt: at('11:01') })],
    });

    const alert = h.engine.listAlerts({ type: 'weighing_missing' })[0];
    expect(alert).toMatchObject({ state: 'cleared', clearedAt: iso(at('11:00')) });
    expect(alert.details.lateSync).toBe(true);
  });

  it('raises nothing when the truck was weighed during its stay', () => {
    const h = harness();
    h.engine.ingest({ fixes: [fix('T001', at('10:00'), B)] });
    h.engine.ingest({ weighings: [weighing(9, at('10:02'), '辽L·A1234', 15_000)] });
    h.engine.ingest({ fixes: [fix('T001', at('10:05'), along(0.5))] });

    clockTo(h, '12:00');

    expect(h.raised('weighing_missing')).toEqual([]);
  });

  it('raises nothing for a stay shorter than 60 s', () => {
    const h = harness();
    h.engine.ingest({ fixes: visit('T001', B, '10:00:00', '10:00:50') });

    clockTo(h, '12:00');

    expect(h.raised('weighing_missing')).toEqual([]);
  });

  it('raises nothing at a facility without a weighbridge', () => {
    const h = harness();
    h.engine.ingest({ fixes: visit('T001', KITCHEN, '10:00', '10:20') });

    clockTo(h, '12:00');

    expect(h.raised('weighing_missing')).toEqual([]);
  });
});
