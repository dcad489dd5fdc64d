/** The map legend: one swatch per truck status, with how many trucks have it. */
import { h, replaceChildren } from './dom.js';
import { STATUSES, statusStyle } from './status.js';

/**
 * @param {HTMLElement} root
 * @param {Array<{status: string}>} trucks
 */
export function renderLegend(root, trucks) {
  /** @type {Record<string, number>} */
  const counts = {};
  for (const t of trucks) counts[t.status] = (counts[t.status] ?? 0) + 1;
  replaceChildren(
    root,
    ...STATUSES.map((s) => {
      const style = statusStyle(s);
      return h(
        'li',
        { dataset: { status: s } },
        h('span', { className: 'swatch', style: `background:${style.colour}` }),
        ` ${style.label} `,
        h('span', { className: 'muted' }, counts[s] ?? 0),
      );
    }),
  );
}
