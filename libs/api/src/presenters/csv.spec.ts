import { toCsv, UTF8_BOM } from './csv';

describe('toCsv', () => {
  const csv = (rows: Record<string, unknown>[]) => toCsv(['a', 'b'], rows);

  it('starts with the BOM and a header row, ending every line with CRLF', () => {
    expect(csv([{ a: '辽L·A1234', b: 1 }])).toBe(`${UTF8_BOM}a,b\r\n辽L·A1234,1\r\n`);
  });

  it('quotes fields holding quotes, commas or line breaks, doubling quotes', () => {
    expect(csv([{ a: 'x "y", z', b: 'line\nbreak' }])).toBe(
      `${UTF8_BOM}a,b\r\n"x ""y"", z","line\nbreak"\r\n`);
  });

  it('writes null as empty, lists joined by semicolons, and defuses formulas', () => {
    expect(csv([{ a: null, b: ['overweight', 'late_sync'] }, { a: '=1+1', b: -5 }])).toBe(
      `${UTF8_BOM}a,b\r\n,overweight;late_sync\r\n'=1+1,-5\r\n`);
  });
});
