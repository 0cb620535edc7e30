/**
 * The hotel's conversation as the worker sees it: (state, what the guest did) → (replies, new state, handoff).
 * A thin shell: it builds the turn (hotel, today, wording, the store as the turn sees it) and lets the router
 * and the flows decide. It talks only to the NLU and reservations ports it is given.
 */
import { assistNote } from './flows/assist';
import { conversationLanguage } from './language';
import type { ConversationInfo, Decision, Dialogue, DialogueDeps, GuestInput } from './port';
import { route } from './router';
import { initialState, loadState } from './state';
import { Turn } from './turn';

export class HotelDialogue implements Dialogue {
  constructor(private readonly deps: DialogueDeps) {}

  async handle(input: GuestInput, info: ConversationInfo, rawState: unknown): Promise<Decision> {
    const state = loadState(rawState);
    const hotel = this.deps.hotelFor(info.inboxId);
    state.language = conversationLanguage(state.language, info, input, this.deps.nlu.languages, hotel);
    const t = new Turn(this.deps, state, info, hotel);
    await route(t, input);
    return t.decision();
  }

  assist(text: string, info: ConversationInfo): Promise<string | undefined> {
    const state = initialState();
    const hotel = this.deps.hotelFor(info.inboxId);
    // The guest's message is read in the guest's language; the note is written in the hotel's.
    state.language = conversationLanguage(undefined, info, { kind: 'message', text, hasAttachments: false, messageId: 0 }, this.deps.nlu.languages, hotel);
    return assistNote(new Turn(this.deps, state, info, hotel), text);
  }
}
