/** How one alert reads: its order in the list and its details as one line of text. */
import { SEVERITY_RANK } from './alert-kinds.js';
import { h } from './dom.js';
import { formatCityClock, formatCityTime, toEpochMs } from './time.js';

/** @typedef {import('./alerts-panel.js').Alert} Alert */

/**
 * @param {Alert} a
 * @param {Alert} b
 */
export function newestFirst(a, b) {
  const byTime = toEpochMs(b.openedAt) - toEpochMs(a.openedAt);
  return byTime || (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0);
}

/** @param {Record<string, unknown> | null | undefined} details */
export function detailsLine(details) {
  if (!details || Object.keys(details).length === 0) return null;
  const text = Object.entries(details)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : formatDetail(v)}`)
    .join(' · ');
  return h('div', { className: 'small muted details' }, text);
}

/** @param {unknown} v */
function formatDetail(v) {
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) return formatCityTime(v);
  if (isPlace(v)) return `${formatCityClock(v.ts)} at ${v.lat.toFixed(5)}, ${v.lon.toFixed(5)}`;
  return v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * A fix as a rule quotes it, e.g. the two ends of a track jump.
 * @param {unknown} v
 * @returns {v is {ts: string, lat: number, lon: number}}
 */
function isPlace(v) {
  if (v === null || typeof v !== 'object') return false;
  const { ts, lat, lon } = /** @type {Record<string, unknown>} */ (v);
  return typeof ts === 'string' && typeof lat === 'number' && typeof lon === 'number';
}
