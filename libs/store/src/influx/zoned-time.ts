/** Calendar arithmetic in an IANA zone with Intl only (no time zone library). */

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, f);
  }
  return f;
}

function parts(ms: number, timezone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter(timezone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

export function localDate(ms: number, timezone: string): LocalDate {
  const p = parts(ms, timezone);
  return { year: p.year, month: p.month, day: p.day };
}

/** Offset of the zone from UTC at `ms`, in ms. */
function offsetMs(ms: number, timezone: string): number {
  const p = parts(ms, timezone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Epoch ms of local midnight starting the given date in `timezone`. */
export function zonedMidnight(date: LocalDate, timezone: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  const first = guess - offsetMs(guess, timezone);
  return guess - offsetMs(first, timezone);
}

export function monthStart(ms: number, timezone: string): number {
  const d = localDate(ms, timezone);
  return zonedMidnight({ year: d.year, month: d.month, day: 1 }, timezone);
}
