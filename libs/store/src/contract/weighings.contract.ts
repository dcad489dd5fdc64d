/** weighings(), weighing() and updateWeighing(): the weigh tickets of contract §5. */
import type { WeighingRecord } from '@sanitation/contracts';
import { batch, HOUR_MS, page, T0, unmatched, weighing } from './fixtures';
import type { StoreContext } from './store-context';

const seed = (): WeighingRecord[] => [
  weighing('WB-INC-1', 1, T0),
  weighing('WB-INC-1', 2, T0 + HOUR_MS, { truckId: 'T002' }),
  weighing('WB-INC-2', 1, T0 + 2 * HOUR_MS),
  weighing('WB-KIT-1', 1, T0 + 3 * HOUR_MS, { stream: 'kitchen', district: '大洼区' }),
  unmatched('WB-KIT-1', 2, T0 + 4 * HOUR_MS),
];

const ids = (list: WeighingRecord[]) => list.map((w) => `${w.weighbridgeId}#${w.ticket}`);

export function describeWeighingContract(context: StoreContext): void {
  describe('weighings', () => {
    it('lists every ticket newest first', async () => {
      await context.store.write(batch({ weighings: seed() }));

      const list = await context.store.weighings({}, page());

      expect(ids(list)).toEqual([
        'WB-KIT-1#2',
        'WB-KIT-1#1',
        'WB-INC-2#1',
        'WB-INC-1#2',
        'WB-INC-1#1',
      ]);
    });

    it('orders tickets of the same time by ticket, highest first', async () => {
      await context.store.write(
        batch({ weighings: [weighing('WB-INC-1', 1, T0), weighing('WB-INC-1', 2, T0)] }),
      );

      expect(ids(await context.store.weighings({}, page()))).toEqual(['WB-INC-1#2', 'WB-INC-1#1']);
    });

    it('filters by facility, weighbridge and truck', async () => {
      await context.store.write(batch({ weighings: seed() }));

      const byFacility = await context.store.weighings({ facilityId: 'FAC-INC' }, page());
      const byBridge = await context.store.weighings({ weighbridgeId: 'WB-KIT-1' }, page());
      const byTruck = await context.store.weighings({ truckId: 'T001' }, page());
      const both = await context.store.weighings(
        { facilityId: 'FAC-INC', truckId: 'T001' },
        page(),
      );

      expect(ids(byFacility)).toEqual(['WB-INC-2#1', 'WB-INC-1#2', 'WB-INC-1#1']);
      expect(ids(byBridge)).toEqual(['WB-KIT-1#2', 'WB-KIT-1#1']);
      expect(ids(byTruck)).toEqual(['WB-KIT-1#1', 'WB-INC-2#1', 'WB-INC-1#1']);
      expect(ids(both)).toEqual(['WB-INC-2#1', 'WB-INC-1#1']);
    });

    it('includes a ticket at `from` and excludes one at `to`', async () => {
      await context.store.write(batch({ weighings: seed() }));

      const list = await context.store.weighings(
        { from: T0 + HOUR_MS, to: T0 + 3 * HOUR_MS },
        page(),
      );

      expect(ids(list)).toEqual(['WB-INC-2#1', 'WB-INC-1#2']);
    });

    it('pages with limit and offset', async () => {
      await context.store.write(batch({ weighings: seed() }));

      expect(ids(await context.store.weighings({}, page(2, 0)))).toEqual([
        'WB-KIT-1#2',
        'WB-KIT-1#1',
      ]);
      expect(ids(await context.store.weighings({}, page(2, 3)))).toEqual([
        'WB-INC-1#2',
        'WB-INC-1#1',
      ]);
      expect(await context.store.weighings({}, page(2, 5))).toEqual([]);
    });

    it('gives back every field as written', async () => {
      const given = seed();
      await context.store.write(batch({ weighings: given }));

      const list = await context.store.weighings({}, page());

      expect(list).toEqual([...given].reverse());
    });
  });

  describe('weighing', () => {
    it('finds a ticket by weighbridge and number, and null for one never sent', async () => {
      const given = seed();
      await context.store.write(batch({ weighings: given }));

      expect(await context.store.weighing('WB-KIT-1', 2)).toEqual(given[4]);
      expect(await context.store.weighing('WB-KIT-1', 3)).toBeNull();
      expect(await context.store.weighing('WB-NONE', 1)).toBeNull();
    });
  });

  describe('updateWeighing', () => {
    it("records an operator's match: truck, tare, net, stream, route, flags and who", async () => {
      await context.store.write(batch({ weighings: seed() }));
      const updated = weighing('WB-KIT-1', 2, T0 + 4 * HOUR_MS, {
        plate: '辽X·9999',
        plateNormalized: '辽X9999',
        truckId: 'T003',
        tareKg: 9_000,
        tareSource: 'registry',
        netKg: 9_250,
        stream: 'kitchen',
        routeId: 'R03',
        district: '大洼区',
        flags: ['manual_match'],
        matchedBy: 'operator',
      });

      await context.store.updateWeighing({
        weighbridgeId: 'WB-KIT-1',
        ticket: 2,
        truckId: 'T003',
        matchedBy: 'operator',
        updated,
      });

      expect(await context.store.weighing('WB-KIT-1', 2)).toEqual(updated);
      expect(await context.store.weighings({ truckId: 'T003' }, page())).toEqual([updated]);
      expect(await context.store.weighings({}, page())).toHaveLength(5);
    });

    it('leaves the other tickets alone', async () => {
      const given = seed();
      await context.store.write(batch({ weighings: given }));

      await context.store.updateWeighing({
        weighbridgeId: 'WB-INC-1',
        ticket: 2,
        truckId: 'T001',
        matchedBy: 'operator',
        updated: { ...given[1], truckId: 'T001', matchedBy: 'operator', flags: ['manual_match'] },
      });

      expect(await context.store.weighing('WB-INC-1', 1)).toEqual(given[0]);
      expect(await context.store.weighing('WB-INC-2', 1)).toEqual(given[2]);
      expect(await context.store.weighing('WB-INC-1', 2)).toMatchObject({
        truckId: 'T001',
        flags: ['manual_match'],
      });
    });
  });
}
