/**
 * Scripts the real-platform test runs inside the console page. They are strings because
 * the project compiles without the DOM library.
 */

const CITY_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A time as the truck list writes it: the city's clock, "10:41:07". */
export function cityClock(ms: number): string {
  return CITY_CLOCK.format(ms);
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface MapGeometry {
  svg: Box;
  districts: Array<Box & { name: string; d: string }>;
  markers: Box[];
  labels: string[];
}

/** The map surface, the district paths, the truck markers and the district names. */
export const MAP_GEOMETRY = `(() => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  };
  const svg = document.getElementById('map');
  return {
    svg: box(svg),
    districts: [...svg.querySelectorAll('path.district')].map((p) => ({
      ...box(p),
      name: p.querySelector('title')?.textContent ?? '',
      d: p.getAttribute('d') ?? '',
    })),
    markers: [...svg.querySelectorAll('.truck-marker circle')].map(box),
    labels: [...svg.querySelectorAll('.district-label')].map((t) => t.textContent),
  };
})()`;

/**
 * Counts the renders of the truck list from now on: a MutationObserver calls back once per
 * task that changed the list, however many rows that task replaced.
 */
export const COUNT_LIST_RENDERS = `(() => {
  window.listRenders = 0;
  new MutationObserver(() => window.listRenders++)
    .observe(document.getElementById('truck-list'), { childList: true });
})()`;

export const LIST_RENDERS = 'window.listRenders';

/** True once the truck's row in the list shows this text. */
export function rowShows(truckId: string, text: string): string {
  const row = `.truck-row[data-truck-id=${JSON.stringify(truckId)}]`;
  return `!!document.querySelector(${JSON.stringify(row)})?.textContent.includes(${JSON.stringify(
    text,
  )})`;
}

/** Fetches a URL with the session cookie: status, content type, bytes and text. */
export function fetchInPage(url: string): string {
  return `(async () => {
    const res = await fetch(${JSON.stringify(url)}, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      bytes: [...bytes],
      text: new TextDecoder().decode(bytes),
    };
  })()`;
}

export interface FetchedInPage {
  status: number;
  type: string | null;
  bytes: number[];
  text: string;
}

export function within(inner: Box, outer: Box, slackPx = 1): boolean {
  return (
    inner.right - inner.left > 1 &&
    inner.bottom - inner.top > 1 &&
    inner.left >= outer.left - slackPx &&
    inner.right <= outer.right + slackPx &&
    inner.top >= outer.top - slackPx &&
    inner.bottom <= outer.bottom + slackPx
  );
}
