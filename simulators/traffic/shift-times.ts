/** Moves the device times inside payloads by a whole number of days (replay --shift-days). */

export const DAY_MS = 86_400_000;

const ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)(Z|[+-]\d{2}(?::?\d{2})?)$/;

/** Whole days from the day of `firstMs` to the day of `nowMs`, never into the future. */
export function daysToNow(firstMs: number, nowMs = Date.now()): number {
  return Math.max(0, Math.floor((nowMs - firstMs) / DAY_MS));
}

/**
 * Returns the payload with every element's `ts` moved by `shiftMs`, each time written the way
 * it came (epoch ms, or ISO with the same offset and precision). Non-JSON payloads and
 * elements without a time stay as they are.
 */
export function shiftPayloadTimes(payload: Buffer, shiftMs: number): Buffer {
  if (shiftMs === 0) return payload;
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    return payload;
  }

  const shifted = Array.isArray(value) ? value.map((element) => shiftElement(element, shiftMs))
    : shiftElement(value, shiftMs);
  return Buffer.from(JSON.stringify(shifted), 'utf8');
}

function shiftElement(element: unknown, shiftMs: number): unknown {
  if (typeof element !== 'object' || element === null || !('ts' in element)) return element;
  const ts = (element as { ts: unknown }).ts;
  return { ...element, ts: shiftTime(ts, shiftMs) };
}

export function shiftTime(ts: unknown, shiftMs: number): unknown {
  if (typeof ts === 'number' && Number.isInteger(ts)) return ts + shiftMs;
  if (typeof ts !== 'string') return ts;

  const match = ISO.exec(ts);
  if (!match) return ts;
  const [, local, zone] = match;
  const offset = zone === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00`
    : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const ms = Date.parse(`${local.replace(',', '.')}${offset}`);
  if (Number.isNaN(ms)) return ts;

  const offsetMin = offset === 'Z' ? 0
    : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
  const wall = new Date(ms + shiftMs + offsetMin * 60_000).toISOString();
  const fraction = /[.,](\d+)$/.exec(local)?.[1];
  const seconds = local.length > 16;
  const body = wall.slice(0, seconds ? 19 : 16) + (fraction ? `.${wall.slice(20, 23)
    .padEnd(fraction.length, '0')}` : '');
  return `${body}${zone}`;
}
