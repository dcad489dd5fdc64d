/**
 * The web console against the real platform (apps/platform as a child process, the mini
 * city) fed by real mqtt.js devices: the map with the Panjin outlines and the trucks, the
 * alerts the rules raise, an acknowledgement, the weigh tickets, a manual match, and a
 * burst of fixes the console must keep up with.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert, TruckState } from '@sanitation/contracts';
import { PlatformProcess } from '@sanitation/testing';
import { Browser, Page } from 'playwright-core';
import { computedStyle, launchChromium, saveScreenshot } from './chromium';
import { MiniDevices } from './mini-devices';
import {
  cityClock,
  FetchedInPage,
  fetchInPage,
  MAP_GEOMETRY,
  MapGeometry,
  rowShows,
  within,
} from './page-probes';

jest.setTimeout(120_000);

/** Inside FAC-INC (41.1, 122.07, radius 250 m) and FAC-KIT (41.105, 122.035, 150 m). */
const AT_INCINERATOR = { lat: 41.1, lon: 122.0702 };
const AT_KITCHEN_PLANT = { lat: 41.105, lon: 122.035 };
/** On R002's path, between the depot and (41.12, 122.045). */
const ON_R002 = { lat: 41.12, lon: 122.0475 };
const BIN_B00001_TAG = 'E2000017221101441890AB01';
const UNKNOWN_PLATE = '辽L·Z9999';
const STREAM_FIXES = 300;
const FIXES_PER_WAVE = 10;
const WAVE_PAUSE_MS = 30;

interface Outlines {
  features: Array<{ properties: { name: string } }>;
}

interface Weighing {
  weighbridgeId: string;
  ticket: number;
  truckId: string | null;
  flags: string[];
}

