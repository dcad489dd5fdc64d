/**
 * InfluxDB line protocol, written by hand: the official client's Point costs an object per
 * field, and this path carries every fix of the fleet.
 */

export type FieldValue = number | boolean | string | { int: number } | undefined | null;

const NS_PER_MS = 1_000_000n;

function escapeKey(value: string): string {
  return value.replace(/[,= \\]/g, (ch) => `\\${ch}`).replace(/\n/g, '\\n');
}

function escapeMeasurement(value: string): string {
  return value.replace(/[, \\]/g, (ch) => `\\${ch}`);
}

function escapeString(value: string): string {
  return value.replace(/["\\]/g, (ch) => `\\${ch}`);
}

function formatField(value: Exclude<FieldValue, undefined | null>): string | null {
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'string') return `"${escapeString(value)}"`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  return Number.isFinite(value.int) ? `${Math.trunc(value.int)}i` : null;
}

/**
 * One point. `timeNs` is a bigint so that sub-millisecond offsets survive (see SCHEMA.md).
 * Tags with an empty or missing value are left out, as InfluxDB requires.
 */
export function toLine(
  measurement: string,
  tags: Record<string, string | null | undefined>,
  fields: Record<string, FieldValue>,
  timeNs: bigint,
): string {
  let line = escapeMeasurement(measurement);

  for (const key of Object.keys(tags).sort()) {
    const value = tags[key];
    if (value) line += `,${escapeKey(key)}=${escapeKey(value)}`;
  }

  const parts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    const formatted = formatField(value);
    if (formatted !== null) parts.push(`${escapeKey(key)}=${formatted}`);
  }

  return `${line} ${parts.join(',')} ${timeNs.toString()}`;
}

/**
 * Nanosecond time of a point whose identity is more than its tags and millisecond: a
 * deterministic offset below one millisecond keeps distinct records at distinct times,
 * while a redelivered record lands on the same time and overwrites itself.
 */
export function timeNs(ms: number, discriminator = ''): bigint {
  const base = BigInt(ms) * NS_PER_MS;
  return discriminator === '' ? base : base + BigInt(fnv1a(discriminator) % 1_000_000);
}

/** FNV-1a 32-bit: tiny, stable across processes and releases. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;

  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }

  return hash;
}

/** InfluxQL string literal. */
export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** InfluxQL identifier. */
export function quoteIdent(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
