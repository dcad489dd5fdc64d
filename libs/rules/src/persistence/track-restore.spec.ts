import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixRecord } from '@sanitation/contracts';
import { along, at, fix, harness, offPath } from '../spec-helpers';
import { SqliteRulesRepository } from './sqlite-rules-repository';

/** Saved rule state holds no tracks: the platform gives them back from its store. */
describe('truck tracks across a restart', () => {
  let dataDir: string;
  const stored: FixRecord[] = [];

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rules-tracks-'));
    stored.length = 0;
    const first = harness({ repository: new SqliteRulesRepository(dataDir) });
    for (const [i, ts] of [at('06:10:00'), at('06:10:30'), at('06:11:00')].entries()) {
      const record = fix('T001', ts, along(0.1 + i * 0.001));
      first.engine.ingest({ fixes: [record] });
      stored.push(record);
    }
    first.engine.close();
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const reopen = () => harness({ repository: new SqliteRulesRepository(dataDir) });
  const jumpAway = fix('T001', at('06:11:10'), offPath(0.5));

  it('asks for the last 30 minutes of the trucks it knows', () => {
    const second = reopen();
    expect(second.engine.trackWindow()).toEqual({
      truckIds: expect.arrayContaining(['T001']),
      fromMs: at('06:11:00') - 30 * 60_000,
      toMs: at('06:11:00') + 1,
    });
    second.engine.close();
  });

  it('without its track back, a truck cannot tell a jump (why the track is restored)', () => {
    const second = reopen();
    second.engine.ingest({ fixes: [jumpAway] });
    expect(second.raised('track_jump')).toHaveLength(0);
    second.engine.close();
  });

  it('judges the next fix against the restored track: a jump is still a jump', () => {
    const second = reopen();
    second.engine.restoreTrack('T001', stored);
    second.engine.ingest({ fixes: [jumpAway] });
    expect(second.raised('track_jump')).toHaveLength(1);
    second.engine.close();
  });

  it('leaves out stored fixes it had not judged, so their redelivery is judged', () => {
    const second = reopen();
    const unjudged = fix('T001', at('06:11:05'), offPath(0.5));
    second.engine.restoreTrack('T001', [...stored, unjudged]);
    second.engine.ingest({ fixes: [unjudged] });
    expect(second.raised('track_jump')).toHaveLength(1);
    second.engine.close();
  });
});
