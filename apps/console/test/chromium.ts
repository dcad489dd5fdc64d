/** Debian's chromium through playwright-core, as the console's browser tests drive it. */
import { writeFileSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A PNG of the page through CDP: `page.screenshot` waits for web fonts and for a frame,
 * and can hang on a machine without CJK fonts.
 */
export async function saveScreenshot(page: Page, path: string): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const { data } = await session.send('Page.captureScreenshot', { format: 'png' });
  writeFileSync(path, Buffer.from(data, 'base64'));
  await session.detach();
}

/** A style property as the browser computes it (colours come back as rgb(…)). */
export function computedStyle(page: Page, selector: string, property: string): Promise<string> {
  return page
    .locator(selector)
    .evaluate(
      (el, name) => el.ownerDocument.defaultView?.getComputedStyle(el).getPropertyValue(name) ?? '',
      property,
    );
}
