/** track() and reads(): time order, filters, `from` inclusive and `to` exclusive. */
import { batch, fix, read, T0 } from './fixtures';
import type { StoreContext } from './store-context';

const TAG_A = 'E2000017221101441890AB01';
const TAG_B = 'E2000017221101441890AB02';

export function describeFixAndReadContract(context: StoreContext): void {
  describe('track', () => {
    it("returns a truck's fixes in time order, also when they arrived out of order", async () => {
      const fixes = [0, 10_000, 5_000, 15_000].map((dt) => fix('gps-T001', T0 + dt));
      await context.store.write(batch({ fixes: fixes.slice(0, 2) }));
      await context.store.write(batch({ fixes: [...fixes.slice(2), fix('gps-T002', T0 + 1)] }));

      const track = await context.store.track('T001', {});

      expect(track.map((f) => f.ts)).toEqual([T0, T0 + 5_000, T0 + 10_000, T0 + 15_000]);
      expect(track.every((f) => f.truckId === 'T001')).toBe(true);
    });

    it("orders fixes of one time by device, as after a truck's GPS unit was replaced", async () => {
      const fixes = [fix('gps-T001b', T0, { truckId: 'T001' }), fix('gps-T001', T0)];
      await context.store.write(batch({ fixes }));

      const track = await context.store.track('T001', {});

      expect(track.map((f) => f.deviceId)).toEqual(['gps-T001', 'gps-T001b']);
    });

    it('includes a fix at `from` and excludes one at `to`', async () => {
      const fixes = [-1, 0, 1_000, 1_999, 2_000].map((dt) => fix('gps-T001', T0 + dt));
      await context.store.write(batch({ fixes }));

      const track = await context.store.track('T001', { from: T0, to: T0 + 2_000 });

      expect(track.map((f) => f.ts - T0)).toEqual([0, 1_000, 1_999]);
    });

    it('bounds a track on one side only', async () => {
      await context.store.write(
        batch({ fixes: [0, 1_000, 2_000].map((dt) => fix('gps-T001', T0 + dt)) }),
      );

      expect((await context.store.track('T001', { from: T0 + 1_000 })).map((f) => f.ts)).toEqual([
        T0 + 1_000,
        T0 + 2_000,
      ]);
      expect((await context.store.track('T001', { to: T0 + 1_000 })).map((f) => f.ts)).toEqual([
        T0,
      ]);
    });

    it('gives back every field as written, optional ones absent where they were', async () => {
      const full = fix('gps-T001', T0, { ignition: false, lat: 41.123456789, speedKmh: 0 });
      const bare = {
        deviceId: 'gps-T001',
        truckId: 'T001',
        ts: T0 + 1_000,
        lat: 41.1,
        lon: 122.1,
        receivedAt: T0 + 1_500,
      };
      await context.store.write(batch({ fixes: [full, bare] }));

      const [first, second] = await context.store.track('T001', {});

      expect(first).toEqual(full);
      expect(second).toEqual(bare);
      expect(JSON.parse(JSON.stringify(second))).toStrictEqual(bare);
    });

    it('is empty for a truck without fixes', async () => {
      await context.store.write(batch({ fixes: [fix('gps-T001', T0)] }));

      expect(await context.store.track('T999', {})).toEqual([]);
    });
  });

  describe('reads', () => {
    const seed = () => [
      read('rfid-T001', T0 + 2_000, TAG_A),
      read('rfid-T001', T0, TAG_B),
      read('rfid-T001', T0, TAG_A),
      read('rfid-T002', T0 + 1_000, TAG_A),
      { ...read('rfid-T009', T0 + 3_000, TAG_B), truckId: null, binId: null },
    ];

    it('returns every read in time order, then by device and tag', async () => {
      await context.store.write(batch({ reads: seed() }));

      const reads = await context.store.reads({});

      expect(reads.map((r) => [r.ts - T0, r.deviceId, r.tag])).toEqual([
        [0, 'rfid-T001', TAG_A],
        [0, 'rfid-T001', TAG_B],
        [1_000, 'rfid-T002', TAG_A],
        [2_000, 'rfid-T001', TAG_A],
        [3_000, 'rfid-T009', TAG_B],
      ]);
    });

    it('filters by truck and by device', async () => {
      await context.store.write(batch({ reads: seed() }));

      const byTruck = await context.store.reads({ truckId: 'T001' });
      const byDevice = await context.store.reads({ deviceId: 'rfid-T009' });

      expect(byTruck.map((r) => r.ts - T0)).toEqual([0, 0, 2_000]);
      expect(byDevice).toEqual([seed()[4]]);
    });

    it('includes a read at `from` and excludes one at `to`', async () => {
      await context.store.write(batch({ reads: seed() }));

      const reads = await context.store.reads({ from: T0 + 1_000, to: T0 + 3_000 });

      expect(reads.map((r) => r.ts - T0)).toEqual([1_000, 2_000]);
    });

    it('gives back every field as written', async () => {
      const given = seed();
      await context.store.write(batch({ reads: given }));

      const byKey = (r: { deviceId: string; tag: string; ts: number }) =>
        `${r.ts}|${r.deviceId}|${r.tag}`;
      const back = new Map((await context.store.reads({})).map((r) => [byKey(r), r]));

      for (const r of given) expect(back.get(byKey(r))).toEqual(r);
    });
  });
}