describe('web console against the real platform', () => {
  const platform = new PlatformProcess();
  let devices: MiniDevices;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const startedAt = Date.now();

  const alertOf = async (type: string): Promise<Alert> => {
    for (let tries = 0; tries < 100; tries++) {
      const alerts = await platform.api<Alert[]>(`/api/alerts?type=${type}`);
      if (alerts.length > 0) return alerts[0];
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no ${type} alert was raised`);
  };

  beforeAll(async () => {
    await platform.start();
    devices = new MiniDevices(platform.mqttUrl);

    const t = startedAt;
    for (const [step, ago] of [40, 30, 20].entries()) {
      const driving = { lat: AT_INCINERATOR.lat, lon: AT_INCINERATOR.lon + step * 0.0005 };
      await devices.fix('gps-T001', { ts: t - ago * 1000, ...driving, speedKmh: 3 });
      await devices.fix('gps-T003', { ts: t - ago * 1000, ...AT_KITCHEN_PLANT, speedKmh: 0 });
    }
    await devices.fix('gps-T002', { ts: t - 900_000, ...ON_R002, speedKmh: 15 });
    await devices.read('rfid-T001', { ts: t - 35_000, tag: BIN_B00001_TAG });
    const ts = t - 5_000;
    const [overweight, unknown, normal] = [
      { ts, ticket: 1, plate: '辽L·A1234', grossKg: 21_450, tareKg: 11_800 },
      { ts, ticket: 2, plate: UNKNOWN_PLATE, grossKg: 17_300, tareKg: 11_500 },
      { ts, ticket: 1, plate: '辽L·C2468', grossKg: 11_000, tareKg: 8_200 },
    ];
    await devices.weighing('wb-inc-1', overweight);
    await devices.weighing('wb-inc-1', unknown);
    await devices.weighing('wb-kit-1', normal);
    await alertOf('overweight');
    await alertOf('weighing_unmatched');

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(platform.httpUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await devices?.close();
    await platform.cleanup();
  });

  it('signs in with the admin token to a session cookie', async () => {
    await page.fill('#signin-token', platform.tokens.admin);
    await page.click('#signin-form button[type="submit"]');
    await page.waitForSelector('#app', { state: 'visible' });

    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'sanitation_session')?.httpOnly).toBe(true);
    await page.waitForSelector('#stream-state.live');
  });

  it('draws the trucks inside the map and the district outlines around them', async () => {
    for (const truckId of ['T001', 'T002', 'T003']) {
      await page.waitForSelector(`.truck-marker[data-truck-id="${truckId}"]`);
    }
    await page.waitForSelector('path.district');

    const map = await page.evaluate<MapGeometry>(MAP_GEOMETRY);
    const served = await (await fetch(`${platform.httpUrl}/console/districts.geojson`)).json();
    const names = (served as Outlines).features.map((f) => f.properties.name);
    expect(names.length).toBeGreaterThan(0);
    expect(map.districts.map((d) => d.name).sort()).toEqual([...names].sort());
    for (const district of map.districts) {
      expect(district.d).not.toMatch(/NaN|Infinity/);
      expect(within(district, map.svg)).toBe(true);
    }
    expect(map.markers).toHaveLength(3);
    expect(map.markers.every((marker) => within(marker, map.svg))).toBe(true);
    expect(map.labels).toHaveLength(names.length);
    expect(await computedStyle(page, 'path.district >> nth=0', 'stroke')).not.toBe('none');
    expect(await computedStyle(page, 'path.district >> nth=0', 'visibility')).toBe('visible');
  });

  it('shows the trucks with their real states and a truck track', async () => {
    const fleet = await platform.api<TruckState[]>('/api/fleet');
    for (const truck of fleet) {
      const row = page.locator(`.truck-row[data-truck-id="${truck.truckId}"]`);
      expect(await row.getAttribute('data-status')).toBe(truck.status);
      expect(await row.textContent()).toContain(truck.plate);
    }

    await page.click('.truck-row[data-truck-id="T001"]');
    // A track along one street can be a flat line, which Playwright counts as invisible.
    await page.waitForSelector('.track-line', { state: 'attached' });
    const points = await page.getAttribute('.track-line', 'points');
    expect(points?.split(' ')).toHaveLength(3);
    expect(await page.textContent('#track-status')).toContain('3 fixes');
  });

  it('lists the alerts the rules raised and acknowledges one', async () => {
    const overweight = await alertOf('overweight');
    const unmatched = await alertOf('weighing_unmatched');
    const card = `.alert[data-alert-id="${overweight.id}"]`;
    await page.waitForSelector(`${card}[data-state="open"][data-severity="critical"]`);
    await page.waitForSelector(`.alert[data-alert-id="${unmatched.id}"]`);
    expect(await page.textContent(card)).toContain('ratedPayloadKg: 8000');

    await page.click(`${card} button.ack`);
    await page.waitForSelector(`${card}[data-state="acknowledged"]`);

    const acknowledged = await platform.api<Alert[]>('/api/alerts?state=acknowledged');
    const after = acknowledged.find((a) => a.id === overweight.id);
    expect(after?.acknowledgedAt).not.toBeNull();
    expect(after?.details.acknowledgedBy).toBe('admin:test');
  });

  it('lists the weigh tickets with the overweight one highlighted', async () => {
    await page.click('[data-tab="weighbridge"]');
    const overweight = 'tr[data-ticket="WB-INC-1/1"]';
    const normal = 'tr[data-ticket="WB-KIT-1/1"]';
    await page.waitForSelector(overweight);

    expect(await page.getAttribute(overweight, 'class')).toContain('overweight');
    expect(await page.textContent(overweight)).toContain('9,650');
    expect(await computedStyle(page, overweight, 'background-color')).not.toBe(
      await computedStyle(page, normal, 'background-color'),
    );
    expect(await page.textContent('tr[data-ticket="WB-INC-1/2"]')).toContain(UNKNOWN_PLATE);
    expect(await page.textContent('#tonnage-facility')).toContain('FAC-INC');
  });

  it('downloads the tickets as CSV with the session cookie', async () => {
    const href = await page.getAttribute('#weighings-csv', 'href');
    const csv = await page.evaluate<FetchedInPage>(fetchInPage(href ?? ''));

    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain(UNKNOWN_PLATE);
  });

  it('matches the unknown plate to a truck', async () => {
    const form = '.match-form[data-ticket="WB-INC-1/2"]';
    await page.fill(`${form} input`, 'T002');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector(form, { state: 'detached' });

    const tickets = await platform.api<Weighing[]>('/api/weighings?weighbridgeId=WB-INC-1');
    const matched = tickets.find((w) => w.ticket === 2);
    expect(matched?.truckId).toBe('T002');
    expect(matched?.flags).toContain('manual_match');
    expect(await page.textContent('tr[data-ticket="WB-INC-1/2"]')).toContain('T002');
    const alert = await alertOf('weighing_unmatched');
    expect(alert.state).toBe('cleared');
  });

  it('follows a stream of fixes to the last one without losing the outlines', async () => {
    await page.click('[data-tab="fleet"]');

    // In waves, so that the platform publishes one state after another, as in a busy city.
    const firstTs = Date.now() - STREAM_FIXES * 1000;
    for (let wave = 0; wave < STREAM_FIXES / FIXES_PER_WAVE; wave++) {
      await Promise.all(
        Array.from({ length: FIXES_PER_WAVE }, (_, k) => {
          const i = wave * FIXES_PER_WAVE + k;
          const lon = ON_R002.lon + (i % 50) * 0.00002;
          return devices.fix('gps-T002', { ts: firstTs + i * 1000, lat: ON_R002.lat, lon });
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, WAVE_PAUSE_MS));
    }

    const lastClock = cityClock(firstTs + (STREAM_FIXES - 1) * 1000);
    await page.waitForFunction(rowShows('T002', lastClock));
    expect(await page.textContent('#stream-state')).toBe('Live');
    const map = await page.evaluate<MapGeometry>(MAP_GEOMETRY);
    expect(map.districts.every((district) => within(district, map.svg))).toBe(true);
  });

  it('keeps a screenshot for review and had no page errors', async () => {
    await saveScreenshot(
      page,
      process.env.CONSOLE_REAL_SCREENSHOT ?? join(tmpdir(), 'console-real-platform.png'),
    );
    const deadLetters = await platform.api<unknown[]>('/api/deadletters');
    expect(deadLetters).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
