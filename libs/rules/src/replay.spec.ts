import { scriptedDay } from './fixtures/scripted-day';
import { at, harness, iso } from './spec-helpers';

const TICK_MS = 250;

/** Feeds the day with the engine's wall clock at `start + (t - first) / speed`, ticking between. */
function replay(speed: number | 'max') {
  const messages = scriptedDay();
  const first = messages[0].t;
  const h = harness({ wallMs: 0 });

  for (const message of messages) {
    const arriveWallMs = speed === 'max' ? 0 : Math.round((message.t - first) / speed);
    if (speed !== 'max') {
      while (h.wall.ms + TICK_MS < arriveWallMs) {
        h.wall.ms += TICK_MS;
        h.engine.tick(h.wall.ms);
      }
    }
    h.wall.ms = arriveWallMs;
    h.engine.ingest(message.events);
  }
  return h;
}

const summary = (h: ReturnType<typeof harness>) =>
  h.engine.listAlerts().map((a) => ({ ...a, acknowledgedAt: null }));

describe('a scripted day replayed', () => {
  const asFast = replay('max');

  it('raises every kind of alert the day contains', () => {
    const types = new Set(asFast.engine.listAlerts().map((a) => a.type));

    expect([...types].sort()).toEqual([
      'gps_silence',
      'missed_bins',
      'off_route',
      'overweight',
      'track_jump',
      'weighing_missing',
      'weighing_sequence_gap',
      'weighing_unmatched',
    ]);
    const silence = asFast.engine.listAlerts({ type: 'gps_silence', truckId: 'T001' });
    const buffered = silence.find((a) => a.openedAt === iso(at('11:05')));
    expect(buffered).toMatchObject({ state: 'cleared', clearedAt: iso(at('11:20')) });
    expect(buffered?.details.backfilled).toBe(true);
  });

  it('raises the same alerts with the same times at 1x with ticks as in one go', () => {
    const realTime = replay(1);

    expect(summary(realTime)).toEqual(summary(asFast));
    expect(realTime.published.map((a) => `${a.id}:${a.state}`)).toEqual(
      asFast.published.map((a) => `${a.id}:${a.state}`),
    );
  });

  it('raises the same alerts at 50x', () => {
    expect(summary(replay(50))).toEqual(summary(asFast));
  });
});
