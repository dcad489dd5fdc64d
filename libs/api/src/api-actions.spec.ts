import { writeFileSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import type { TruckState } from '@sanitation/contracts';
import { ApiTestApp, startApiTestApp, TOKENS } from './testing/api-test-app';
import { CITY } from './testing/fixture-data';

describe('API actions, stream, health and errors (contract §5)', () => {
  let api: ApiTestApp;

  beforeEach(async () => {
    api = await startApiTestApp();
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await api.close();
  });

  it('streams every truck state first, then a change, as server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${api.url}/api/fleet/stream`, {
      headers: { authorization: `Bearer ${TOKENS.dispatcher}` },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value);
    };

    await readUntil('"truckId":"T002"');
    const changed: TruckState = { ...api.fleet.states[0], status: 'at_facility' };
    api.fleet.changes.next(changed);
    await readUntil('at_facility');
    controller.abort();

    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = text.split('\n\n').filter((e) => e.startsWith('data: '))
      .map((e) => JSON.parse(e.slice(6)) as TruckState);
    expect(events.map((e) => [e.truckId, e.status])).toEqual([
      ['T001', 'on_route'], ['T002', 'idle'], ['T001', 'at_facility'],
    ]);
  });

  it('ends open event streams when the app closes', async () => {
    const response = await api.get('/api/fleet/stream', 'admin');

    await api.app.close();
    const body = await response.text();

    expect(body).toContain('"truckId":"T001"');
  });

  it('clears an alert with the note and who did it, and returns it after the change', async () => {
    const response = await api.post('/api/alerts/a-2/clear', 'operator', { note: '已处理' });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'a-2', state: 'cleared' });
    expect(api.alerts.actions).toEqual([{ id: 'a-2', by: 'operator:oper', note: '已处理' }]);
  });

  it('clears without a body, with a null note', async () => {
    const response = await api.post('/api/alerts/a-1/clear', 'admin');

    expect(response.status).toBe(200);
    expect(api.alerts.actions).toEqual([{ id: 'a-1', by: 'admin:admn', note: null }]);
  });

  it('answers 404 for acknowledging an alert that does not exist', async () => {
    expect((await api.post('/api/alerts/a-404/ack', 'admin')).status).toBe(404);
  });

  it('matches a ticket through the port, recording who did it', async () => {
    const response = await api.post('/api/weighings/WB-INC-1/2/match', 'operator',
      { truckId: 'T002' });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ticket: 2, truckId: 'T002' });
    expect(api.matcher.calls).toEqual([
      { weighbridgeId: 'WB-INC-1', ticket: 2, truckId: 'T002', by: 'operator:oper' },
    ]);
  });

  it('passes the port status through when a match fails', async () => {
    const response = await api.post('/api/weighings/WB-INC-1/99/match', 'admin', { truckId: 'T2' });

    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toBe('No ticket 99');
  });

  it('reloads the registry with counts, and answers 422 keeping the old one', async () => {
    const ok = await api.post('/api/registry/reload', 'engineer');
    writeFileSync(api.registryPath, '{ not json');
    const bad = await api.post('/api/registry/reload', 'engineer');
    const trackAfter = await api.get('/api/trucks/T001/track', 'engineer');

    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      city: 'Panjin', timezone: 'Asia/Shanghai',
      counts: { facilities: 1, weighbridges: 1, trucks: CITY.trucks.length },
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { message: string }).message).toContain('cannot read JSON');
    expect(trackAfter.status).toBe(200);
  });

  it('reports health 503 with the failing check when a probe is down', async () => {
    api.broker.ok = false;

    const response = await api.get('/api/health');
    const body = (await response.json()) as { ready: boolean; checks: Record<string, object> };

    expect(response.status).toBe(503);
    expect(body.ready).toBe(false);
    expect(body.checks.broker).toEqual({ ok: false, detail: 'broker down' });
    expect(body.checks.store).toMatchObject({ ok: true });
    expect(body.checks.rules).toEqual({ ok: true });
  });

  it('answers an unexpected error with 500 naming the operation, and logs the stack', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(api.store, 'deadLetters').mockRejectedValue(new Error('disk on fire'));

    const response = await api.get('/api/deadletters', 'admin');

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      statusCode: 500, error: 'Internal Server Error', message: 'List dead letters failed',
    });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('List dead letters failed'),
      expect.stringContaining('disk on fire'));
  });
});
