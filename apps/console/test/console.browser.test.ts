/**
 * The web console in a real browser (Debian's chromium through playwright-core) against
 * the fake API of ./fake-api: sign-in, the fleet map and its live stream, alerts and
 * the weighbridge tickets.
 */
import { Browser, Page } from 'playwright-core';
import { computedStyle as computed, launchChromium } from './chromium';
import { FakeApi, startFakeApi } from './fake-api';
import { cityClock, COUNT_LIST_RENDERS, LIST_RENDERS, rowShows } from './page-probes';

jest.setTimeout(60_000);

const FLOOD_EVENTS = 1000;
/** The fleet stream is drawn in batches at most this often (fleet-store.js). */
const BATCH_MS = 250;

function legendColour(page: Page, status: string): Promise<string> {
  return computed(page, `#map-legend li[data-status="${status}"] .swatch`, 'background-color');
}

function markerFill(page: Page, truckId: string): Promise<string> {
  return computed(page, `.truck-marker[data-truck-id="${truckId}"] circle`, 'fill');
}

async function markerTransform(page: Page, truckId: string): Promise<string | null> {
  return page.getAttribute(`.truck-marker[data-truck-id="${truckId}"]`, 'transform');
}

describe('web console in a browser', () => {
  let api: FakeApi;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    api = await startFakeApi();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(api.url);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('asks for a token, refuses a wrong one and signs in with the right one', async () => {
    await page.waitForSelector('#signin-form', { state: 'visible' });

    await page.fill('#signin-token', 'not-the-token');
    await page.click('#signin-form button[type="submit"]');
    await page.waitForSelector('#signin-message.error');
    expect(await page.textContent('#signin-message')).toContain('not accepted');

    await page.fill('#signin-token', api.token);
    await page.click('#signin-form button[type="submit"]');
    await page.waitForSelector('#app', { state: 'visible' });
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'console_session')?.httpOnly).toBe(true);
  });

  it('draws every truck with a fix on the map in its status colour', async () => {
    await page.waitForSelector('.truck-marker[data-truck-id="T005"]');
    const withFix = api.fleet
      .filter((t) => t.lastFix)
      .map((t) => t.truckId)
      .sort();
    const drawn = await page.$$eval('.truck-marker', (els) =>
      els.map((el) => el.getAttribute('data-truck-id') ?? '').sort(),
    );
    expect(drawn).toEqual(withFix);

    const colours = new Set<string>();
    for (const truck of api.fleet.filter((t) => t.lastFix)) {
      const fill = await markerFill(page, truck.truckId);
      expect(fill).toBe(await legendColour(page, truck.status));
      colours.add(`${truck.status}=${fill}`);
    }
    expect(new Set([...colours].map((c) => c.split('=')[1])).size).toBe(5);
    expect(await page.textContent('#truck-list')).toContain('辽L·A1234');
  });

  it('moves and recolours a marker when the fleet stream pushes a change', async () => {
    await api.waitForStreamClients();
    const before = await markerTransform(page, 'T002');
    const truck = api.fleet.find((t) => t.truckId === 'T002');
    expect(truck?.status).toBe('idle');

    api.pushTruck({
      ...truck!,
      status: 'on_route',
      lastFix: { ts: new Date().toISOString(), lat: 41.16, lon: 122.09, speedKmh: 25 },
    });

    await page.waitForSelector('.truck-marker[data-truck-id="T002"][data-status="on_route"]');
    expect(await markerTransform(page, 'T002')).not.toBe(before);
    expect(await markerFill(page, 'T002')).toBe(await legendColour(page, 'on_route'));
  });

  it('draws a flood of stream events in batches and ends at the last state', async () => {
    await page.evaluate(COUNT_LIST_RENDERS);
    const truck = api.fleet.find((t) => t.truckId === 'T005')!;
    const started = Date.now();
    const tsOf = (i: number) => started - (FLOOD_EVENTS - i) * 1000;
    for (let i = 0; i < FLOOD_EVENTS; i++) {
      const lastFix = { ts: new Date(tsOf(i)).toISOString(), lat: 40.99 + i * 1e-5, lon: 122.07 };
      api.pushTruck({ ...truck, lastFix: { ...lastFix, speedKmh: 20 } });
    }

    await page.waitForFunction(rowShows('T005', cityClock(tsOf(FLOOD_EVENTS - 1))));
    const elapsedMs = Date.now() - started;
    expect(await page.evaluate<number>(LIST_RENDERS)).toBeLessThanOrEqual(elapsedMs / BATCH_MS + 4);
  });

  it("shows a truck's details and track with a replay slider when it is clicked", async () => {
    await page.click('.truck-row[data-truck-id="T001"]');
    await page.waitForSelector('.track-line');
    expect(await page.textContent('#truck-title')).toContain('辽L·A1234');
    const trackCall = api.requests.find((r) => r.path === '/api/trucks/T001/track');
    expect(trackCall?.query.from).toBeTruthy();
    expect(await page.isVisible('#replay-slider')).toBe(true);
    const start = await page.textContent('#replay-readout');
    expect(start).toContain('UTC+8');

    await page.selectOption('#replay-speed', '600');
    await page.click('#replay-play');
    await page.waitForFunction(
      `document.getElementById('replay-readout').textContent !== ${JSON.stringify(start)}`,
    );
    await page.click('#replay-play');
    expect(await page.isVisible('.replay-marker')).toBe(true);
  });

  it('acknowledges an alert through the API', async () => {
    const alert = '.alert[data-alert-id="a-silence-1"]';
    await page.waitForSelector(`${alert}[data-state="open"] button.ack`);
    await page.click(`${alert} button.ack`);

    await page.waitForSelector(`${alert}[data-state="acknowledged"]`);
    const ack = api.requests.find((r) => r.method === 'POST' && r.path.endsWith('/ack'));
    expect(ack?.path).toBe('/api/alerts/a-silence-1/ack');
  });

  it('clears an alert with a note', async () => {
    const alert = '.alert[data-alert-id="a-jump-1"]';
    await page.click(`${alert} button.clear`);
    await page.fill(`${alert} .clear-note`, '误报，GPS 漂移');
    await page.click(`${alert} .clear-form button[type="submit"]`);

    await page.waitForSelector(alert, { state: 'detached' });
    const clear = api.requests.find((r) => r.path === '/api/alerts/a-jump-1/clear');
    expect(clear?.body).toEqual({ note: '误报，GPS 漂移' });
  });

  it('lists weigh tickets with Chinese plates and highlights the overweight one', async () => {
    await page.click('[data-tab="weighbridge"]');
    await page.waitForSelector('#weighings-table tbody tr[data-ticket]');

    expect(await page.textContent('#weighings-table')).toContain('辽L·C3158');
    const overweight = page.locator('tr[data-ticket="WB-INC-1/42"]');
    expect(await overweight.getAttribute('class')).toContain('overweight');
    const background = (selector: string) => computed(page, selector, 'background-color');
    expect(await background('tr[data-ticket="WB-INC-1/42"]')).not.toBe(
      await background('tr[data-ticket="WB-KIT-1/7"]'),
    );
    expect(await page.textContent('#weighings-table')).toContain('UTC+8');
    expect(await page.textContent('#tonnage-facility')).toContain('FAC-INC');
  });

  it('matches an unmatched ticket to a truck', async () => {
    const form = '.match-form[data-ticket="WB-INC-1/43"]';
    await page.fill(`${form} input`, 'T002');
    await page.click(`${form} button[type="submit"]`);

    await page.waitForSelector(form, { state: 'detached' });
    const match = api.requests.find((r) => r.path === '/api/weighings/WB-INC-1/43/match');
    expect(match?.body).toEqual({ truckId: 'T002' });
  });

  it('shows a failed request as a message rather than a blank page', async () => {
    await page.route('**/api/weighings?*', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: '{"message":"boom"}' }),
    );
    await page.reload();
    await page.click('[data-tab="weighbridge"]');

    await page.waitForSelector('#weighings-message.error');
    expect(await page.textContent('#weighings-message')).toContain('HTTP 500');
    expect(await page.isVisible('#tonnage-facility table')).toBe(true);
    await page.unroute('**/api/weighings?*');
  });

  it('brings back the sign-in form when the session ends on the server', async () => {
    await page.click('[data-tab="fleet"]');
    api.endSessions();

    await page.waitForSelector('#signin-form', { state: 'visible', timeout: 15_000 });
    expect(await page.textContent('#signin-message')).toContain('sign in again');
    await page.fill('#signin-token', api.token);
    await page.click('#signin-form button[type="submit"]');
    await page.waitForSelector('.truck-marker');
  });

  it('signs out and brings back the sign-in form', async () => {
    await page.click('#signout');
    await page.waitForSelector('#signin-form', { state: 'visible' });
    expect(api.requests.some((r) => r.method === 'DELETE' && r.path === '/api/session')).toBe(true);
    await page.reload();
    await page.waitForSelector('#signin-form', { state: 'visible' });
    expect(pageErrors).toEqual([]);
  });

  it('keeps a screenshot of the console for review', async () => {
    await page.fill('#signin-token', api.token);
    await page.click('#signin-form button[type="submit"]');
    await page.click('[data-tab="fleet"]');
    await page.waitForSelector('.truck-marker');
    await page.screenshot({ path: process.env.CONSOLE_SCREENSHOT ?? '/tmp/console.png' });
  });
});
