/** Device times (contract §2): ISO-8601 with an offset, or integer epoch ms in 2000..2100. */

export const MIN_DEVICE_TIME_MS = Date.UTC(2000, 0, 1);
export const MAX_DEVICE_TIME_MS = Date.UTC(2100, 0, 1);

const DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const TIME = String.raw`(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?`;
const OFFSET = String.raw`(Z|[+-]\d{2}(?::?\d{2})?)`;
const ISO_WITH_OFFSET = new RegExp(`^${DATE}T${TIME}${OFFSET}$`);

export type TimeParse =
  { ok: true; ms: number } | { ok: false; reason: 'wrong_type' | 'out_of_range'; message: string };

export function parseDeviceTime(value: unknown, field = 'ts'): TimeParse {
  if (typeof value === 'number') return parseEpochMs(value, field);
  if (typeof value === 'string') return parseIso(value, field);
  return wrongType(field, value);
}

function parseEpochMs(value: number, field: string): TimeParse {
  if (!Number.isFinite(value)) {
    return { ok: false, reason: 'out_of_range', message: `${field} ${value} is not finite` };
  }
  if (!Number.isInteger(value)) return wrongType(field, value);
  return inRange(value, field, String(value));
}

function parseIso(value: string, field: string): TimeParse {
  const match = ISO_WITH_OFFSET.exec(value);
  if (!match) return wrongType(field, value);

  const [, , month, day, hour, minute, second] = match;
  const fieldsValid =
    +month >= 1 &&
    +month <= 12 &&
    +day >= 1 &&
    +day <= 31 &&
    +hour <= 23 &&
    +minute <= 59 &&
    (second === undefined || +second <= 59);
  const ms = Date.parse(normaliseOffset(value));
  if (!fieldsValid || Number.isNaN(ms)) return wrongType(field, value);
  return inRange(ms, field, value);
}

/** Date.parse wants `+08:00`; devices also send `+0800` and `+08`. */
function normaliseOffset(value: string): string {
  return value
    .replace(',', '.')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
    .replace(/([+-]\d{2})$/, '$1:00');
}

function inRange(ms: number, field: string, shown: string): TimeParse {
  if (ms < MIN_DEVICE_TIME_MS || ms >= MAX_DEVICE_TIME_MS) {
    return {
      ok: false,
      reason: 'out_of_range',
      message: `${field} ${shown} is outside 2000..2100`,
    };
  }
  return { ok: true, ms };
}

function wrongType(field: string, value: unknown): TimeParse {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return {
    ok: false,
    reason: 'wrong_type',
    message: `${field} ${shown} is neither ISO-8601 with an offset nor integer epoch milliseconds`,
  };
}

/** Times the platform returns: ISO-8601 in UTC with milliseconds. */
export const isoUtc = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : isoUtc(ms);
