/**
 * The selected truck: its state, its track over the hours up to its last fix
 * (GET /api/trucks/{id}/track?from&to) drawn on the map, and the replay of that track.
 */
import { errorText, getJson, withQuery } from './api.js';
import { h, replaceChildren } from './dom.js';
import { Replay } from './replay.js';
import { statusStyle } from './status.js';
import { formatCityTime } from './time.js';

const TRACK_HOURS = [1, 2, 4, 8, 12, 24];
const DEFAULT_TRACK_HOURS = 8;
const HOUR_MS = 3_600_000;

/** @typedef {import('./status.js').TruckState} TruckState */
/** @typedef {import('./map-view.js').MapView} MapView */

export class TruckDetail {
  /**
   * @param {HTMLElement} root
   * @param {MapView} map
   * @param {() => void} onClose
   */
  constructor(root, map, onClose) {
    this.root = root;
    this.map = map;
    /** @type {TruckState | null} */
    this.truck = null;
    /** Ignores track responses for a truck no longer selected. */
    this.trackRequest = 0;

    this.info = h('div', { id: 'truck-info' });
    this.hours = /** @type {HTMLSelectElement} */ (
      h(
        'select',
        { id: 'track-hours', 'aria-label': 'Track period' },
        ...TRACK_HOURS.map((n) =>
          h('option', { value: n, selected: n === DEFAULT_TRACK_HOURS }, `last ${n} h`),
        ),
      )
    );
    this.trackStatus = h('p', { className: 'small', id: 'track-status', role: 'status' });
    this.replay = new Replay(h('div', { className: 'replay' }), (fix, follow) => {
      map.setReplayPoint(fix ? [fix.lon, fix.lat] : null);
      if (fix && follow) map.centreOn(fix.lon, fix.lat);
    });

    this.hours.addEventListener('change', () => void this.loadTrack());
    replaceChildren(
      root,
      h(
        'div',
        { className: 'panel-head' },
        h('h3', { id: 'truck-title' }, 'Truck'),
        h('button', { type: 'button', className: 'link', onclick: onClose }, 'Close'),
      ),
      this.info,
      h(
        'div',
        { className: 'track-head' },
        h('strong', {}, 'Track '),
        this.hours,
        h('button', { type: 'button', onclick: () => void this.loadTrack() }, 'Reload'),
      ),
      this.trackStatus,
      this.replay.root,
    );
    root.hidden = true;
  }

  /** @param {TruckState | null} truck */
  show(truck) {
    const changed = truck?.truckId !== this.truck?.truckId;
    this.truck = truck;
    this.root.hidden = !truck;
    if (!truck) {
      this.trackRequest++;
      this.replay.clear();
      this.map.setTrack([]);
      return;
    }
    this.renderInfo();
    if (changed) void this.loadTrack();
  }

  /** @param {TruckState} state */
  update(state) {
    if (state.truckId !== this.truck?.truckId) return;
    this.truck = state;
    this.renderInfo();
  }

  renderInfo() {
    const t = this.truck;
    if (!t) return;
    const style = statusStyle(t.status);
    const title = /** @type {HTMLElement} */ (this.root.querySelector('#truck-title'));
    replaceChildren(title, t.plate, h('span', { className: 'muted' }, ` ${t.truckId}`));
    const fix = t.lastFix;
    replaceChildren(
      this.info,
      h(
        'dl',
        { className: 'facts' },
        h('dt', {}, 'Status'),
        h(
          'dd',
          {},
          h('span', { className: 'dot', style: `background:${style.colour}` }),
          ` ${style.label}`,
        ),
        h('dt', {}, 'Route'),
        h('dd', {}, t.routeId ?? '—'),
        h('dt', {}, 'Bins served'),
        h('dd', {}, `${t.binsServed} of ${t.binsPlanned}`),
        h('dt', {}, 'Open alerts'),
        h('dd', {}, t.openAlerts),
        h('dt', {}, 'Last fix'),
        h('dd', {}, fix ? formatCityTime(fix.ts) : 'none yet'),
        h('dt', {}, 'Position'),
        h('dd', {}, fix ? `${fix.lat.toFixed(5)}, ${fix.lon.toFixed(5)} (WGS-84)` : '—'),
        h('dt', {}, 'Speed'),
        h('dd', {}, fix?.speedKmh != null ? `${fix.speedKmh.toFixed(1)} km/h` : '—'),
      ),
    );
  }

  async loadTrack() {
    const truck = this.truck;
    if (!truck) return;
    const request = ++this.trackRequest;
    const now = Date.now();
    // The hours before the truck's last fix, not before now: an offline truck, or a day
    // replayed from the past, still shows the track that led to where it stands.
    const lastFixMs = truck.lastFix ? Date.parse(truck.lastFix.ts) : NaN;
    const known = Number.isFinite(lastFixMs);
    const fromMs = (known ? Math.min(lastFixMs, now) : now) - Number(this.hours.value) * HOUR_MS;
    const toMs = known ? Math.max(now, lastFixMs + 1) : now;
    const path = withQuery(`/api/trucks/${encodeURIComponent(truck.truckId)}/track`, {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
    });
    this.trackStatus.textContent = 'Loading track…';
    this.trackStatus.className = 'small';
    try {
      const fixes = await getJson(path);
      if (request !== this.trackRequest) return;
      const list = Array.isArray(fixes) ? fixes : [];
      this.map.setTrack(list);
      this.replay.load(list);
      this.trackStatus.textContent = list.length
        ? `${list.length} fixes, ${formatCityTime(list[0].ts)} to ` +
          `${formatCityTime(list[list.length - 1].ts)}`
        : `No fixes in the ${this.hours.value} h up to ${truck.lastFix ? 'its last fix' : 'now'}.`;
    } catch (err) {
      if (request !== this.trackRequest) return;
      this.map.setTrack([]);
      this.replay.clear();
      this.trackStatus.textContent = `Could not load the track: ${errorText(err)}`;
      this.trackStatus.className = 'small error';
    }
  }
}
