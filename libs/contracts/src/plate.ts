/**
 * Plate normalisation of contract §2: NFKC (full-width to half-width), Latin to upper
 * case, whitespace (U+3000 included) and the separators · • ・ . ． - _ removed.
 * `辽l a-1234` and `辽Ｌ·Ａ１２３４` both become `辽LA1234`.
 */
const SEPARATORS = /[\s\u3000·•・.．\-_]/gu;

export function normalizePlate(plate: string): string {
  return plate.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
}
