/**
 * Traffic that looks suspicious but is fine by contract §2 and §4 must raise nothing; each
 * trap also checks the record that would have raised the false alert.
 */
import type { TruckState } from '@sanitation/contracts';
import type { PlatformProcess } from '@sanitation/testing';
import { loadFixture } from './support/fixtures';
import { runFixture } from './support/run-fixture';

interface WeighingView {
  ticket: number;
  plate: string;
  truckId: string | null;
  netKg: number;
  flags: string[];
}

const weighings = (platform: PlatformProcess) =>
  platform.api<WeighingView[]>('/api/weighings');

describe('traps that must raise nothing', () => {
  it('a load at exactly 95% of the rated payload is not overweight', async () => {
    let tickets: WeighingView[] = [];
    const { raised } = await runFixture('trap-load-95-percent', async (platform) => {
      tickets = await weighings(platform);
    });

    expect(raised).toEqual([]);
    expect(tickets).toEqual([expect.objectContaining({ truckId: 'T001', netKg: 7600 })]);
    expect(tickets[0].flags).not.toContain('overweight');
  });

  it('a plate typed in full-width characters with a U+3000 space matches its truck', async () => {
    let tickets: WeighingView[] = [];
    const { raised } = await runFixture('trap-full-width-plate', async (platform) => {
      tickets = await weighings(platform);
    });

    expect(raised).toEqual([]);
    expect(tickets).toEqual([
      expect.objectContaining({ plate: '辽Ｌ　Ａ１２３４', truckId: 'T001' })]);
  });

  it('messages delivered twice are stored once and raise nothing', async () => {
    let trackLength = 0;
    let ticketCount = 0;
    const { raised } = await runFixture('trap-delivered-twice', async (platform) => {
      trackLength = (await platform.api<unknown[]>('/api/trucks/T001/track')).length;
      ticketCount = (await weighings(platform)).length;
    });

    expect(raised).toEqual([]);
    const fixes = (await loadFixture('trap-delivered-twice')).messages
      .filter((message) => message.topic.endsWith('/fix'));
    expect(new Set(fixes.map((fix) => fix.payload.toString())).size).toBe(fixes.length / 2);
    expect(trackLength).toBe(fixes.length / 2);
    expect(ticketCount).toBe(1);
  });

  it('a truck parked past its shift end, and one off shift all along, raise no silence',
    async () => {
      let fleet: TruckState[] = [];
      const { raised } = await runFixture('trap-parked-off-shift', async (platform) => {
        fleet = await platform.api<TruckState[]>('/api/fleet');
      });

      expect(raised).toEqual([]);
      expect(fleet.find((truck) => truck.truckId === 'T001')?.status).toBe('off_shift');
      expect(fleet.find((truck) => truck.truckId === 'T002')).toMatchObject({
        status: 'off_shift', lastFix: null, openAlerts: 0 });
    });
});
