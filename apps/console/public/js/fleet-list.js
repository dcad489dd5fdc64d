/** The side list of trucks: a status filter with counts, a search box, one row per truck. */
import { appendAll, h, replaceChildren } from './dom.js';
import { STATUSES, statusStyle } from './status.js';
import { formatCityClock } from './time.js';

/** @typedef {import('./status.js').TruckState} TruckState */

export class FleetList {
  /**
   * @param {HTMLElement} root
   * @param {(truckId: string) => void} onSelect
   */
  constructor(root, onSelect) {
    this.onSelect = onSelect;
    /** @type {TruckState[]} */
    this.trucks = [];
    /** @type {string | null} */
    this.selectedId = null;

    this.statusFilter = /** @type {HTMLSelectElement} */ (
      h('select', { id: 'fleet-status-filter', 'aria-label': 'Filter by status' })
    );
    this.search = /** @type {HTMLInputElement} */ (
      h('input', {
        id: 'fleet-search',
        type: 'search',
        placeholder: 'Plate or truck id',
        'aria-label': 'Search by plate or truck id',
      })
    );
    this.summary = h('p', { className: 'muted', id: 'fleet-summary' });
    this.list = h('ul', { className: 'truck-list', id: 'truck-list' });

    this.statusFilter.addEventListener('change', () => this.render());
    this.search.addEventListener('input', () => this.render());
    replaceChildren(
      root,
      h('div', { className: 'filters' }, this.statusFilter, this.search),
      this.summary,
      this.list,
    );
  }

  /** @param {TruckState[]} trucks */
  setTrucks(trucks) {
    this.trucks = trucks;
    this.render();
  }

  /** @param {string | null} truckId */
  select(truckId) {
    this.selectedId = truckId;
    this.render();
  }

  renderStatusOptions() {
    if (this.statusFilter.options.length === 0) {
      appendAll(this.statusFilter, [
        h('option', { value: '' }),
        ...STATUSES.map((s) => h('option', { value: s })),
      ]);
    }
    /** @type {Record<string, number>} */
    const counts = {};
    for (const t of this.trucks) counts[t.status] = (counts[t.status] ?? 0) + 1;
    for (const option of this.statusFilter.options) {
      const s = option.value;
      option.textContent = s
        ? `${statusStyle(s).label} (${counts[s] ?? 0})`
        : `All statuses (${this.trucks.length})`;
    }
  }

  /** @param {TruckState} t */
  matches(t) {
    const status = this.statusFilter.value;
    if (status && t.status !== status) return false;
    const query = this.search.value
      .trim()
      .toLowerCase()
      .replace(/[\s·•・.．\-_]/g, '');
    if (!query) return true;
    const plate = t.plate
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s·•・.．\-_]/g, '');
    return plate.includes(query) || t.truckId.toLowerCase().includes(query);
  }

  render() {
    this.renderStatusOptions();
    const shown = this.trucks.filter((t) => this.matches(t));
    this.summary.textContent = `${shown.length} of ${this.trucks.length} trucks`;
    replaceChildren(
      this.list,
      ...shown.map((t) => this.row(t)),
      shown.length === 0 ? h('li', { className: 'empty' }, 'No truck matches.') : null,
    );
  }

  /** @param {TruckState} t */
  row(t) {
    const style = statusStyle(t.status);
    const alerts =
      t.openAlerts > 0
        ? h('span', { className: 'badge alert-badge', title: 'Open alerts' }, t.openAlerts)
        : null;
    return h(
      'li',
      {
        className: t.truckId === this.selectedId ? 'truck-row selected' : 'truck-row',
        dataset: { truckId: t.truckId, status: t.status },
        tabindex: 0,
        role: 'button',
        onclick: () => this.onSelect(t.truckId),
        onkeydown: (/** @type {KeyboardEvent} */ e) => {
          if (e.key === 'Enter' || e.key === ' ') this.onSelect(t.truckId);
        },
      },
      h('span', { className: 'dot', style: `background:${style.colour}` }),
      h(
        'span',
        { className: 'truck-main' },
        h('strong', { className: 'plate' }, t.plate),
        h('span', { className: 'muted' }, ` ${t.truckId}`),
        h('br'),
        h(
          'span',
          { className: 'muted small' },
          `${style.label} · bins ${t.binsServed}/${t.binsPlanned} · `,
          t.lastFix ? formatCityClock(t.lastFix.ts) : 'no fix',
        ),
      ),
      alerts,
    );
  }
}
