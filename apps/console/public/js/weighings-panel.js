/**
 * Recent weigh tickets (GET /api/weighings?limit=200) with overweight and unmatched
 * ones highlighted, the CSV download, and a form to match each unmatched ticket to a
 * truck (POST /api/weighings/{weighbridgeId}/{ticket}/match).
 */
import { errorText, getJson, postJson, withQuery } from './api.js';
import { h, replaceChildren } from './dom.js';
import { formatKg, streamLabel } from './streams.js';
import { formatCityTime } from './time.js';

const RECENT_LIMIT = 200;
const REFRESH_MS = 10_000;

/**
 * @typedef {object} Weighing
 * @property {string} weighbridgeId
 * @property {number} ticket
 * @property {string | number} ts
 * @property {string} plate
 * @property {string | null} truckId
 * @property {number} grossKg
 * @property {number | null} tareKg
 * @property {number | null} netKg
 * @property {string | null} stream
 * @property {string | null} routeId
 * @property {string[]} flags
 */

const COLUMNS = [
  'Time (UTC+8)',
  'Weighbridge',
  'Ticket',
  'Plate',
  'Truck',
  'Gross kg',
  'Tare kg',
  'Net kg',
  'Stream',
  'Flags',
];

/** @param {{weighbridgeId: string | null, ticket: unknown}} w */
const ticketKey = (w) => `${w.weighbridgeId}/${w.ticket}`;

