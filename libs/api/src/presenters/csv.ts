/**
 * CSV per RFC 4180 (CRLF, fields quoted when they hold a quote, comma or line break),
 * UTF-8 with a BOM so that spreadsheet programs read the Chinese plates (contract §5).
 */
export const UTF8_BOM = '\uFEFF';

type Cell = string | number | boolean | null | undefined | readonly string[];

export function toCsv<T>(columns: (keyof T & string)[], rows: T[]): string {
  const lines = [columns.map(quote), ...rows.map((row) => columns.map((c) => cell(row[c])))];
  return UTF8_BOM + lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}

function cell(value: unknown): string {
  const typed = value as Cell;
  if (typed === null || typed === undefined) return '';
  if (Array.isArray(typed)) return quote(defuse(typed.join(';')));
  if (typeof typed === 'number' || typeof typed === 'boolean') return String(typed);
  return quote(defuse(String(typed)));
}

/**
 * Text a device typed (a plate) must not run as a formula when the file is opened in a
 * spreadsheet (OWASP "CSV injection"), so a leading = + - @ gets an apostrophe.
 */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
