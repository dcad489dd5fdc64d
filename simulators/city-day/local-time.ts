/** Local wall-clock times of a registry's timezone, done with Intl (no tz library). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timezone, format);
  }
  return format;
}

/** Offset of `timezone` from UTC at instant `ms`, in minutes (east positive). */
export function offsetMinutes(ms: number, timezone: string): number {
  const parts = Object.fromEntries(formatter(timezone).formatToParts(new Date(ms))
    .map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute,
    +parts.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** Local calendar date `YYYY-MM-DD` of instant `ms`. */
export function localDate(ms: number, timezone: string): string {
  const shifted = new Date(ms + offsetMinutes(ms, timezone) * 60_000);
  return shifted.toISOString().slice(0, 10);
}

/** The instant of local `date` (YYYY-MM-DD) at `hhmm` (HH:MM or HH:MM:SS) in `timezone`. */
export function localToUtcMs(date: string, hhmm: string, timezone: string): number {
  const [hours, minutes, seconds = 0] = hhmm.split(':').map(Number);
  const [year, month, day] = date.split('-').map(Number);
  const naive = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  const guess = naive - offsetMinutes(naive, timezone) * 60_000;
  return naive - offsetMinutes(guess, timezone) * 60_000;
}

/** ISO-8601 with the local offset, e.g. `2026-12-03T07:15:02.000+08:00`. */
export function isoLocal(ms: number, timezone: string, withMs = true): string {
  const offset = offsetMinutes(ms, timezone);
  const text = new Date(ms + offset * 60_000).toISOString().slice(0, withMs ? 23 : 19);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${text}${sign}${hours}:${minutes}`;
}
