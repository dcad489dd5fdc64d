import type { Role } from '@sanitation/contracts';
import { ApiTestApp, startApiTestApp, TOKENS } from './testing/api-test-app';

type Call = [method: 'GET' | 'POST', path: string, body?: unknown];

const ROUTES: Record<string, Call> = {
  fleet: ['GET', '/api/fleet'],
  track: ['GET', '/api/trucks/T001/track'],
  alerts: ['GET', '/api/alerts'],
  ack: ['POST', '/api/alerts/a-1/ack'],
  clear: ['POST', '/api/alerts/a-2/clear', { note: 'ok' }],
  weighings: ['GET', '/api/weighings'],
  csv: ['GET', '/api/weighings.csv'],
  tonnage: ['GET', '/api/tonnage'],
  match: ['POST', '/api/weighings/WB-INC-1/2/match', { truckId: 'T002' }],
  deadletters: ['GET', '/api/deadletters'],
  reload: ['POST', '/api/registry/reload'],
};

const ALLOWED: Record<Role, string[]> = {
  dispatcher: ['fleet', 'track', 'alerts', 'ack', 'clear'],
  operator: ['alerts', 'ack', 'clear', 'weighings', 'csv', 'tonnage', 'match'],
  engineer: ['fleet', 'track', 'alerts', 'weighings', 'csv', 'tonnage', 'deadletters', 'reload'],
  admin: Object.keys(ROUTES),
};

describe('API access (contract §5)', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp();
  });

  afterAll(async () => {
    await api.close();
  });

  const call = ([method, path, body]: Call, headers: Record<string, string>) =>
    fetch(api.url + path, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it.each(Object.keys(ROUTES))('answers 401 on %s without a token or a bad one', async (name) => {
    const missing = await call(ROUTES[name], {});
    const wrong = await call(ROUTES[name], { authorization: 'Bearer not-a-token' });

    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(wrong.status).toBe(401);
  });

  describe.each(Object.keys(ALLOWED) as Role[])('as %s', (role) => {
    it.each(Object.keys(ROUTES))('allows or forbids %s per the role matrix', async (name) => {
      const response = await call(ROUTES[name], { authorization: `Bearer ${TOKENS[role]}` });

      if (ALLOWED[role].includes(name)) expect(response.status).toBe(200);
      else expect(response.status).toBe(403);
    });
  });

  it('serves health and metrics without a token', async () => {
    const health = await api.get('/api/health');
    const metrics = await api.get('/metrics');

    expect(health.status).toBe(200);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toContain('sanitation_messages_in_total');
  });

  it('records who acknowledged by role and the first 4 characters of the token only', async () => {
    await api.post('/api/alerts/a-1/ack', 'dispatcher');

    const last = api.alerts.actions.at(-1);
    expect(last).toEqual({ id: 'a-1', by: 'dispatcher:disp' });
  });

  it('signs a browser in with an HttpOnly SameSite=Strict cookie and out again', async () => {
    const signIn = await api.post('/api/session', null, { token: TOKENS.operator });
    const setCookie = signIn.headers.get('set-cookie') ?? '';
    const cookie = setCookie.split(';')[0];

    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toMatchObject({ role: 'operator' });
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect((await api.get('/api/weighings', undefined, { cookie })).status).toBe(200);
    expect((await api.get('/api/deadletters', undefined, { cookie })).status).toBe(403);
    const session = await api.get('/api/session', undefined, { cookie });
    expect(await session.json()).toEqual({ signedIn: true, role: 'operator' });

    const signOut = await fetch(`${api.url}/api/session`,
      { method: 'DELETE', headers: { cookie } });
    expect(signOut.status).toBe(204);
    expect((await api.get('/api/weighings', undefined, { cookie })).status).toBe(401);
    const after = await api.get('/api/session', undefined, { cookie });
    expect(await after.json()).toEqual({ signedIn: false });
  });

  it('refuses to sign in with a wrong token', async () => {
    const response = await api.post('/api/session', null, { token: 'nope-nope-nope' });

    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('accepts ?access_token= on the event stream only', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${api.url}/api/fleet/stream?access_token=${TOKENS.dispatcher}`,
      { signal: controller.signal });
    const list = await api.get(`/api/fleet?access_token=${TOKENS.dispatcher}`);
    controller.abort();

    expect(stream.status).toBe(200);
    expect(list.status).toBe(401);
  });

  it('guards the OpenAPI docs and lists every route with bearer auth declared', async () => {
    const anonymous = await api.get('/api/docs-json');
    const docs = await api.get('/api/docs-json', 'dispatcher');
    const spec = (await docs.json()) as { paths: Record<string, unknown>; components: object };

    expect(anonymous.status).toBe(401);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining([
      '/api/health', '/metrics', '/api/fleet', '/api/fleet/stream', '/api/trucks/{id}/track',
      '/api/alerts', '/api/alerts/{id}/ack', '/api/alerts/{id}/clear', '/api/weighings',
      '/api/weighings.csv', '/api/weighings/{weighbridgeId}/{ticket}/match', '/api/tonnage',
      '/api/deadletters', '/api/registry/reload', '/api/session',
    ]));
    expect(JSON.stringify(spec.components)).toContain('bearer');
  });
});
