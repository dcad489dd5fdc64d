/**
 * The fleet as the console knows it: loaded from GET /api/fleet, then kept current by
 * the server-sent events of GET /api/fleet/stream (one truck state per event). The
 * session cookie authenticates the stream, as EventSource cannot send a header.
 *
 * Every fix changes a truck's state, so a busy city or a fast replay sends hundreds to
 * thousands of events a second. States are stored as they come but reported in batches,
 * one truck at most once per batch: rendering per event would keep the page from ever
 * painting, and the platform drops a stream that falls 1 MiB behind (contract §5).
 */
import { getJson } from './api.js';

/** Wait before reopening a stream the browser gave up on (ms). */
const RECONNECT_DELAY_MS = 3000;
/** Event names a server may give truck states; unnamed events arrive as "message". */
const STATE_EVENTS = ['message', 'state'];
/** Changes are reported at most this often (ms). */
const BATCH_MS = 250;

/** @typedef {import('./status.js').TruckState} TruckState */
/** @typedef {{state: TruckState, previous: TruckState | undefined}} TruckChange */

export class FleetStore {
  constructor() {
    /** @type {Map<string, TruckState>} */
    this.trucks = new Map();
    /** @type {Set<(changes: TruckChange[]) => void>} */
    this.changeListeners = new Set();
    /**
     * Trucks changed since the last batch, with their state before the first change.
     * @type {Map<string, TruckState | undefined>}
     */
    this.pending = new Map();
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.batchTimer = undefined;
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
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    this.pending.clear();
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
          this.emitChanges(states.map((state) => ({ state, previous: undefined })));
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
      this.trucks.set(state.truckId, { ...previous, ...state });
      if (!this.pending.has(state.truckId)) this.pending.set(state.truckId, previous);
    }
    if (this.pending.size > 0 && this.batchTimer === undefined) {
      this.batchTimer = setTimeout(() => this.flush(), BATCH_MS);
    }
  }

  flush() {
    this.batchTimer = undefined;
    /** @type {TruckChange[]} */
    const changes = [];
    for (const [truckId, previous] of this.pending) {
      const state = this.trucks.get(truckId);
      if (state) changes.push({ state, previous });
    }
    this.pending.clear();
    if (changes.length > 0) this.emitChanges(changes);
  }

  /** @param {TruckChange[]} changes */
  emitChanges(changes) {
    for (const listener of this.changeListeners) listener(changes);
  }

  /**
   * @param {boolean} connected
   * @param {string} message
   */
  emitStream(connected, message) {
    for (const listener of this.streamListeners) listener(connected, message);
  }
}
