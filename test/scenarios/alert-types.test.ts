/**
 * Contract §4, one alert type at a time: each small traffic file in test/fixtures/scenarios,
 * replayed through the embedded broker with every device's credentials, raises exactly the
 * alerts of its truth file (who, and openedAt to the millisecond) and nothing else.
 */
import { shiftedDetails } from './support/fixtures';
import { subjects } from './support/platform';
import { runFixture } from './support/run-fixture';

const SCENARIOS: [string, string][] = [
  ['gps-silence', 'raises gps_silence 300 s after the last fix before a dropout'],
  ['track-jump', 'raises track_jump for a fix 3 km off and again for the fix back'],
  ['off-route', 'raises off_route 180 s after the first fix outside the corridor'],
  ['missed-bins', 'raises missed_bins for the skipped bin at shift end + 30 min'],
  ['overweight', 'raises overweight at the time of a ticket above the rated payload'],
  ['weighing-missing', 'raises weighing_missing 30 min after leaving an unweighed facility'],
  ['weighing-sequence-gap', 'raises weighing_sequence_gap 30 min after the ticket past a gap'],
  ['weighing-unmatched-plate', 'raises weighing_unmatched at the time of an unknown plate'],
  ['weighing-unmatched-elsewhere',
    'raises weighing_unmatched 10 min after a ticket where the truck was not'],
];

describe('one scenario per alert type', () => {
  it.each(SCENARIOS)('%s: %s', async (name) => {
    const { raised, expected, shiftMs } = await runFixture(name);

    expect(expected.length).toBeGreaterThan(0);
    expect(subjects(raised)).toEqual(subjects(expected));
    for (const want of expected) {
      const got = raised.find((alert) => alert.type === want.type &&
        alert.openedAt === want.openedAt);
      expect(got?.details).toMatchObject(shiftedDetails(want.details, shiftMs));
      expect(got?.category).toBe(want.category);
      expect(got?.severity).toBe(want.severity);
    }
  }, 60_000);
});
