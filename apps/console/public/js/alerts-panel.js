/**
 * Open and acknowledged alerts, newest first, with Acknowledge and Clear-with-a-note.
 * Refreshed on a timer and whenever the fleet stream reports a change of openAlerts.
 */
import { errorText, getJson, postJson, withQuery } from './api.js';
import { h, replaceChildren } from './dom.js';
import {
  ALERT_CATEGORIES,
  ALERT_TYPES,
  alertCategoryLabel,
  alertTypeLabel,
} from './alert-kinds.js';
import { detailsLine, newestFirst } from './alert-format.js';
import { formatCityTime } from './time.js';

const REFRESH_MS = 5000;
/** Coalesces bursts of fleet changes into one reload (ms). */
const NUDGE_DELAY_MS = 300;
const SHOWN_STATES = ['open', 'acknowledged'];

/**
 * @typedef {object} Alert
 * @property {string} id
 * @property {string} category
 * @property {string} type
 * @property {'info' | 'warning' | 'critical'} severity
 * @property {'open' | 'acknowledged' | 'cleared'} state
 * @property {string | null} truckId
 * @property {string | null} routeId
 * @property {string | null} facilityId
 * @property {string | null} weighbridgeId
 * @property {string} openedAt
 * @property {string | null} acknowledgedAt
 * @property {Record<string, unknown>} details
 */

export class AlertsPanel {
  /**
   * @param {HTMLElement} root
   * @param {(truckId: string) => string | undefined} plateOf
   * @param {(openCount: number) => void} onCount
   */
  constructor(root, plateOf, onCount) {
    this.plateOf = plateOf;
    this.onCount = onCount;
    /** @type {Alert[]} */
    this.alerts = [];
    /** @type {string | null} the alert whose clear form is open */
    this.clearingId = null;
    this.timer = 0;
    this.nudgeTimer = 0;
    this.loading = false;
    /** A refresh asked for during another one runs after it, with the latest filters. */
    this.reloadAfter = false;

    this.category = /** @type {HTMLSelectElement} */ (
      h(
        'select',
        { id: 'alert-category', 'aria-label': 'Alert category' },
        h('option', { value: '' }, 'All categories'),
        ...Object.entries(ALERT_CATEGORIES).map(([v, l]) => h('option', { value: v }, l)),
      )
    );
    this.type = /** @type {HTMLSelectElement} */ (
      h('select', { id: 'alert-type', 'aria-label': 'Alert type' })
    );
    this.state = /** @type {HTMLSelectElement} */ (
      h(
        'select',
        { id: 'alert-state', 'aria-label': 'Alert state' },
        h('option', { value: '' }, 'Open and acknowledged'),
        h('option', { value: 'open' }, 'Open only'),
        h('option', { value: 'acknowledged' }, 'Acknowledged only'),
      )
    );
    this.message = h('p', { className: 'small', id: 'alerts-message', role: 'status' });
    this.list = h('ul', { className: 'alert-list', id: 'alert-list' });

    this.fillTypes();
    this.category.addEventListener('change', () => {
      this.fillTypes();
      void this.refresh();
    });
    this.type.addEventListener('change', () => void this.refresh());
    this.state.addEventListener('change', () => void this.refresh());
    replaceChildren(
      root,
      h('div', { className: 'filters' }, this.category, this.type, this.state),
      this.message,
      this.list,
    );
  }

  fillTypes() {
    const category = this.category.value;
    const types = Object.entries(ALERT_TYPES).filter(
      ([, t]) => !category || t.category === category,
    );
    replaceChildren(
      this.type,
      h('option', { value: '' }, 'All types'),
      ...types.map(([v, t]) => h('option', { value: v }, t.label)),
    );
  }

  start() {
    this.stop();
    void this.refresh();
    this.timer = window.setInterval(() => void this.refresh(), REFRESH_MS);
  }

  stop() {
    clearInterval(this.timer);
    clearTimeout(this.nudgeTimer);
  }

  nudge() {
    clearTimeout(this.nudgeTimer);
    this.nudgeTimer = window.setTimeout(() => void this.refresh(), NUDGE_DELAY_MS);
  }

