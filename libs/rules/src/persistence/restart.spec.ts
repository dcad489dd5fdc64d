import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptedDay } from '../fixtures/scripted-day';
import { at, harness, iso, weighing } from '../spec-helpers';
import { SqliteRulesRepository } from './sqlite-rules-repository';

describe('a restart in the middle of the day', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rules-restart-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no alert, raises none twice and still fires a pending deadline', () => {
    const messages = scriptedDay();
    const split = at('11:03');
    const reference = harness();
    for (const message of messages) reference.engine.ingest(message.events);

    const before = harness({ repository: new SqliteRulesRepository(dataDir) });
    for (const message of messages.filter((m) => m.t < split)) before.engine.ingest(message.events);
    const openBefore = before.engine.listAlerts({ state: 'open' }).length;
    before.engine.close();

    const after = harness({ repository: new SqliteRulesRepository(dataDir) });
    const reloaded = after.engine.listAlerts({ state: 'open' }).length;
    for (const message of messages.filter((m) => m.t >= split)) after.engine.ingest(message.events);
    after.engine.close();

    expect(openBefore).toBeGreaterThan(3);
    expect(reloaded).toBe(openBefore);
    const raisedTwice = after.raised().filter((a) => before.raised().some((b) => b.id === a.id));
    expect(raisedTwice).toEqual([]);
    expect(after.engine.listAlerts()).toEqual(reference.engine.listAlerts());
    const silence = after.raised('gps_silence').find((a) => a.truckId === 'T001');
    expect(silence?.openedAt).toBe(iso(at('11:05')));
  });

  it('keeps acknowledgements and the clock across a restart', () => {
    const first = harness({ repository: new SqliteRulesRepository(dataDir) });
    first.engine.ingest({ weighings: [weighing(1, at('09:30'), '辽L·A1234', 21_000)] });
    const clockBefore = first.engine.clockNow();
    const alert = first.engine.listAlerts()[0];
    first.engine.ack(alert.id, 'ops-1');
    first.engine.close();

    const second = harness({ repository: new SqliteRulesRepository(dataDir) });

    expect(second.engine.clockNow()).toBe(clockBefore);
    expect(second.engine.getAlert(alert.id)).toMatchObject({
      state: 'acknowledged',
      acknowledgedAt: iso(first.wall.ms),
    });
    second.engine.close();
  });
});
