import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateRegistryFile } from './validate-registry';

const MINI = join(__dirname, '../../../seeds/mini/registry.json');
const mini = () =>
  JSON.parse(readFileSync(MINI, 'utf8')) as Record<string, Record<string, unknown>[]>;

describe('validateRegistryFile', () => {
  it('finds nothing wrong with the mini city', () => {
    expect(validateRegistryFile(mini())).toEqual([]);
  });

  it('names the entry and field of a missing required field', () => {
    const file = mini();
    delete file.trucks[1].ratedPayloadKg;
    expect(validateRegistryFile(file)).toEqual(['trucks[1] (T002).ratedPayloadKg is missing']);
  });

  it('names a dangling reference', () => {
    const file = mini();
    file.routes[0].truckId = 'T404';
    expect(validateRegistryFile(file)).toEqual(['routes[0] (R001).truckId "T404" is not a truck']);
  });

  it('names a duplicate id', () => {
    const file = mini();
    file.bins[1].id = file.bins[0].id;
    expect(validateRegistryFile(file)).toContain(`bins[1].id "${file.bins[0].id}" is a duplicate`);
  });

  it('refuses two trucks whose plates normalise alike', () => {
    const file = mini();
    file.trucks[1].plate = String(file.trucks[0].plate).replace('·', ' ').toLowerCase();
    expect(validateRegistryFile(file)).toEqual([
      `trucks[1] (T002).plate "${file.trucks[1].plate}" is also truck T001's plate`,
    ]);
  });

  it('refuses a shift time, a stream and a secret hash of the wrong form', () => {
    const file = mini();
    file.routes[0].shiftStart = '6:00';
    file.bins[0].stream = 'glass';
    file.devices[0].secretHash = 'plain-secret';
    const problems = validateRegistryFile(file);
    expect(problems).toContain('routes[0] (R001).shiftStart "6:00" is not HH:MM');
    expect(problems.some((p) => p.startsWith('bins[0]') && p.includes('"glass"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('devices[0]') && p.includes('secretHash'))).toBe(true);
  });

  it('ignores fields it does not know', () => {
    const file = mini();
    file.trucks[0].colour = 'green' as never;
    expect(validateRegistryFile(file)).toEqual([]);
  });
});
