import { at, harness, iso, status, weighing } from '../spec-helpers';

const ticket = (n: number, hhmm: string, receivedAt?: number) =>
  weighing(n, at(hhmm), '辽L·A1234', 15_000, { receivedAt });
const clockTo = (h: ReturnType<typeof harness>, hhmm: string): void =>
  h.engine.ingest({ statuses: [status('gps-T003', at(hhmm))] });

describe('weighing_sequence_gap', () => {
  it('raises 30 min after the higher ticket, listing the missing ones', () => {
    const h = harness();
    h.engine.ingest({ weighings: [ticket(1, '09:00'), ticket(2, '09:10'), ticket(5, '09:40')] });

    clockTo(h, '10:09');
    const before = h.raised('weighing_sequence_gap').length;
    clockTo(h, '10:10');

    const alerts = h.raised('weighing_sequence_gap');
    expect(before).toBe(0);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      category: 'unsynced_weighing',
      truckId: null,
      routeId: null,
      facilityId: 'FAC-INC',
      weighbridgeId: 'WB-INC-1',
      openedAt: iso(at('10:10')),
    });
    expect(alerts[0].details.missingTickets).toEqual([3, 4]);
  });

  it('is cleared when every missing ticket has arrived', () => {
    const h = harness();
    h.engine.ingest({ weighings: [ticket(1, '09:00'), ticket(4, '09:40')] });
    clockTo(h, '11:00');

    h.engine.ingest({ weighings: [ticket(2, '09:10', at('11:01'))] });
    const afterOne = h.engine.listAlerts({ type: 'weighing_sequence_gap' })[0].state;
    h.engine.ingest({ weighings: [ticket(3, '09:20', at('11:02'))] });

    expect(afterOne).toBe('open');
    expect(h.engine.listAlerts({ type: 'weighing_sequence_gap' })[0]).toMatchObject({
      state: 'cleared',
      clearedAt: iso(at('11:00')),
    });
  });

  it('raises nothing when the missing tickets arrive in time', () => {
    const h = harness();
    h.engine.ingest({ weighings: [ticket(1, '09:00'), ticket(3, '09:40')] });
    h.engine.ingest({ weighings: [ticket(2, '09:20', at('09:45'))] });

    clockTo(h, '12:00');

    expect(h.raised('weighing_sequence_gap')).toEqual([]);
  });

  it('counts a rejected ticket as arrived', () => {
    const h = harness();
    h.engine.ingest({ weighings: [ticket(1, '09:00')] });
    h.engine.ingest({ rejectedTickets: [{ weighbridgeId: 'WB-INC-1', ticket: 2 }] });
    h.engine.ingest({ weighings: [ticket(3, '09:40')] });

    clockTo(h, '12:00');

    expect(h.raised('weighing_sequence_gap')).toEqual([]);
  });

  it('takes the first ticket seen as the baseline', () => {
    const h = harness();
    h.engine.ingest({ weighings: [ticket(40, '09:00'), ticket(41, '09:10')] });

    clockTo(h, '12:00');

    expect(h.raised('weighing_sequence_gap')).toEqual([]);
  });
});
