/** deadLetters() (contract §2 "Bad input", §5 `/api/deadletters`) and health(). */
import type { DeadLetter } from '@sanitation/contracts';
import { batch, deadLetter, fix, page, T0 } from './fixtures';
import type { StoreContext } from './store-context';

const notUtf8 = Buffer.from([0xff, 0xfe, 0x00, 0x41]).toString('base64');

function seed(): DeadLetter[] {
  const { payload: _dropped, ...withoutPayload } = deadLetter('d-4', T0 + 3_000, {
    reason: 'not_json',
    index: null,
    message: 'payload is not UTF-8 JSON',
  });
  return [
    deadLetter('d-1', T0),
    deadLetter('d-2', T0 + 1_000, { reason: 'missing_field', index: null }),
    deadLetter('d-3', T0 + 2_000, {
      deviceId: null,
      topic: 'sanitation/v1/gps/gps-X/fix',
      reason: 'unknown_device',
      payload: '{"ts":"2026-12-03T07:15:02+08:00","lat":41.1,"lon":122.1,"note":"盘锦"}',
    }),
    { ...withoutPayload, payloadBase64: notUtf8 },
    deadLetter('d-5', T0 + 3_000, { deviceId: 'gps-T002', index: 0 }),
  ];
}

const ids = (letters: DeadLetter[]) => letters.map((d) => d.id);

export function describeDeadLetterAndHealthContract(context: StoreContext): void {
  describe('deadLetters', () => {
    it('lists every dead letter newest first, the later stored first on a tie', async () => {
      const given = seed();
      await context.store.write(batch({ deadLetters: given.slice(0, 4) }));
      await context.store.write(batch({ deadLetters: given.slice(4) }));

      expect(ids(await context.store.deadLetters({}, page()))).toEqual([
        'd-5',
        'd-4',
        'd-3',
        'd-2',
        'd-1',
      ]);
    });

    it('filters by reason, device and received time', async () => {
      await context.store.write(batch({ deadLetters: seed() }));

      const byReason = await context.store.deadLetters({ reason: 'out_of_range' }, page());
      const byDevice = await context.store.deadLetters({ deviceId: 'gps-T001' }, page());
      const byTime = await context.store.deadLetters({ from: T0 + 1_000, to: T0 + 3_000 }, page());

      expect(ids(byReason)).toEqual(['d-5', 'd-1']);
      expect(ids(byDevice)).toEqual(['d-4', 'd-2', 'd-1']);
      expect(ids(byTime)).toEqual(['d-3', 'd-2']);
    });

    it('pages with limit and offset', async () => {
      await context.store.write(batch({ deadLetters: seed() }));

      expect(ids(await context.store.deadLetters({}, page(2, 1)))).toEqual(['d-4', 'd-3']);
      expect(await context.store.deadLetters({}, page(2, 5))).toEqual([]);
    });

    it('keeps a text payload as text and a binary one as base64, never both', async () => {
      const given = seed();
      await context.store.write(batch({ deadLetters: given }));

      const back = new Map((await context.store.deadLetters({}, page())).map((d) => [d.id, d]));

      expect(back.get('d-3')).toStrictEqual(given[2]);
      expect(back.get('d-3')).not.toHaveProperty('payloadBase64');
      expect(back.get('d-4')).toStrictEqual(given[3]);
      expect(back.get('d-4')).not.toHaveProperty('payload');
      expect(back.get('d-1')).toStrictEqual(given[0]);
    });
  });

  describe('health', () => {
    it('is ok with nothing waiting once writes have resolved', async () => {
      await context.store.write(batch({ fixes: [fix('gps-T001', T0)] }));

      const health = await context.store.health();

      expect(health.ok).toBe(true);
      expect(health.backlog).toBe(0);
    });
  });
}
