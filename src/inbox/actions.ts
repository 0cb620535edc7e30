/**
 * A dialogue Decision becomes an ordered list of Chatwoot calls. Handoff follows the order staff and guests need:
 * tell the guest, leave the private note, record the reason, assign the team, then open the conversation.
 */
import { mergeCustomAttributes } from '../chatwoot/custom-attributes';
import { privateNote, renderReply } from '../chatwoot/render';
import type { Channel, Decision } from '../dialogue/port';
import type { OutboxAction } from './store';

export function decisionToActions(
  decision: Decision,
  ctx: { channel: Channel; customAttributes: Record<string, unknown>; handoffTeamId?: number },
): OutboxAction[] {
  const actions: OutboxAction[] = decision.replies.map((r) => ({ type: 'message', message: renderReply(r, ctx.channel) }));
  for (const note of decision.notes ?? []) actions.push({ type: 'message', message: privateNote(note) });
  if (decision.handoff) {
    const h = decision.handoff;
    if (h.guestMessage) actions.push({ type: 'message', message: { content: h.guestMessage } });
    if (h.note) actions.push({ type: 'message', message: privateNote(h.note) });
    actions.push({ type: 'custom_attributes', attributes: mergeCustomAttributes(ctx.customAttributes, { bot_handoff_reason: h.reason }) });
    if (ctx.handoffTeamId) actions.push({ type: 'assign_team', teamId: ctx.handoffTeamId });
    actions.push({ type: 'status', status: 'open' });
  } else if (decision.resolve) {
    actions.push({ type: 'status', status: 'resolved' });
  }
  return actions;
}
