import type { TruckState } from '@sanitation/contracts';
import { FleetStateThrottle } from './fleet-state-throttle';

const state = (status: TruckState['status'], lat: number): TruckState => ({
  truckId: 'T001',
  plate: '辽L·A1234',
  status,
  lastFix: { ts: new Date(1_000 * lat).toISOString(), lat, lon: 122, speedKmh: 20 },
  routeId: 'R001',
  binsServed: 0,
  binsPlanned: 10,
  openAlerts: 0,
});

describe('FleetStateThrottle', () => {
  let now = 0;
  let sent: TruckState[];
  let throttle: FleetStateThrottle;

  beforeEach(() => {
    jest.useFakeTimers();
    now = 0;
    sent = [];
    throttle = new FleetStateThrottle((s) => sent.push(s), 1_000, () => now);
  });

  afterEach(() => jest.useRealTimers());

  it('sends the first state and any status change at once', () => {
    throttle.offer(state('on_route', 41.1));
    throttle.offer(state('offline', 41.1));
    expect(sent.map((s) => s.status)).toEqual(['on_route', 'offline']);
  });

  it('coalesces position-only changes to one per second, the latest winning', () => {
    throttle.offer(state('on_route', 41.1));
    now = 200;
    throttle.offer(state('on_route', 41.2));
    now = 400;
    throttle.offer(state('on_route', 41.3));
    expect(sent).toHaveLength(1);

    now = 1_000;
    jest.advanceTimersByTime(1_000);
    expect(sent.map((s) => s.lastFix?.lat)).toEqual([41.1, 41.3]);
  });

  it('lets a status change overtake a pending position', () => {
    throttle.offer(state('on_route', 41.1));
    now = 100;
    throttle.offer(state('on_route', 41.2));
    throttle.offer(state('at_facility', 41.25));
    jest.advanceTimersByTime(2_000);
    expect(sent.map((s) => s.status)).toEqual(['on_route', 'at_facility']);
  });
});
