/**
 * The console shell: sign-in, tabs, and the wiring between the fleet stream, the map,
 * the lists and the panels. A 401 from any request stops everything and brings back
 * the sign-in form.
 */
import { AlertsPanel } from './alerts-panel.js';
import { ApiError, UNAUTHORIZED_EVENT, errorText, getJson } from './api.js';
import { byId } from './dom.js';
import { FleetList } from './fleet-list.js';
import { FleetStore } from './fleet-store.js';
import { renderLegend } from './legend.js';
import { MapView } from './map-view.js';
import { bindSignInForm, showSignIn, signOut } from './session.js';
import { TonnagePanel } from './tonnage-panel.js';
import { TruckDetail } from './truck-detail.js';
import { formatCityTime } from './time.js';
import { WeighingsPanel } from './weighings-panel.js';

/** Served by the API server; WGS-84 like the fixes, so no datum shift is needed. */
const DISTRICTS_URL = '/console/districts.geojson';
const ZOOM_STEP = 1.5;

const fleet = new FleetStore();
const map = new MapView(/** @type {SVGSVGElement} */ (/** @type {unknown} */ (byId('map'))), (id) =>
  select(id),
);
const list = new FleetList(byId('fleet-list'), (id) => select(id));
const detail = new TruckDetail(byId('truck-detail'), map, () => select(null));
const alerts = new AlertsPanel(
  byId('alerts'),
  (id) => fleet.get(id)?.plate,
  (open) => (byId('alert-count').textContent = String(open)),
);
const weighings = new WeighingsPanel(
  byId('weighings'),
  byId('unmatched'),
  () => fleet.list(),
  () => alerts.nudge(),
);
const tonnage = new TonnagePanel(byId('tonnage'));
let running = false;

/** @param {string | null} truckId */
function select(truckId) {
  map.select(truckId);
  list.select(truckId);
  detail.show(truckId ? (fleet.get(truckId) ?? null) : null);
}

function showFleet() {
  const trucks = fleet.list();
  map.setTrucks(trucks);
  list.setTrucks(trucks);
  renderLegend(byId('map-legend'), trucks);
}

fleet.changeListeners.add((changes) => {
  const trucks = fleet.list();
  map.updateTrucks(changes.map((c) => c.state));
  list.setTrucks(trucks);
  renderLegend(byId('map-legend'), trucks);
  for (const { state } of changes) detail.update(state);
  if (changes.some((c) => c.previous?.openAlerts !== c.state.openAlerts)) alerts.nudge();
});

fleet.streamListeners.add((connected, message) => {
  const el = byId('stream-state');
  el.textContent = message;
  el.className = connected ? 'live' : 'stale';
});

/** @param {string} text */
function fleetError(text) {
  const el = byId('fleet-message');
  el.textContent = text;
  el.hidden = !text;
}

/** @returns {Promise<{geojson: unknown} | {failure: string}>} */
function fetchDistricts() {
  return getJson(DISTRICTS_URL).then(
    (geojson) => ({ geojson }),
    (err) => ({ failure: errorText(err) }),
  );
}

/** @param {{geojson: unknown} | {failure: string}} outlines */
function showDistricts(outlines) {
  if ('geojson' in outlines) map.setDistricts(outlines.geojson);
  else byId('map-message').textContent = `District outlines unavailable: ${outlines.failure}`;
}

async function start() {
  byId('signin').hidden = true;
  // The outlines come with the fleet, so that the map is fitted to the city once, before
  // the first trucks are drawn, and not refitted under them when the file arrives later.
  const outlines = fetchDistricts();
  /** @type {unknown} */
  let fleetFailure = null;
  try {
    await fleet.load();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return;
    fleetFailure = err;
  }

  running = true;
  byId('loading').hidden = true;
  byId('app').hidden = false;
  showTab(location.hash === '#weighbridge' ? 'weighbridge' : 'fleet');
  showDistricts(await outlines);
  alerts.start();
  weighings.start();
  tonnage.start();
  if (fleetFailure) {
    fleetError(`Could not load the fleet: ${errorText(fleetFailure)}`);
    return;
  }
  fleetError('');
  showFleet();
  fleet.start();
}

function stop() {
  running = false;
  fleet.stop();
  alerts.stop();
  weighings.stop();
  tonnage.stop();
  select(null);
}

/** @param {'fleet' | 'weighbridge'} name */
function showTab(name) {
  for (const tab of document.querySelectorAll('[data-tab]')) {
    const active = tab.getAttribute('data-tab') === name;
    tab.setAttribute('aria-selected', String(active));
    byId(`view-${tab.getAttribute('data-tab')}`).hidden = !active;
  }
  if (name === 'fleet') map.refit();
  history.replaceState(null, '', `#${name}`);
}

for (const tab of document.querySelectorAll('[data-tab]')) {
  tab.addEventListener('click', () =>
    showTab(/** @type {'fleet' | 'weighbridge'} */ (tab.getAttribute('data-tab'))),
  );
}

byId('zoom-in').addEventListener('click', () => map.zoom(ZOOM_STEP));
byId('zoom-out').addEventListener('click', () => map.zoom(1 / ZOOM_STEP));
byId('zoom-fit').addEventListener('click', () => map.fit());
window.addEventListener('resize', () => map.refit());

byId('signout').addEventListener('click', () => {
  stop();
  void signOut().then(() => showSignIn('Signed out.'));
});

window.addEventListener(UNAUTHORIZED_EVENT, () => {
  if (!byId('signin').hidden) return;
  const wasRunning = running;
  stop();
  byId('loading').hidden = true;
  showSignIn(wasRunning ? 'Your session has ended; please sign in again.' : '');
});

/** @param {string} text */
function showBanner(text) {
  const banner = byId('banner');
  banner.textContent = text;
  banner.hidden = false;
}

window.addEventListener('error', (event) => showBanner(`Console error: ${event.message}`));
window.addEventListener('unhandledrejection', (event) =>
  showBanner(`Console error: ${errorText(event.reason)}`),
);

setInterval(() => (byId('clock').textContent = formatCityTime(Date.now())), 1000);
byId('clock').textContent = formatCityTime(Date.now());

bindSignInForm(() => void start());
// Asking first keeps a fresh page from calling the API (and being answered 401) unsigned.
getJson('/api/session').then(
  (session) => (/** @type {{signedIn: boolean}} */ (session).signedIn ? start() : showSignIn('')),
  () => showSignIn(''),
);
