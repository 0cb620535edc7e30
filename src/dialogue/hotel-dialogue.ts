/**
 * The hotel's conversation as the worker sees it: (state, what the guest did) → (replies, new state, handoff).
 * A thin shell: it builds the turn (hotel, today, wording, the store as the turn sees it) and lets the router
 * and the flows decide. It talks only to the NLU and reservations ports it is given.
 */
import { assistNote } from './flows/assist';
import type { ConversationInfo, Decision, Dialogue, DialogueDeps, GuestInput } from './port';
import { route } from './router';
import { initialState, loadState } from './state';
import { Turn } from './turn';

export class HotelDialogue implements Dialogue {
  constructor(private readonly deps: DialogueDeps) {}

  async handle(input: GuestInput, info: ConversationInfo, rawState: unknown): Promise<Decision> {
    const t = new Turn(this.deps, loadState(rawState), info, this.deps.hotelFor(info.inboxId));
    await route(t, input);
    return t.decision();
  }

  assist(text: string, info: ConversationInfo): Promise<string | undefined> {
    return assistNote(new Turn(this.deps, initialState(), info, this.deps.hotelFor(info.inboxId)), text);
  }
}