  async refresh() {
    if (this.loading) {
      this.reloadAfter = true;
      return;
    }
    this.loading = true;
    this.reloadAfter = false;
    const states = this.state.value ? [this.state.value] : SHOWN_STATES;
    try {
      const lists = await Promise.all(
        states.map((state) =>
          getJson(
            withQuery('/api/alerts', {
              state,
              category: this.category.value,
              type: this.type.value,
            }),
          ),
        ),
      );
      this.alerts = lists.flat().sort(newestFirst);
      this.message.textContent = `Updated ${formatCityTime(Date.now())}`;
      this.message.className = 'small muted';
      this.onCount(this.alerts.filter((a) => a.state === 'open').length);
      if (!this.clearingId) this.render();
    } catch (err) {
      this.message.textContent = `Could not load alerts: ${errorText(err)}`;
      this.message.className = 'small error';
    } finally {
      this.loading = false;
      if (this.reloadAfter) void this.refresh();
    }
  }

  render() {
    replaceChildren(
      this.list,
      ...this.alerts.map((a) => this.item(a)),
      this.alerts.length === 0 ? h('li', { className: 'empty' }, 'No alerts.') : null,
    );
  }

  /** @param {Alert} a */
  item(a) {
    const plate = a.truckId ? this.plateOf(a.truckId) : undefined;
    const subject = [
      a.truckId ? `${plate ?? ''} ${a.truckId}`.trim() : null,
      a.routeId && `route ${a.routeId}`,
      a.facilityId,
      a.weighbridgeId,
    ]
      .filter(Boolean)
      .join(' · ');
    const actions = h('div', { className: 'alert-actions' });
    if (a.state === 'open') {
      actions.append(
        h(
          'button',
          {
            type: 'button',
            className: 'ack',
            onclick: () => void this.acknowledge(a, actions),
          },
          'Acknowledge',
        ),
      );
    }
    actions.append(
      h(
        'button',
        {
          type: 'button',
          className: 'clear',
          onclick: () => this.openClearForm(a, actions),
        },
        'Clear…',
      ),
    );

    return h(
      'li',
      {
        className: `alert severity-${a.severity} state-${a.state}`,
        dataset: { alertId: a.id, state: a.state, severity: a.severity },
      },
      h(
        'div',
        { className: 'alert-head' },
        h('span', { className: `severity-chip ${a.severity}` }, a.severity),
        h('strong', {}, alertTypeLabel(a.type)),
        h('span', { className: 'muted small' }, ` ${alertCategoryLabel(a.category)}`),
        a.state === 'acknowledged' ? h('span', { className: 'badge' }, 'acknowledged') : null,
      ),
      h('div', { className: 'small' }, subject || '—'),
      h('div', { className: 'small muted' }, `Opened ${formatCityTime(a.openedAt)}`),
      detailsLine(a.details),
      actions,
    );
  }

  /**
   * @param {Alert} a
   * @param {HTMLElement} actions
   */
  async acknowledge(a, actions) {
    await this.act(actions, `/api/alerts/${encodeURIComponent(a.id)}/ack`, undefined);
  }

  /**
   * @param {Alert} a
   * @param {HTMLElement} actions
   */
  openClearForm(a, actions) {
    this.clearingId = a.id;
    const note = /** @type {HTMLInputElement} */ (
      h('input', {
        type: 'text',
        className: 'clear-note',
        placeholder: 'Note (why it is cleared)',
        'aria-label': 'Clear note',
        maxlength: 500,
      })
    );
    const close = () => {
      this.clearingId = null;
      this.render();
    };
    const form = h(
      'form',
      { className: 'clear-form' },
      note,
      h('button', { type: 'submit' }, 'Clear alert'),
      h('button', { type: 'button', className: 'link', onclick: close }, 'Cancel'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.clearingId = null;
      const path = `/api/alerts/${encodeURIComponent(a.id)}/clear`;
      void this.act(actions, path, { note: note.value.trim() });
    });
    replaceChildren(actions, form);
    note.focus();
  }

  /**
   * @param {HTMLElement} actions
   * @param {string} path
   * @param {unknown} body
   */
  async act(actions, path, body) {
    for (const b of actions.querySelectorAll('button')) b.disabled = true;
    try {
      await postJson(path, body);
      await this.refresh();
    } catch (err) {
      replaceChildren(actions, h('span', { className: 'error small' }, errorText(err)));
      setTimeout(() => this.render(), 4000);
    }
  }
}
