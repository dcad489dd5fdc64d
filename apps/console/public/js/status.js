/** Truck statuses of contract §5 and how the console shows them. */

/** @typedef {'on_route' | 'idle' | 'at_facility' | 'offline' | 'off_shift'} TruckStatus */

/**
 * @typedef {object} TruckState
 * @property {string} truckId
 * @property {string} plate
 * @property {TruckStatus} status
 * @property {{ts: string, lat: number, lon: number, speedKmh: number | null} | null} lastFix
 * @property {string | null} routeId
 * @property {number} binsServed
 * @property {number} binsPlanned
 * @property {number} openAlerts
 */

/** @type {Record<TruckStatus, {label: string, colour: string}>} */
export const STATUS_STYLE = {
  on_route: { label: 'On route', colour: '#2e7d32' },
  idle: { label: 'Idle', colour: '#e0a100' },
  at_facility: { label: 'At facility', colour: '#1565c0' },
  offline: { label: 'Offline', colour: '#c62828' },
  off_shift: { label: 'Off shift', colour: '#8a96a3' },
};

/** @type {TruckStatus[]} */
export const STATUSES = /** @type {TruckStatus[]} */ (Object.keys(STATUS_STYLE));

const UNKNOWN = { label: 'Unknown', colour: '#000000' };

/** @param {string} status */
export function statusStyle(status) {
  return STATUS_STYLE[/** @type {TruckStatus} */ (status)] ?? { ...UNKNOWN, label: status };
}
