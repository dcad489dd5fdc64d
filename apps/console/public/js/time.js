/**
 * Times shown in the city's own zone. Asia/Shanghai has had no daylight saving since
 * 1991, so a fixed "+08:00" is exact for "today" boundaries.
 */

export const CITY_ZONE = 'Asia/Shanghai';
export const ZONE_LABEL = 'UTC+8';
const CITY_OFFSET = '+08:00';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: CITY_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** @param {string | number | Date} value */
function toDate(value) {
  return value instanceof Date ? value : new Date(value);
}

/** @param {string | number | Date} value */
function cityParts(value) {
  /** @type {Record<string, string>} */
  const parts = {};
  for (const p of partsFormat.formatToParts(toDate(value))) parts[p.type] = p.value;
  return parts;
}

/**
 * "2026-12-03 10:41:07 UTC+8"; an empty or unparsable time becomes "—".
 * @param {string | number | Date | null | undefined} value
 */
export function formatCityTime(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (Number.isNaN(toDate(value).getTime())) return String(value);
  const p = cityParts(value);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${ZONE_LABEL}`;
}

/**
 * Clock time only, for dense lists: "10:41:07".
 * @param {string | number | Date | null | undefined} value
 */
export function formatCityClock(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (Number.isNaN(toDate(value).getTime())) return String(value);
  const p = cityParts(value);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** Midnight of today in the city, as ISO-8601 with its offset. */
export function cityMidnightIso(now = new Date()) {
  const p = cityParts(now);
  return `${p.year}-${p.month}-${p.day}T00:00:00${CITY_OFFSET}`;
}

/** @param {string | number} value */
export function toEpochMs(value) {
  return typeof value === 'number' ? value : Date.parse(value);
}
