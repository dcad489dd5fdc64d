import { ApiTestApp, startApiTestApp } from './testing/api-test-app';
import { T0 } from './testing/fixture-data';

describe('API queries (contract §5)', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp();
  });

  afterAll(async () => {
    await api.close();
  });

  it.each([
    ['/api/alerts?limit=0', 'limit must be an integer from 1 to 10000'],
    ['/api/alerts?limit=10001', 'limit must be an integer from 1 to 10000'],
    ['/api/alerts?limit=abc', 'limit must be an integer from 1 to 10000'],
    ['/api/alerts?offset=-1', 'offset must be an integer of 0 or more'],
    ['/api/alerts?state=closed', 'state must be one of open, acknowledged, cleared'],
    ['/api/alerts?category=x', 'category must be one of'],
    ['/api/alerts?type=x', 'type must be one of'],
    ['/api/alerts?from=yesterday', 'from must be ISO-8601'],
    ['/api/alerts?to=2026-12-03T08:00:00', 'to must be ISO-8601'],
    ['/api/alerts?from=1764720000000&to=1764710000000', 'to must not be before from'],
    ['/api/alerts?truckId=a&truckId=b', 'truckId must be given once'],
    ['/api/weighings?limit=1.5', 'limit must be an integer'],
    ['/api/weighings.csv?from=x', 'from must be ISO-8601'],
    ['/api/deadletters?reason=bogus', 'reason must be one of not_json'],
    ['/api/tonnage?groupBy=route', 'groupBy must be one of facility, stream, district, truck'],
    ['/api/tonnage?interval=week', 'interval must be one of day, month'],
    ['/api/trucks/T001/track?from=nope', 'from must be ISO-8601'],
  ])('answers 400 naming the parameter for %s', async (path, message) => {
    const response = await api.get(path, 'admin');
    const body = (await response.json()) as { statusCode: number; message: string };

    expect(response.status).toBe(400);
    expect(body.statusCode).toBe(400);
    expect(body.message).toContain(message);
  });

  it('answers 400 for a ticket that is not a positive integer', async () => {
    const response = await api.post('/api/weighings/WB-INC-1/x1/match', 'admin', { truckId: 'T1' });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('ticket');
  });

  it('answers 400 when a match names no truck', async () => {
    const response = await api.post('/api/weighings/WB-INC-1/2/match', 'admin', {});

    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('truckId');
  });

  it('lists weighings newest first with the §5 fields and ISO UTC times', async () => {
    const response = await api.get('/api/weighings', 'operator');
    const rows = (await response.json()) as Record<string, unknown>[];

    expect(rows.map((row) => row.ticket)).toEqual([3, 2, 1]);
    expect(Object.keys(rows[2]).sort()).toEqual([
      'flags', 'grossKg', 'netKg', 'plate', 'routeId', 'stream', 'tareKg', 'ticket', 'truckId',
      'ts', 'weighbridgeId',
    ]);
    expect(rows[2]).toMatchObject({ ts: new Date(T0).toISOString(), netKg: 6450 });
    expect(rows[1]).toMatchObject({ truckId: null, flags: ['unmatched'] });
  });

  it('filters weighings by time given as ISO with an offset or as epoch ms', async () => {
    const iso = await api.get('/api/weighings?from=2026-12-03T08:30:00%2B08:00', 'operator');
    const epoch = await api.get(`/api/weighings?to=${T0 + 1}&limit=5`, 'operator');

    expect(((await iso.json()) as { ticket: number }[]).map((w) => w.ticket)).toEqual([3, 2]);
    expect(((await epoch.json()) as { ticket: number }[]).map((w) => w.ticket)).toEqual([1]);
  });

  it('pages with limit and offset', async () => {
    const response = await api.get('/api/weighings?limit=1&offset=1', 'operator');

    expect(((await response.json()) as { ticket: number }[]).map((w) => w.ticket)).toEqual([2]);
  });

  it('exports CSV with a BOM, a header row, Chinese plates and RFC 4180 quoting', async () => {
    const response = await api.get('/api/weighings.csv', 'operator');
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'weighbridgeId,ticket,ts,plate,truckId,grossKg,tareKg,netKg,stream,routeId,flags');
    expect(lines).toContain(
      'WB-INC-1,1,2026-12-03T00:00:00.000Z,辽L·A1234,T001,18250,11800,6450,residual,R01,');
    expect(lines[2]).toContain('"辽L ""X"",9"');
  });

  it('returns a track in time order as JSON objects', async () => {
    const response = await api.get('/api/trucks/T001/track', 'dispatcher');
    const fixes = (await response.json()) as { ts: string; lat: number }[];

    expect(fixes.map((f) => f.ts)).toEqual([0, 60_000, 120_000].map(
      (offset) => new Date(T0 + offset).toISOString()));
    expect(fixes[0]).toMatchObject({ lat: 41.11, lon: 122.06, speedKmh: 20 });
  });

  it('returns a GeoJSON LineString in [lon, lat] order for Accept: geo+json', async () => {
    const response = await api.get('/api/trucks/T001/track?from=' + T0, 'dispatcher',
      { accept: 'application/geo+json' });
    const feature = (await response.json()) as {
      type: string;
      geometry: { type: string; coordinates: number[][] };
      properties: { times: string[] };
    };

    expect(response.headers.get('content-type')).toContain('application/geo+json');
    expect(feature.type).toBe('Feature');
    expect(feature.geometry.type).toBe('LineString');
    expect(feature.geometry.coordinates[0]).toEqual([122.06, 41.11]);
    expect(feature.properties.times[2]).toBe(new Date(T0 + 120_000).toISOString());
  });

  it('answers 404 for the track of a truck not in the registry', async () => {
    expect((await api.get('/api/trucks/T999/track', 'dispatcher')).status).toBe(404);
  });

  it('sums tonnage per local day with the period as an ISO date', async () => {
    const response = await api.get('/api/tonnage?groupBy=truck&interval=day', 'operator');

    expect(await response.json()).toEqual([
      { period: '2026-12-03', key: 'T001', netKg: 6450, tonnes: 6.45, weighings: 1 },
      { period: '2026-12-04', key: 'T001', netKg: 8200, tonnes: 8.2, weighings: 1 },
    ]);
  });

  it('sums tonnage per local month starting on the first', async () => {
    const response = await api.get('/api/tonnage?groupBy=facility&interval=month', 'operator');

    expect(await response.json()).toEqual([
      { period: '2026-12-01', key: 'FAC-INC', netKg: 14650, tonnes: 14.65, weighings: 2 },
    ]);
  });

  it('lists dead letters newest first and filters by reason', async () => {
    const all = (await (await api.get('/api/deadletters', 'engineer')).json()) as { id: string }[];
    const filtered = await api.get('/api/deadletters?reason=out_of_range', 'engineer');

    expect(all.map((d) => d.id)).toEqual(['d-2', 'd-1']);
    expect(await filtered.json()).toEqual([{
      id: 'd-1', receivedAt: new Date(T0).toISOString(), topic: 'sanitation/v1/gps/gps-T001/fix',
      deviceId: 'gps-T001', index: 3, reason: 'out_of_range',
      message: 'lat 91 is outside -90..90', payload: '{"lat":91}',
    }]);
  });

  it('lists alerts newest first', async () => {
    const response = await api.get('/api/alerts', 'operator');

    expect(((await response.json()) as { id: string }[]).map((a) => a.id)).toEqual(['a-2', 'a-1']);
  });
});