export class WeighingsPanel {
  /**
   * @param {HTMLElement} tableRoot
   * @param {HTMLElement} unmatchedRoot
   * @param {() => Array<{truckId: string, plate: string}>} trucks
   * @param {() => void} onChange called after a ticket was matched
   */
  constructor(tableRoot, unmatchedRoot, trucks, onChange) {
    this.trucks = trucks;
    this.onChange = onChange;
    this.timer = 0;
    /** @type {string | null} the tickets the forms were built for; null forces a rebuild */
    this.unmatchedKeys = null;
    /**
     * Tickets of open weighing_unmatched alerts, some of which name a truck (§4).
     * @type {Set<string>}
     */
    this.alerted = new Set();

    this.message = h('p', { className: 'small', id: 'weighings-message', role: 'status' });
    this.body = h('tbody');
    this.unmatchedMessage = h('p', { className: 'small', id: 'unmatched-message' });
    this.unmatchedList = h('ul', { className: 'unmatched-list', id: 'unmatched-list' });
    this.truckOptions = h('datalist', { id: 'truck-options' });

    replaceChildren(
      tableRoot,
      h(
        'div',
        { className: 'panel-head' },
        h('h2', {}, `Recent tickets (last ${RECENT_LIMIT})`),
        h(
          'a',
          { href: '/api/weighings.csv', download: 'weighings.csv', id: 'weighings-csv' },
          'Download CSV',
        ),
      ),
      this.message,
      h(
        'div',
        { className: 'table-wrap' },
        h(
          'table',
          { className: 'weighings', id: 'weighings-table' },
          h('thead', {}, h('tr', {}, ...COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
          this.body,
        ),
      ),
    );
    replaceChildren(
      unmatchedRoot,
      h('h2', {}, 'Unmatched tickets'),
      this.unmatchedMessage,
      this.unmatchedList,
      this.truckOptions,
    );
  }

  start() {
    this.stop();
    void this.refresh();
    this.timer = window.setInterval(() => void this.refresh(), REFRESH_MS);
  }

  stop() {
    clearInterval(this.timer);
  }

  /**
   * No truck, or a truck whose fixes put it elsewhere: either way an operator must match it.
   * @param {Weighing} w
   */
  isUnmatched(w) {
    return !w.truckId || (w.flags ?? []).includes('unmatched') || this.alerted.has(ticketKey(w));
  }

  async refresh() {
    try {
      const [list, alerted] = await Promise.all([
        getJson(`/api/weighings?limit=${RECENT_LIMIT}`),
        unmatchedAlertTickets(),
      ]);
      /** @type {Weighing[]} */
      const weighings = Array.isArray(list) ? list : [];
      this.alerted = alerted;
      this.renderTable(weighings);
      this.renderUnmatched(weighings.filter((w) => this.isUnmatched(w)));
      this.message.textContent =
        `${weighings.length} tickets · updated ` + formatCityTime(Date.now());
      this.message.className = 'small muted';
    } catch (err) {
      this.message.textContent = `Could not load weighings: ${errorText(err)}`;
      this.message.className = 'small error';
    }
  }

  /** @param {Weighing[]} weighings */
  renderTable(weighings) {
    replaceChildren(
      this.body,
      ...weighings.map((w) => {
        const flags = w.flags ?? [];
        const classes = [
          flags.includes('overweight') ? 'overweight' : '',
          this.isUnmatched(w) ? 'unmatched' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return h(
          'tr',
          { className: classes, dataset: { ticket: ticketKey(w) } },
          h('td', { className: 'nowrap' }, formatCityTime(w.ts)),
          h('td', {}, w.weighbridgeId),
          h('td', { className: 'num' }, w.ticket),
          h('td', { className: 'plate' }, w.plate),
          h('td', {}, w.truckId ?? '—'),
          h('td', { className: 'num' }, formatKg(w.grossKg)),
          h('td', { className: 'num' }, formatKg(w.tareKg)),
          h('td', { className: 'num' }, formatKg(w.netKg)),
          h('td', {}, streamLabel(w.stream)),
          h('td', {}, ...flags.map((f) => h('span', { className: `flag flag-${f}` }, f))),
        );
      }),
      weighings.length === 0
        ? h('tr', {}, h('td', { colspan: COLUMNS.length, className: 'empty' }, 'No tickets.'))
        : null,
    );
  }

  /** @param {Weighing[]} unmatched */
  renderUnmatched(unmatched) {
    // Rebuilding the forms while an operator types in one would lose the input.
    const keys = unmatched.map(ticketKey).join('|');
    if (keys === this.unmatchedKeys) return;
    this.unmatchedKeys = keys;

    replaceChildren(
      this.truckOptions,
      ...this.trucks().map((t) => h('option', { value: t.truckId }, t.plate)),
    );
    this.unmatchedMessage.textContent = unmatched.length
      ? 'These tickets name a plate no truck has, or a truck that was elsewhere at the time. ' +
        'Match each to the truck that was weighed.'
      : 'Every recent ticket is matched to a truck.';
    replaceChildren(this.unmatchedList, ...unmatched.map((w) => this.matchForm(w)));
  }

  /** @param {Weighing} w */
  matchForm(w) {
    const input = /** @type {HTMLInputElement} */ (
      h('input', {
        type: 'text',
        list: 'truck-options',
        required: true,
        placeholder: 'Truck id',
        'aria-label': `Truck for ticket ${w.ticket}`,
      })
    );
    const status = h('span', { className: 'small' });
    const form = h(
      'form',
      { className: 'match-form', dataset: { ticket: ticketKey(w) } },
      h(
        'span',
        {},
        h('strong', {}, `${w.weighbridgeId} #${w.ticket}`),
        ' ',
        h('span', { className: 'plate' }, w.plate),
        ' ',
        h(
          'span',
          { className: 'muted small' },
          `${formatCityTime(w.ts)} · net ${formatKg(w.netKg)} kg`,
        ),
      ),
      input,
      h('button', { type: 'submit' }, 'Match to truck'),
      status,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.match(w, input.value.trim(), status);
    });
    return h('li', {}, form);
  }

  /**
   * @param {Weighing} w
   * @param {string} truckId
   * @param {HTMLElement} status
   */
  async match(w, truckId, status) {
    if (!truckId) return;
    const path =
      `/api/weighings/${encodeURIComponent(w.weighbridgeId)}/` +
      `${encodeURIComponent(String(w.ticket))}/match`;
    status.textContent = 'Matching…';
    status.className = 'small';
    try {
      await postJson(path, { truckId });
      status.textContent = `Matched to ${truckId}.`;
      this.unmatchedKeys = null;
      await this.refresh();
      this.onChange();
    } catch (err) {
      status.textContent = `Could not match: ${errorText(err)}`;
      status.className = 'small error';
    }
  }
}

/**
 * The tickets that open or acknowledged `weighing_unmatched` alerts name. Without the right
 * to read alerts the panel still lists the tickets that have no truck.
 * @returns {Promise<Set<string>>}
 */
async function unmatchedAlertTickets() {
  const lists = await Promise.all(
    ['open', 'acknowledged'].map((state) =>
      getJson(withQuery('/api/alerts', { type: 'weighing_unmatched', state })).catch(() => []),
    ),
  );
  return new Set(
    lists
      .flat()
      .map((a) => ticketKey({ weighbridgeId: a.weighbridgeId, ticket: a.details?.ticket })),
  );
}
