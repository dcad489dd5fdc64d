/**
 * The fleet as the console knows it: loaded from GET /api/fleet, then kept current by
 * the server-sent events of GET /api/fleet/stream (one truck state per event). The
 * session cookie authenticates the stream, as EventSource cannot send a header.
 */
import { getJson } from './api.js';

/** Wait before reopening a stream the browser gave up on (ms). */
const RECONNECT_DELAY_MS = 3000;
/** Event names a server may give truck states; unnamed events arrive as "message". */
const STATE_EVENTS = ['message', 'state'];

/** @typedef {import('./status.js').TruckState} TruckState */

export class FleetStore {
  constructor() {
    /** @type {Map<string, TruckState>} */
    this.trucks = new Map();
    /** @type {Set<(state: TruckState, previous: TruckState | undefined) => void>} */
    this.changeListeners = new Set();
    /** @type {Set<(connected: boolean, message: string) => void>} */
    this.streamListeners = new Set();
    /** @type {EventSource | null} */
    this.source = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.reconnectTimer = undefined;
    this.running = false;
  }

  /** @returns {Promise<TruckState[]>} */
  async load() {
    const states = await getJson('/api/fleet');
    if (!Array.isArray(states)) throw new Error('GET /api/fleet did not return a list.');
    this.trucks = new Map(states.map((s) => [s.truckId, s]));
    return this.list();
  }

  list() {
    return [...this.trucks.values()].sort((a, b) => a.truckId.localeCompare(b.truckId));
  }

  /** @param {string} id */
  get(id) {
    return this.trucks.get(id);
  }

  start() {
    this.running = true;
    this.open();
  }

  stop() {
    this.running = false;
    clearTimeout(this.reconnectTimer);
    this.source?.close();
    this.source = null;
  }

  open() {
    this.source?.close();
    const source = new EventSource('/api/fleet/stream', { withCredentials: true });
    this.source = source;
    source.addEventListener('open', () => this.emitStream(true, 'Live'));
    for (const name of STATE_EVENTS) {
      source.addEventListener(name, (event) => this.receive(/** @type {MessageEvent} */ (event)));
    }
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        this.emitStream(false, 'Live updates stopped; reconnecting…');
        this.scheduleReconnect();
      } else {
        this.emitStream(false, 'Live updates interrupted; reconnecting…');
      }
    });
  }

  scheduleReconnect() {
    clearTimeout(this.reconnectTimer);
    if (!this.running) return;
    this.reconnectTimer = setTimeout(() => {
      // A closed stream may mean the session ended: reloading the fleet finds out (401
      // brings back the sign-in form) and catches up on changes missed meanwhile.
      this.load()
        .then((states) => {
          for (const state of states) this.emitChange(state, undefined);
          if (this.running) this.open();
        })
        .catch(() => this.scheduleReconnect());
    }, RECONNECT_DELAY_MS);
  }

  /** @param {MessageEvent} event */
  receive(event) {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    for (const state of Array.isArray(data) ? data : [data]) {
      if (!state || typeof state.truckId !== 'string') continue;
      const previous = this.trucks.get(state.truckId);
      const merged = { ...previous, ...state };
      this.trucks.set(state.truckId, merged);
      this.emitChange(merged, previous);
    }
  }

  /**
   * @param {TruckState} state
   * @param {TruckState | undefined} previous
   */
  emitChange(state, previous) {
    for (const listener of this.changeListeners) listener(state, previous);
  }

  /**
   * @param {boolean} connected
   * @param {string} message
   */
  emitStream(connected, message) {
    for (const listener of this.streamListeners) listener(connected, message);
  }
}
