/** Alert categories, types and severities of contract §4, with their labels. */

export const ALERT_TYPES = {
  gps_silence: { category: 'route_gap', label: 'GPS silence' },
  track_jump: { category: 'route_gap', label: 'Track jump' },
  off_route: { category: 'route_gap', label: 'Off route' },
  missed_bins: { category: 'route_gap', label: 'Missed bins' },
  overweight: { category: 'overweight_trip', label: 'Overweight' },
  weighing_missing: { category: 'unsynced_weighing', label: 'Weighing missing' },
  weighing_sequence_gap: { category: 'unsynced_weighing', label: 'Ticket sequence gap' },
  weighing_unmatched: { category: 'unsynced_weighing', label: 'Unmatched weighing' },
};

export const ALERT_CATEGORIES = {
  route_gap: 'Route gap',
  overweight_trip: 'Overweight trip',
  unsynced_weighing: 'Unsynced weighing',
};

/** Newest-first sorting needs a rank only to break ties between equal times. */
export const SEVERITY_RANK = { critical: 3, warning: 2, info: 1 };

/** @param {string} type */
export function alertTypeLabel(type) {
  return ALERT_TYPES[/** @type {keyof typeof ALERT_TYPES} */ (type)]?.label ?? type;
}

/** @param {string} category */
export function alertCategoryLabel(category) {
  return ALERT_CATEGORIES[/** @type {keyof typeof ALERT_CATEGORIES} */ (category)] ?? category;
}
