/** Signed `message_created` deliveries of a guest's message, as Chatwoot 4.13 sends them (for process-level tests). */
import { sign } from '../../src/chatwoot/signature';
import { fixture } from './fixtures';

export const TEST_SECRET = 'process-tests-secret-0123456789';
let messageId = 70_000;

export interface SignedDelivery {
  raw: string;
  headers: Record<string, string>;
}

/**
 * The fixture's guest has a Spanish browser (`browser_language: es`), and the bot answers in the language Chatwoot
 * reports: these tests write in English, so their guest's browser says English unless a test says otherwise.
 */
export function guestMessage(conversationId: number, text: string, secret = TEST_SECRET, browserLanguage = 'en'): SignedDelivery {
  const body = fixture('message_created.incoming.json');
  body.id = ++messageId;
  body.content = text;
  body.conversation.additional_attributes.browser_language = browserLanguage;
  body.conversation.id = conversationId;
  body.conversation.messages[0].id = messageId;
  const raw = JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  return {
    raw,
    headers: { 'content-type': 'application/json', 'x-chatwoot-delivery': `d-${messageId}-${process.pid}`, 'x-chatwoot-timestamp': ts, 'x-chatwoot-signature': sign(secret, ts, raw) },
  };
}

export async function post(url: string, d: SignedDelivery): Promise<number> {
  const res = await fetch(`${url}/webhooks/chatwoot`, { method: 'POST', body: d.raw, headers: d.headers });
  await res.arrayBuffer();
  return res.status;
}
