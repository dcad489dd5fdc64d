/** Today's net tonnage (since midnight in the city) by facility and by waste stream. */
import { errorText, getJson, withQuery } from './api.js';
import { h, replaceChildren } from './dom.js';
import { formatTonnes, streamLabel } from './streams.js';
import { cityMidnightIso } from './time.js';

const REFRESH_MS = 30_000;

/**
 * @typedef {object} Row
 * @property {string} period
 * @property {string | null} key null for tickets without a truck, stream or district
 * @property {number} netKg
 * @property {number} tonnes
 * @property {number} weighings
 */

export class TonnagePanel {
  /** @param {HTMLElement} root */
  constructor(root) {
    this.timer = 0;
    this.byFacility = h('div', { id: 'tonnage-facility' });
    this.byStream = h('div', { id: 'tonnage-stream' });
    replaceChildren(
      root,
      h('h2', {}, "Today's tonnage (since 00:00 UTC+8)"),
      h('div', { className: 'tonnage-grid' }, this.byFacility, this.byStream),
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

  async refresh() {
    await Promise.all([
      this.load(this.byFacility, 'facility', 'By facility', (k) => k ?? '—'),
      this.load(this.byStream, 'stream', 'By stream', streamLabel),
    ]);
  }

  /**
   * @param {HTMLElement} box
   * @param {'facility' | 'stream'} groupBy
   * @param {string} title
   * @param {(key: string | null) => string} label
   */
  async load(box, groupBy, title, label) {
    const path = withQuery('/api/tonnage', { groupBy, interval: 'day', from: cityMidnightIso() });
    try {
      /** @type {Row[]} */
      const rows = await getJson(path);
      const list = (Array.isArray(rows) ? rows : []).sort((a, b) => b.netKg - a.netKg);
      const total = list.reduce((sum, r) => sum + (r.tonnes ?? r.netKg / 1000), 0);
      const weighings = list.reduce((sum, r) => sum + (r.weighings ?? 0), 0);
      replaceChildren(
        box,
        h('h3', {}, title),
        h(
          'table',
          { className: 'tonnage', dataset: { groupBy } },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, groupBy === 'facility' ? 'Facility' : 'Stream'),
              h('th', { className: 'num' }, 'Tonnes'),
              h('th', { className: 'num' }, 'Tickets'),
            ),
          ),
          h(
            'tbody',
            {},
            ...list.map((r) =>
              h(
                'tr',
                {},
                h('td', {}, label(r.key)),
                h('td', { className: 'num' }, formatTonnes(r.tonnes ?? r.netKg / 1000)),
                h('td', { className: 'num' }, r.weighings ?? '—'),
              ),
            ),
          ),
          h(
            'tfoot',
            {},
            h(
              'tr',
              {},
              h('th', {}, 'Total'),
              h('th', { className: 'num' }, formatTonnes(total)),
              h('th', { className: 'num' }, weighings),
            ),
          ),
        ),
        list.length === 0 ? h('p', { className: 'muted small' }, 'Nothing weighed today.') : null,
      );
    } catch (err) {
      replaceChildren(
        box,
        h('h3', {}, title),
        h('p', { className: 'error small' }, `Could not load tonnage: ${errorText(err)}`),
      );
    }
  }
}
