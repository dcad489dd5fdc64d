/** tonnage(): net sums by key and local day or month (Asia/Shanghai, UTC+8). */
import type { TonnageGroup, TonnageQuery } from '../telemetry-store';
import {
  batch,
  DAY0,
  DAY_MS,
  HOUR_MS,
  localMonthStart,
  MONTH0,
  T0,
  unmatched,
  weighing,
  ZONE,
} from './fixtures';
import type { StoreContext } from './store-context';

const query = (groupBy: TonnageGroup, extra: Partial<TonnageQuery> = {}): TonnageQuery => ({
  groupBy,
  interval: 'day',
  timezone: ZONE,
  ...extra,
});

/** Two days of tickets at two facilities, three trucks, two streams and two districts. */
const seed = () => [
  weighing('WB-INC-1', 1, T0, { netKg: 6_000 }),
  weighing('WB-INC-1', 2, T0 + HOUR_MS, { netKg: 5_000, truckId: 'T002' }),
  weighing('WB-KIT-1', 1, T0 + 2 * HOUR_MS, {
    netKg: 3_000,
    truckId: 'T003',
    stream: 'kitchen',
    district: '大洼区',
  }),
  weighing('WB-INC-2', 1, T0 + DAY_MS, { netKg: 7_000 }),
  { ...unmatched('WB-KIT-1', 2, T0 + DAY_MS), tareKg: 10_000, netKg: 2_000 },
  unmatched('WB-KIT-1', 3, T0 + DAY_MS + 1),
];

const DAY1 = DAY0 + DAY_MS;

export function describeTonnageContract(context: StoreContext): void {
  describe('tonnage', () => {
    beforeEach(async () => {
      await context.store.write(batch({ weighings: seed() }));
    });

    it('sums net weight by facility and local day', async () => {
      expect(await context.store.tonnage(query('facility'))).toEqual([
        { periodStart: DAY0, key: 'FAC-INC', netKg: 11_000, weighings: 2 },
        { periodStart: DAY0, key: 'FAC-KIT', netKg: 3_000, weighings: 1 },
        { periodStart: DAY1, key: 'FAC-INC', netKg: 7_000, weighings: 1 },
        { periodStart: DAY1, key: 'FAC-KIT', netKg: 2_000, weighings: 1 },
      ]);
    });

    it('sums by stream and by district, a null key last, keys in code-unit order', async () => {
      expect(await context.store.tonnage(query('stream'))).toEqual([
        { periodStart: DAY0, key: 'kitchen', netKg: 3_000, weighings: 1 },
        { periodStart: DAY0, key: 'residual', netKg: 11_000, weighings: 2 },
        { periodStart: DAY1, key: 'residual', netKg: 7_000, weighings: 1 },
        { periodStart: DAY1, key: null, netKg: 2_000, weighings: 1 },
      ]);
      expect(await context.store.tonnage(query('district', { interval: 'month' }))).toEqual([
        { periodStart: MONTH0, key: '兴隆台区', netKg: 18_000, weighings: 3 },
        { periodStart: MONTH0, key: '大洼区', netKg: 3_000, weighings: 1 },
        { periodStart: MONTH0, key: null, netKg: 2_000, weighings: 1 },
      ]);
    });

    it('sums by truck, an unmatched ticket with a net weight under a null key', async () => {
      expect(await context.store.tonnage(query('truck', { interval: 'month' }))).toEqual([
        { periodStart: MONTH0, key: 'T001', netKg: 13_000, weighings: 2 },
        { periodStart: MONTH0, key: 'T002', netKg: 5_000, weighings: 1 },
        { periodStart: MONTH0, key: 'T003', netKg: 3_000, weighings: 1 },
        { periodStart: MONTH0, key: null, netKg: 2_000, weighings: 1 },
      ]);
    });

    it('includes a ticket at `from` and excludes one at `to`', async () => {
      const rows = await context.store.tonnage(
        query('facility', { from: T0 + HOUR_MS, to: T0 + DAY_MS }),
      );

      expect(rows).toEqual([
        { periodStart: DAY0, key: 'FAC-INC', netKg: 5_000, weighings: 1 },
        { periodStart: DAY0, key: 'FAC-KIT', netKg: 3_000, weighings: 1 },
      ]);
    });

    it('cuts days at local midnight, not at UTC midnight', async () => {
      const midnight = DAY0 + 3 * DAY_MS;
      await context.store.write(
        batch({
          weighings: [
            weighing('WB-INC-1', 10, midnight - 1, { netKg: 100 }),
            weighing('WB-INC-1', 11, midnight, { netKg: 200 }),
            weighing('WB-INC-1', 12, midnight + 8 * HOUR_MS - 1, { netKg: 400 }),
          ],
        }),
      );

      const rows = await context.store.tonnage(
        query('facility', { from: midnight - HOUR_MS, to: midnight + DAY_MS }),
      );

      expect(rows).toEqual([
        { periodStart: midnight - DAY_MS, key: 'FAC-INC', netKg: 100, weighings: 1 },
        { periodStart: midnight, key: 'FAC-INC', netKg: 600, weighings: 2 },
      ]);
    });

    it('cuts months at local midnight of the first', async () => {
      await context.store.write(
        batch({
          weighings: [
            weighing('WB-INC-1', 20, MONTH0 - 1, { netKg: 100 }),
            weighing('WB-INC-1', 21, MONTH0, { netKg: 200 }),
          ],
        }),
      );

      const rows = await context.store.tonnage(
        query('facility', { interval: 'month', from: MONTH0 - DAY_MS, to: MONTH0 + HOUR_MS }),
      );

      expect(rows).toEqual([
        { periodStart: localMonthStart(-1), key: 'FAC-INC', netKg: 100, weighings: 1 },
        { periodStart: MONTH0, key: 'FAC-INC', netKg: 200, weighings: 1 },
      ]);
    });

    it('counts a matched ticket once, under its new truck', async () => {
      const [updated] = seed().filter((w) => w.weighbridgeId === 'WB-KIT-1' && w.ticket === 2);

      await context.store.updateWeighing({
        weighbridgeId: 'WB-KIT-1',
        ticket: 2,
        truckId: 'T003',
        matchedBy: 'operator',
        updated: { ...updated, truckId: 'T003', matchedBy: 'operator', flags: ['manual_match'] },
      });

      const rows = await context.store.tonnage(query('truck', { from: DAY1 }));
      expect(rows).toEqual([
        { periodStart: DAY1, key: 'T001', netKg: 7_000, weighings: 1 },
        { periodStart: DAY1, key: 'T003', netKg: 2_000, weighings: 1 },
      ]);
    });

    it('is empty for a range without tickets', async () => {
      expect(await context.store.tonnage(query('truck', { from: T0 - DAY_MS, to: T0 }))).toEqual(
        [],
      );
    });
  });
}
