/**
 * The chat page in a real browser: a guest books a room by clicking and typing and sees the code, or with the
 * keyboard alone; asks for a person and the staff side shows the handoff and the note; staff hand the conversation
 * back to the bot. What the guest is typing survives updates; older option lists stop acting; WhatsApp shows
 * reply buttons and lists within its limits.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser } from '../support/browser';
import { conversationId, postAsBot, RICH_MESSAGES, SCREENSHOT_DIR } from '../support/chat-page';
import { startTestService, type TestService } from '../support/service';

// CI installs Chromium (.ci/run); elsewhere the suite says why it is skipped.
const run = chromiumAvailable || process.env.CI ? describe : describe.skip;

run('sandbox chat page in Chromium', () => {
  let svc: TestService;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    svc = await startTestService();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1200, height: 860 } });
    await page.goto(svc.url);
    await page.getByText('How can I help you today?').waitFor();
  });
  afterEach(() => page.close());

  const say = async (text: string) => {
    await page.getByTestId('composer').fill(text);
    await page.getByTestId('send').click();
  };

  it('a guest books a room by clicking and typing and sees the confirmation code', async () => {
    await page.getByRole('button', { name: 'Check availability' }).click();
    await page.getByText('When would you like to stay?').waitFor();
    await say('next weekend');
    await page.getByText('How many guests will stay?').waitFor();
    await page.getByRole('button', { name: '2', exact: true }).click();
    await page.getByTestId('cards').first().waitFor();
    expect(await page.locator('.card img').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Double Room' }).click();
    const form = page.getByTestId('form');
    await form.waitFor();
    await form.locator('input[name=name]').fill('Maria Lopez');
    await form.locator('input[name=email]').fill('maria@example.com');
    await form.getByRole('button').click();
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByText(/Confirmation code: [0-9A-HJKMNP-TV-Z]{8}/).waitFor();
    const code = /Confirmation code: ([0-9A-Z]{8})/.exec(await page.getByTestId('messages').innerText())![1];
    expect(await svc.db.query('SELECT status FROM bookings WHERE code = $1', [code])).toEqual([{ status: 'confirmed' }]);
  });

  it("the browser language picks the guest's language; with none, the bot follows what the guest writes", async () => {
    await page.getByTestId('language').selectOption('es');
    await page.getByText('¿En qué puedo ayudarle?').waitFor();
    await page.getByRole('button', { name: 'Reservar una habitación' }).click();
    await page.getByText('¿Para qué fechas sería?').waitFor();
    await page.getByTestId('language').selectOption('');
    await page.getByText('How can I help you today?').waitFor();
    await say('Hola, quiero reservar una habitación doble para dos personas');
    await page.getByText('¿Para qué fechas sería?').waitFor();
  });

  it('asking for a person shows the handoff and note to staff, and staff hand back to the bot', async () => {
    await say('I would like to talk to a person');
    await page.getByTestId('note').first().waitFor();
    expect(await page.getByTestId('status').innerText()).toBe('open');
    expect(await page.getByTestId('handoff-reason').innerText()).toBe('guest_request');
    expect(await page.getByTestId('note').first().innerText()).toMatch(/reason: guest_request/);
    await page.getByTestId('hand-back').click();
    await page.getByText(/Welcome back/).waitFor();
    expect(await page.getByTestId('status').innerText()).toBe('pending');
  });

  /** Presses Tab until the focused element's accessible text matches, as a keyboard user moves forward. */
  const tabTo = async (name: RegExp) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const e = document.activeElement as HTMLInputElement | null;
        if (!e) return '';
        if (e.matches('button, a')) return `button:${e.textContent?.trim()}`;
        if (e.matches('input, textarea, select')) return `field:${e.name || e.id}`;
        return `other:${e.getAttribute('aria-label') ?? e.tagName}`;
      });
      if (name.test(focused)) return;
    }
    throw new Error(`Tab never reached ${name}`);
  };
  /** Focus stays in the chat (not thrown back to the top of the page) after the keyboard used a control. */
  const expectFocusInChat = async () => {
    expect(await page.evaluate(() => document.activeElement !== document.body && !!document.activeElement?.closest('#messages, #composer'))).toBe(true);
  };

  it('a guest books with the keyboard alone, from the first message to the confirmation', async () => {
    await page.keyboard.press('Tab'); // into the page
    await tabTo(/^button:Check availability$/);
    await page.keyboard.press('Enter');
    await page.getByText('When would you like to stay?').waitFor();
    await expectFocusInChat();
    await tabTo(/^field:text$/);
    await page.keyboard.type('next weekend');
    await page.keyboard.press('Enter');
    await page.getByText('How many guests will stay?').waitFor();
    await tabTo(/^button:2$/);
    await page.keyboard.press('Space');
    await page.getByText('Which room would you like?').waitFor();
    await expectFocusInChat();
    await tabTo(/^button:Double Room$/);
    await page.keyboard.press('Enter');
    await page.getByTestId('form').waitFor();
    await expectFocusInChat();
    await tabTo(/^field:name$/);
    await page.keyboard.type('Maria Lopez');
    await page.keyboard.press('Tab');
    await page.keyboard.type('maria@example.com');
    await page.keyboard.press('Enter'); // submits the form
    await page.getByRole('button', { name: 'Confirm booking' }).waitFor();
    await expectFocusInChat();
    await tabTo(/^button:Confirm booking$/);
    await page.keyboard.press('Enter');
    await page.getByText(/Confirmation code: [0-9A-HJKMNP-TV-Z]{8}/).waitFor();
    await expectFocusInChat();
    const code = /Confirmation code: ([0-9A-Z]{8})/.exec(await page.getByTestId('messages').innerText())![1];
    expect(await svc.db.query('SELECT status FROM bookings WHERE code = $1', [code])).toEqual([{ status: 'confirmed' }]);
  });

  it('a half-filled form and the composer keep what the guest typed while the chat updates', async () => {
    const id = await conversationId(page);
    await postAsBot(svc, id, RICH_MESSAGES[3]); // the booking form
    const name = page.getByTestId('form').locator('input[name=name]');
    await name.fill('Maria Lo');
    await name.evaluate((e) => ((e as HTMLInputElement & { marked?: boolean }).marked = true));
    await page.getByTestId('composer').fill('and parking?');
    // Updates the guest never sees (a private note) and ones she does (a new bot message).
    await svc.api('POST', `/conversations/${id}/staff`, { content: 'Guest is filling in the form', private: true });
    await page.getByTestId('note').waitFor();
    await postAsBot(svc, id, { content: 'Take your time.' });
    await page.getByText('Take your time.').waitFor();
    expect(await name.inputValue()).toBe('Maria Lo');
    expect(await name.evaluate((e) => (e as HTMLInputElement & { marked?: boolean }).marked)).toBe(true); // the same element, not a redraw
    expect(await page.getByTestId('composer').inputValue()).toBe('and parking?');
  });

  it('a clicked option list is hidden; one the guest skipped stops acting once the bot asks something newer', async () => {
    await page.getByRole('button', { name: 'Check availability' }).click();
    await page.getByText('When would you like to stay?').waitFor();
    expect(await page.getByRole('button', { name: 'Check availability' }).count()).toBe(0); // hidden once clicked
    await expect(page.getByText('✓ Check availability').count()).resolves.toBe(1);
    await say('next weekend');
    await page.getByText('How many guests will stay?').waitFor();
    await say('2'); // typed, not clicked: the 1–4 buttons were skipped
    await page.getByText('Which room would you like?').waitFor();
    const skipped = page.locator('[data-content-type=input_select]', { hasText: 'How many guests' }).getByTestId('option');
    expect(await skipped.count()).toBe(4);
    for (const b of await skipped.all()) expect(await b.isDisabled()).toBe(true);
    const current = page.locator('[data-content-type=input_select]', { hasText: 'Which room' }).getByTestId('option');
    expect(await current.first().isEnabled()).toBe(true);
  });

  it('when staff reply while the bot has the conversation, staff can hand it back, and the reason goes away', async () => {
    const id = await conversationId(page);
    expect(await page.getByTestId('hand-back').isDisabled()).toBe(true); // pending, and no one has taken over
    await page.getByTestId('staff-composer').fill('Hello, this is Carlos from the front desk.');
    await page.getByTestId('staff-send').click();
    await page.getByText('Hello, this is Carlos from the front desk.').waitFor();
    await page.waitForFunction(() => !(document.querySelector('[data-testid=hand-back]') as HTMLButtonElement).disabled);
    // The bot opens the conversation itself, saying why (the bot's side of a staff reply).
    const bot = { 'content-type': 'application/json', api_access_token: svc.config.chatwoot.botToken! };
    const base = `${svc.url}/api/v1/accounts/1/conversations/${id}`;
    await fetch(`${base}/custom_attributes`, { method: 'POST', headers: bot, body: JSON.stringify({ custom_attributes: { bot_handoff_reason: 'staff_reply' } }) });
    await fetch(`${base}/toggle_status`, { method: 'POST', headers: bot, body: JSON.stringify({ status: 'open' }) });
    await page.getByTestId('handoff-reason').getByText('staff_reply').waitFor();
    // The reason and the status come from two calls: the page may show the first before the second.
    await page.getByTestId('status').getByText('open', { exact: true }).waitFor();
    expect(await page.getByTestId('status').innerText()).toBe('open');
    await page.getByTestId('hand-back').click();
    await page.getByText(/Welcome back/).waitFor();
    expect(await page.getByTestId('status').innerText()).toBe('pending');
    expect(await page.getByTestId('handoff-reason').innerText()).toBe('—');
    expect(await page.getByTestId('hand-back').isDisabled()).toBe(true);
  });

  it('WhatsApp shows reply buttons and lists within its limits, with the prices in the text', async () => {
    await page.getByTestId('channel').selectOption('whatsapp');
    await page.locator('#conv-label', { hasText: 'WhatsApp' }).waitFor();
    await say('I want to check availability');
    await page.getByText('When would you like to stay?').waitFor();
    await say('next weekend');
    await page.getByText('How many guests will stay?').waitFor();
    await say('2');
    const rooms = page.locator('[data-content-type=input_select]', { hasText: 'Which room' });
    await rooms.waitFor();
    expect(await rooms.innerText()).toMatch(/Double Room: \d[\d.,]* EUR/); // the price, in the text
    expect(await page.locator('.card').count()).toBe(0);
    await rooms.getByRole('button', { name: /Choose an option/ }).click();
    const titles = await rooms.locator('.wa-rows button').allInnerTexts();
    expect(titles.length).toBeGreaterThan(3);
    for (const t of titles) expect([...t].length).toBeLessThanOrEqual(24);
    expect(await page.locator('.msg.failed').count()).toBe(0);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'whatsapp-rooms.png') });
    await rooms.locator('.wa-rows button', { hasText: 'Double Room' }).click();
    await page.getByText(/What name/).waitFor();
    expect(await rooms.getByText('✓ Double Room').count()).toBe(1);
  });
});
