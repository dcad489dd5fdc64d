/** write(): what is new, and duplicates by the identities of contract §2. */
import { batch, deadLetter, fix, page, read, status, T0, unmatched, weighing } from './fixtures';
import type { StoreContext } from './store-context';

const TAG_A = 'E2000017221101441890AB01';
const TAG_B = 'E2000017221101441890AB02';

export function describeWriteContract(context: StoreContext): void {
  describe('write', () => {
    it('resolves with every record of a new batch as the same objects it was given', async () => {
      const given = batch({
        fixes: [fix('gps-T001', T0), fix('gps-T002', T0)],
        reads: [read('rfid-T001', T0, TAG_A)],
        weighings: [weighing('WB-INC-1', 1, T0)],
        statuses: [status('gps-T001', T0)],
        deadLetters: [deadLetter('d-1', T0)],
      });

      const stored = await context.store.write(given);

      expect(stored.fixes).toHaveLength(2);
      expect(stored.fixes[0]).toBe(given.fixes[0]);
      expect(stored.fixes[1]).toBe(given.fixes[1]);
      expect(stored.reads[0]).toBe(given.reads[0]);
      expect(stored.weighings[0]).toBe(given.weighings[0]);
      expect(stored.statuses[0]).toBe(given.statuses[0]);
      expect(stored.deadLetters[0]).toBe(given.deadLetters[0]);
    });

    it('treats a fix with a stored device and ts as a duplicate and keeps the first', async () => {
      const first = fix('gps-T001', T0, { lat: 41.1 });
      await context.store.write(batch({ fixes: [first] }));

      const resent = fix('gps-T001', T0, { lat: 41.2 });
      const later = fix('gps-T001', T0 + 1);
      const otherDevice = fix('gps-T002', T0);
      const stored = await context.store.write(batch({ fixes: [resent, later, otherDevice] }));

      expect(stored.fixes).toEqual([later, otherDevice]);
      expect(stored.fixes[0]).toBe(later);
      expect(await context.store.track('T001', {})).toEqual([first, later]);
    });

    it('treats a read with a stored device, tag and ts as a duplicate', async () => {
      await context.store.write(batch({ reads: [read('rfid-T001', T0, TAG_A)] }));

      const sameTagLater = read('rfid-T001', T0 + 1, TAG_A);
      const otherTag = read('rfid-T001', T0, TAG_B);
      const otherReader = read('rfid-T002', T0, TAG_A);
      const stored = await context.store.write(
        batch({ reads: [read('rfid-T001', T0, TAG_A), sameTagLater, otherTag, otherReader] }),
      );

      expect(stored.reads).toEqual([sameTagLater, otherTag, otherReader]);
      expect(await context.store.reads({})).toHaveLength(4);
    });

    it('treats a weighing with a stored device and ticket as a duplicate', async () => {
      const first = weighing('WB-INC-1', 7, T0);
      await context.store.write(batch({ weighings: [first] }));

      const resent = weighing('WB-INC-1', 7, T0 + 60_000, { grossKg: 20_000 });
      const otherBridge = weighing('WB-INC-2', 7, T0);
      const stored = await context.store.write(batch({ weighings: [resent, otherBridge] }));

      expect(stored.weighings).toEqual([otherBridge]);
      expect(await context.store.weighing('WB-INC-1', 7)).toEqual(first);
      expect(await context.store.weighings({}, page())).toHaveLength(2);
    });

    it('stores a record repeated within one batch once and reports it once', async () => {
      const stored = await context.store.write(
        batch({
          fixes: [fix('gps-T001', T0), fix('gps-T001', T0)],
          reads: [read('rfid-T001', T0, TAG_A), read('rfid-T001', T0, TAG_A)],
          weighings: [weighing('WB-INC-1', 3, T0), weighing('WB-INC-1', 3, T0)],
          statuses: [status('gps-T001', T0), status('gps-T001', T0)],
          deadLetters: [deadLetter('d-9', T0), deadLetter('d-9', T0)],
        }),
      );

      expect(stored.fixes).toHaveLength(1);
      expect(stored.reads).toHaveLength(1);
      expect(stored.weighings).toHaveLength(1);
      expect(stored.statuses).toHaveLength(1);
      expect(stored.deadLetters).toHaveLength(1);
      expect(await context.store.track('T001', {})).toHaveLength(1);
      expect(await context.store.reads({})).toHaveLength(1);
      expect(await context.store.weighings({}, page())).toHaveLength(1);
      expect(await context.store.deadLetters({}, page())).toHaveLength(1);
    });

    it('resolves with nothing when a whole batch is redelivered', async () => {
      const given = batch({
        fixes: [fix('gps-T001', T0)],
        reads: [read('rfid-T001', T0, TAG_A)],
        weighings: [unmatched('WB-KIT-1', 1, T0)],
        statuses: [status('gps-T001', T0)],
        deadLetters: [deadLetter('d-1', T0)],
      });
      await context.store.write(given);

      const again = await context.store.write(structuredClone(given));

      expect(again).toEqual(batch({}));
    });
  });
}
