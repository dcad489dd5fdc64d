import { fnv1a, timeNs, toLine } from './line-protocol';

describe('line protocol', () => {
  it('escapes tags and strings and types integers', () => {
    const line = toLine(
      'weighing',
      { district: '兴隆 台,区', truckId: null, facilityId: 'F=1' },
      { plate: 'say "hi" \\', ticket: { int: 42 }, netKg: 6450.5, ok: true, none: undefined },
      1_000_000n,
    );

    expect(line).toBe(
      'weighing,district=兴隆\\ 台\\,区,facilityId=F\\=1 ' +
        'plate="say \\"hi\\" \\\\",ticket=42i,netKg=6450.5,ok=t 1000000',
    );
  });

  it('keeps distinct records in one millisecond apart, and a record on its own time', () => {
    const a = timeNs(1_764_717_302_000, 'E200AB01');
    const b = timeNs(1_764_717_302_000, 'E200AB02');

    expect(a).not.toBe(b);
    expect(a).toBe(timeNs(1_764_717_302_000, 'E200AB01'));
    expect(a / 1_000_000n).toBe(1_764_717_302_000n);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });
});
