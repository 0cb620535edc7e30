/**
 * What happens between verification and the 2xx: the delivery is stored durably (deduplicated), or, for the bot's
 * own echoes, recorded in the echo ledger, which a retry after a lost response consults.
 */
import { contentHash } from './content-hash';
import type { AcceptedDelivery } from '../chatwoot/receiver';
import { isMessageEvent } from '../chatwoot/events';
import { conversationKeyOf, dedupeKeyOf } from './keys';
import type { InboxStore } from './store';

export function createIntake(store: InboxStore, onAccepted: (conversationKey: string) => void) {
  return async (d: AcceptedDelivery): Promise<'accepted' | 'duplicate'> => {
    const e = d.event;
    if (isMessageEvent(e) && e.event === 'message_created' && e.message_type === 'outgoing' && e.sender?.type === 'agent_bot') {
      const echoId = e.conversation.messages.find((m) => m.id === e.id)?.echo_id ?? (e as { echo_id?: string }).echo_id ?? null;
      await store.recordEcho(e.account.id, e.conversation.id, echoId, contentHash(e.content ?? ''));
      return 'accepted';
    }
    const conversationKey = conversationKeyOf(e);
    if (!conversationKey) return 'accepted'; // nothing the bot could ever answer
    const result = await store.accept({
      dedupeKey: dedupeKeyOf(e, d.deliveryId, d.raw, { signed: d.signed }),
      conversationKey,
      event: e.event,
      deliveryId: d.deliveryId,
      authenticated: d.authenticated,
      payload: e,
    });
    if (result === 'accepted') onAccepted(conversationKey);
    return result;
  };
}
