/**
 * The chat page at a laptop's, a phone's and a wide screen's size, measured in Chromium with bounding boxes: room cards visible and
 * at least 200 px tall, nothing wider than the window, the send box on screen; axe-core finds no serious or
 * critical accessibility violation on a conversation showing every rich message kind. Screenshots go to
 * test-results/screenshots/; `npm run screenshot` also writes the README's docs/sandbox.png.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../src/paths';
import { chromiumAvailable, launchBrowser } from '../support/browser';
import { conversationId, openChat, postAsBot, RICH_MESSAGES, say, SCREENSHOT_DIR, seriousViolations } from '../support/chat-page';
import { startTestService, type TestService } from '../support/service';

const run = chromiumAvailable || process.env.CI ? describe : describe.skip;

const SIZES = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
  { name: 'wide', width: 1920, height: 1080 },
];

/** Boxes measured at each size, compared across sizes at the end. */
type Span = { x: number; width: number };
const measured = new Map<string, { card: { width: number; height: number }; chat: Span; staff: Span; brand: Span; controls: Span }>();

/** Elements that stick out of the window sideways, other than inside a strip that scrolls sideways. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((e) => !e.closest('.cards') || e.matches('.cards'))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5);
      })
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );
}

async function expectInsideWindow(page: Page, selector: string): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  const vp = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(vp.width);
  expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
}

run('sandbox chat page layout in Chromium', () => {
  let svc: TestService;
  let browser: Browser;
  beforeAll(async () => {
    svc = await startTestService();
    browser = await launchBrowser();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  });

  describe.each(SIZES)('at $width×$height ($name)', (size) => {
    let page: Page;
    beforeAll(async () => {
      page = await openChat(browser, svc, size);
      await page.getByRole('button', { name: 'Check availability' }).click();
      await page.getByText('When would you like to stay?').waitFor();
      await say(page, 'next weekend');
      await page.getByText('How many guests will stay?').waitFor();
      await page.getByRole('button', { name: '2', exact: true }).click();
      await page.getByText('Which room would you like?').waitFor();
      await page.locator('.card img').first().waitFor();
      await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('.card img')).every((i) => i.complete));
    });
    afterAll(() => page?.close());

    it('every room card is visible and at least 200 px tall', async () => {
      const cards = page.locator('.card');
      expect(await cards.count()).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < (await cards.count()); i++) {
        const card = cards.nth(i);
        // Scrolled to, sideways in its strip, as a guest would: then wholly inside the strip and the window.
        await card.evaluate((e) => e.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
        expect(await card.isVisible()).toBe(true);
        const box = (await card.boundingBox())!;
        const strip = (await page.locator('.cards').boundingBox())!;
        expect(box.height).toBeGreaterThanOrEqual(200);
        expect(box.y).toBeGreaterThanOrEqual(strip.y - 0.5);
        expect(box.y + box.height).toBeLessThanOrEqual(strip.y + strip.height + 0.5);
        await expectInsideWindow(page, `.card >> nth=${i}`);
      }
      const card = (await cards.first().boundingBox())!;
      const chat = (await page.locator('.phone').boundingBox())!;
      const staff = (await page.getByTestId('staff').boundingBox())!;
      const brand = (await page.locator('.brand').boundingBox())!;
      const controls = (await page.locator('.controls').boundingBox())!;
      measured.set(size.name, { card: { width: card.width, height: card.height }, chat, staff, brand, controls });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `cards-${size.width}x${size.height}.png`) });
    });

    it('nothing overflows sideways', async () => {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      expect(await overflowing(page)).toEqual([]);
    });

    it('the send box is on screen', async () => {
      await page.locator('.cards').first().evaluate((e) => e.scrollTo({ left: 0 }));
      await expectInsideWindow(page, '[data-testid=composer]');
      await expectInsideWindow(page, '[data-testid=send]');
      // README screenshot: `npm run screenshot` (UPDATE_SCREENSHOT=1) rewrites docs/sandbox.png from the laptop size.
      if (process.env.UPDATE_SCREENSHOT && size.name === 'laptop') await page.screenshot({ path: path.join(projectRoot, 'docs', 'sandbox.png') });
    });
  });

  it('at 1920×1080 the chat keeps a readable width, the page sits in the middle, and the cards keep the size they have at 1280×800', () => {
    const wide = measured.get('wide')!;
    const laptop = measured.get('laptop')!;
    expect(wide).toBeDefined();
    expect(laptop).toBeDefined();
    expect(wide.card).toEqual(laptop.card);
    expect(wide.chat.width).toBeGreaterThanOrEqual(laptop.chat.width);
    expect(wide.chat.width).toBeLessThanOrEqual(720);
    // Chat and staff view together are centred: the space left of them and right of them differ by little.
    const left = wide.chat.x;
    const right = 1920 - (wide.staff.x + wide.staff.width);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(2);
    expect(left).toBeGreaterThan(200);
    // The header's ends line up over them rather than at the window's edges.
    expect(Math.abs(wide.brand.x - wide.chat.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(wide.controls.x + wide.controls.width - (wide.staff.x + wide.staff.width))).toBeLessThanOrEqual(2);
  });

  it('at 360×640, the smallest size supported, the cards and the send box still fit', async () => {
    const page = await openChat(browser, svc, { width: 360, height: 640 });
    try {
      await postAsBot(svc, await conversationId(page), RICH_MESSAGES[1]);
      await page.locator('.card').first().waitFor();
      expect((await page.locator('.card').first().boundingBox())!.height).toBeGreaterThanOrEqual(200);
      expect(await overflowing(page)).toEqual([]);
      await expectInsideWindow(page, '[data-testid=send]');
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cards-360x640.png') });
    } finally {
      await page.close();
    }
  });

  it.each(SIZES)('axe-core finds no serious or critical violation with every rich message kind ($name)', async (size) => {
    const page = await openChat(browser, svc, size);
    try {
      const id = await conversationId(page);
      for (const m of RICH_MESSAGES) await postAsBot(svc, id, m);
      await page.locator('[data-content-type=input_email] input').waitFor();
      for (const kind of ['text', 'input_select', 'cards', 'form', 'article', 'input_email']) {
        expect(await page.locator(`[data-content-type=${kind}]`).count()).toBeGreaterThan(0);
      }
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `rich-${size.width}x${size.height}.png`), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
