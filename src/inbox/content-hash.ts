/**
 * The echo ledger's fingerprint of a message text: intake records it for the bot's own messages as Chatwoot echoes
 * them, and the outbox looks it up before sending a message again after a lost response.
 */
import { createHash } from 'node:crypto';

export const contentHash = (content: string) => createHash('sha256').update(content).digest('hex').slice(0, 32);
