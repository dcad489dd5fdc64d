import { validateElement } from './validate-element';

const fix = { ts: '2026-12-03T07:15:02.000+08:00', lat: 41.119, lon: 122.0709 };
const read = { ts: 1796253302000, tag: 'E2000017221101441890AB01' };
const weighing = {
  ticket: 42,
  ts: '2026-12-03T10:41:07+08:00',
  plate: '辽L·A1234',
  grossKg: 18250,
};
const status = { online: true, ts: 1796253302000 };

describe('validateElement', () => {
  it.each([
    ['fix', fix],
    ['read', read],
    ['weighing', weighing],
    ['status', status],
  ] as const)('accepts a good %s', (channel, element) => {
    expect(validateElement(channel, element)).toMatchObject({ ok: true });
  });

  it('ignores fields it does not know', () => {
    expect(validateElement('fix', { ...fix, altitudeM: 3 })).toMatchObject({ ok: true });
  });

  it.each([
    ['a missing field', 'fix', { lat: 41, lon: 122 }, 'missing_field', 'ts is required'],
    [
      'a string for a number',
      'fix',
      { ...fix, lat: '41' },
      'wrong_type',
      'lat "41" is not a number',
    ],
    ['"NaN" as a string', 'fix', { ...fix, speedKmh: 'NaN' }, 'wrong_type', 'speedKmh "NaN"'],
    ['latitude 91', 'fix', { ...fix, lat: 91 }, 'out_of_range', 'lat 91 is outside -90..90'],
    [
      'Infinity (1e400 in JSON)',
      'fix',
      { ...fix, lon: JSON.parse('1e400') },
      'out_of_range',
      'lon Infinity',
    ],
    [
      'ts = 1e20, which @IsInt alone accepts',
      'fix',
      { ...fix, ts: 1e20 },
      'out_of_range',
      '2000..2100',
    ],
    ['a time before 2000', 'read', { ...read, ts: '1999-12-31T23:59:59Z' }, 'out_of_range', ''],
    ['a fractional epoch', 'read', { ...read, ts: 1796253302000.5 }, 'wrong_type', ''],
    ['a time without offset', 'read', { ...read, ts: '2026-12-03T07:15:02' }, 'wrong_type', ''],
    ['an impossible date', 'read', { ...read, ts: '2026-13-40T07:15:02Z' }, 'wrong_type', ''],
    ['a tag that is not hex', 'read', { ...read, tag: 'XYZ12345' }, 'wrong_type', 'not a hex EPC'],
    ['a 6-digit tag', 'read', { ...read, tag: 'ABCDEF' }, 'out_of_range', '6 hex digits'],
    ['a negative weight', 'weighing', { ...weighing, grossKg: -5 }, 'out_of_range', 'grossKg -5'],
    ['ticket 0', 'weighing', { ...weighing, ticket: 0 }, 'out_of_range', 'ticket 0'],
    ['a fractional ticket', 'weighing', { ...weighing, ticket: 1.5 }, 'wrong_type', 'integer'],
    ['a status without online', 'status', { ts: 1796253302000 }, 'missing_field', 'online'],
    ['battery over 100 %', 'status', { ...status, batteryPct: 101 }, 'out_of_range', ''],
  ] as const)('rejects %s', (_case, channel, element, reason, message) => {
    const verdict = validateElement(channel, element);
    expect(verdict).toMatchObject({ ok: false, reason });
    if (!verdict.ok) expect(verdict.message).toContain(message);
  });

  it('names the most basic problem when there are several', () => {
    const verdict = validateElement('fix', { ts: 1e20, lat: 'x' });
    expect(verdict).toMatchObject({ ok: false, reason: 'missing_field' });
  });

  it.each([null, 42, 'text', [1, 2]])('rejects %p as not_object', (element) => {
    expect(validateElement('fix', element)).toMatchObject({ ok: false, reason: 'not_object' });
  });
});
