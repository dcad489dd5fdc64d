/** Calendar periods in a city's time zone, with Intl alone (no tz database package). */
import type { TonnageInterval } from './telemetry-store';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, format);
  }
  return format;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(ms: number, timezone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatter(timezone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts as unknown as LocalParts;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
export function zoneOffsetMs(ms: number, timezone: string): number {
  const p = localParts(ms, timezone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant at which a local wall-clock time occurs in the zone. */
export function localToInstant(
  timezone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): number {
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  const firstGuess = wallAsUtc - zoneOffsetMs(wallAsUtc, timezone);
  return wallAsUtc - zoneOffsetMs(firstGuess, timezone);
}

/** Start of the local day or month containing `ms`, as epoch ms. */
export function periodStart(ms: number, timezone: string, interval: TonnageInterval): number {
  const p = localParts(ms, timezone);
  return localToInstant(timezone, p.year, p.month, interval === 'day' ? p.day : 1);
}

/** `2026-12-03` or `2026-12` for a period start, in the zone's calendar. */
export function periodLabel(startMs: number, timezone: string, interval: TonnageInterval): string {
  const p = localParts(startMs, timezone);
  const month = `${p.year}-${String(p.month).padStart(2, '0')}`;
  return interval === 'month' ? month : `${month}-${String(p.day).padStart(2, '0')}`;
}
