/** Driving the sandbox's chat page in Chromium: open it, talk as the guest, post as the bot, run axe-core. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../src/paths';
import type { TestService } from './service';

/** Screenshots of the browser tests (an ignored folder). */
export const SCREENSHOT_DIR = path.join(projectRoot, 'test-results', 'screenshots');

export async function openChat(browser: Browser, svc: TestService, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(svc.url);
  await page.getByText('How can I help you today?').waitFor();
  return page;
}

export async function say(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer').fill(text);
  await page.getByTestId('send').click();
}

export async function conversationId(page: Page): Promise<number> {
  const label = await page.locator('#conv-label').innerText();
  return Number(/#(\d+)/.exec(label)![1]);
}

/** Posts a message as the bot does, with the bot's token, through the sandbox's Chatwoot API. */
export async function postAsBot(svc: TestService, conversation: number, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${svc.url}/api/v1/accounts/1/conversations/${conversation}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', api_access_token: svc.config.chatwoot.botToken! },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`bot message → ${res.status} ${await res.text()}`);
}

/** Every rich message kind Chatwoot's widget renders, as the bot would send them. */
export const RICH_MESSAGES: Array<Record<string, unknown>> = [
  { content: 'We have **two** rooms left for those dates.' },
  {
    content: 'Here they are:',
    content_type: 'cards',
    content_attributes: {
      items: [
        { title: 'Double Room · 360 EUR in total', description: '22 m², queen bed, city view.', media_url: '/sandbox/img/double.svg', actions: [{ type: 'link', text: 'See the room', uri: 'https://www.example.com/double' }] },
        { title: 'Sea View Suite · 840 EUR in total', description: '45 m², king bed, terrace over the sea.', media_url: '/sandbox/img/suite.svg', actions: [{ type: 'link', text: 'See the room', uri: 'https://www.example.com/suite' }] },
      ],
    },
  },
  { content: 'Which room would you like?', content_type: 'input_select', content_attributes: { items: [{ title: 'Double Room', value: 'room:double' }, { title: 'Sea View Suite', value: 'room:suite' }] } },
  {
    content: 'Who is the booking for?',
    content_type: 'form',
    content_attributes: {
      items: [
        { name: 'name', label: 'Full name', type: 'text', placeholder: 'Maria Lopez' },
        { name: 'email', label: 'Email', type: 'email', placeholder: 'maria@example.com' },
      ],
    },
  },
  { content: 'You may also like:', content_type: 'article', content_attributes: { items: [{ title: 'Parking and arrival', description: 'Where to leave the car.', link: 'https://www.example.com/parking' }] } },
  { content: 'Where should we send the confirmation?', content_type: 'input_email' },
];

/** axe-core's violations of impact serious or critical, as "rule: selector" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
