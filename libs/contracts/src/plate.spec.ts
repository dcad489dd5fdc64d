import { normalizePlate } from './plate';

describe('normalizePlate', () => {
  it.each([
    ['辽L·A1234', '辽LA1234'],
    ['辽l a-1234', '辽LA1234'],
    ['辽Ｌ·Ａ１２３４', '辽LA1234'],
    ['辽L\u3000A1234', '辽LA1234'],
    ['辽L•A_12.34', '辽LA1234'],
    ['辽L・A．1234', '辽LA1234'],
    [' 辽L A1234\t', '辽LA1234'],
  ])('reads %p as %p', (typed, normalized) => {
    expect(normalizePlate(typed)).toBe(normalized);
  });

  it('keeps plates that differ apart', () => {
    expect(normalizePlate('辽L·A1234')).not.toBe(normalizePlate('辽L·A1235'));
  });
});
