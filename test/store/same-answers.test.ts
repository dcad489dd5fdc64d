/**
 * Issue 3: every HTTP route answers the same with STORE=influxdb as with STORE=sqlite.
 * One simulated day with every fault goes through the broker into two platforms, one on
 * each store (InfluxDB 1.6.7 started from Debian's binary), and the API's answers are
 * compared route by route.
 */
import { InfluxdServer, PlatformProcess, startInfluxd } from '@sanitation/testing';
import { miniAllFaultsDay } from '../scenarios/support/mini-day';
import { lastDeviceMs, replayInto, waitForClock } from '../scenarios/support/platform';

const ROUTES = [
  '/api/trucks/T001/track',
  '/api/trucks/T002/track?from=2000-01-01T00:00:00Z&to=2099-01-01T00:00:00Z',
  '/api/weighings',
  '/api/weighings?facilityId=FAC-INC&limit=2&offset=1',
  '/api/weighings?truckId=T003',
  '/api/tonnage?groupBy=facility&interval=day',
  '/api/tonnage?groupBy=stream&interval=month',
  '/api/tonnage?groupBy=district&interval=day',
  '/api/tonnage?groupBy=truck&interval=day',
  '/api/alerts',
  '/api/fleet',
];

/** Dead letters: the id and arrival time are each platform's own; the rest must match. */
const comparableDeadLetter = ({ id: _id, receivedAt: _at, ...rest }: Record<string, unknown>) =>
  rest;

describe('the same answers from SQLite and InfluxDB', () => {
  let influxd: InfluxdServer;
  const onSqlite = new PlatformProcess();
  const onInflux = new PlatformProcess();

  beforeAll(async () => {
    influxd = await startInfluxd();
    await onSqlite.start();
    await onInflux.start({
      env: { STORE: 'influxdb', INFLUX_URL: influxd.url, INFLUX_DB: 'sanitation' },
    });

    const day = miniAllFaultsDay();
    const lastMs = lastDeviceMs(day.messages, day.shiftMs);
    for (const platform of [onSqlite, onInflux]) {
      await replayInto(platform, day.messages, { shiftMs: day.shiftMs });
      await waitForClock(platform, lastMs);
    }
  }, 180_000);

  afterAll(async () => {
    await onSqlite.cleanup();
    await onInflux.cleanup();
    await influxd?.dispose();
  });

  it.each(ROUTES)('answers %s alike', async (route) => {
    const [fromSqlite, fromInflux] = await Promise.all([
      onSqlite.api<unknown>(route),
      onInflux.api<unknown>(route),
    ]);
    expect(fromInflux).toEqual(fromSqlite);
    expect(JSON.stringify(fromSqlite).length).toBeGreaterThan(2);
  });

  it('answers a track as GeoJSON alike', async () => {
    const init = { headers: { accept: 'application/geo+json' } };
    const [fromSqlite, fromInflux] = await Promise.all([
      onSqlite.api<unknown>('/api/trucks/T001/track', init),
      onInflux.api<unknown>('/api/trucks/T001/track', init),
    ]);
    expect(fromInflux).toEqual(fromSqlite);
  });

  it('writes the same CSV', async () => {
    const [fromSqlite, fromInflux] = await Promise.all(
      [onSqlite, onInflux].map(async (p) => (await p.fetch('/api/weighings.csv')).text()),
    );
    expect(fromInflux).toBe(fromSqlite);
    expect(fromSqlite.split('\r\n').length).toBeGreaterThan(3);
  });

  it('keeps the same dead letters', async () => {
    const [fromSqlite, fromInflux] = await Promise.all(
      [onSqlite, onInflux].map((p) => p.api<Record<string, unknown>[]>('/api/deadletters')),
    );
    expect(fromSqlite.length).toBeGreaterThan(0);
    expect(fromInflux.map(comparableDeadLetter)).toEqual(fromSqlite.map(comparableDeadLetter));
  });
});
