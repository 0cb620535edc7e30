/**
 * The router: what the guest did → which part answers. A click, a form value or a typed option goes through the
 * choice codec to `choose`; free text goes to `understand` (NLU, frame, corrections, flows); a hand-back from staff
 * resumes what was open, answering first what the guest wrote meanwhile.
 */
import { NluUnavailableError } from '../nlu/port';
import { decodeChoice, matchOption } from './choices';
import { choose } from './choose';
import { applyFacts } from './frame';
import { describeLines, takeDetails } from './flows/booking';
import { handoff } from './flows/handoff';
import { lookupWith } from './flows/manage';
import { reprompt, welcome } from './flows/welcome';
import { understand } from './understand';
import type { GuestInput } from './port';
import type { Turn } from './turn';

const MAX_HISTORY = 6;
/** Understanding looks at this much of a message; a longer one is a letter for staff, not a chat turn. */
const MAX_TEXT = 2000;

export async function route(t: Turn, input: GuestInput): Promise<void> {
  try {
    switch (input.kind) {
      case 'widget_opened':
        if (!t.state.greeted && !t.state.history.length) welcome(t);
        return;
      case 'resumed':
        return await resumed(t, input.unanswered);
      case 'submission':
        return await submission(t, input);
      case 'message':
        return await message(t, input.text, input.hasAttachments);
    }
  } catch (err) {
    if (!(err instanceof NluUnavailableError)) throw err;
    handoff(t, 'nlu_unavailable', `the language service is unavailable (${err.reason})`);
  }
}

function remember(t: Turn, said: string): void {
  t.state.turn += 1;
  t.state.history = [...t.state.history, said.slice(0, 300)].slice(-MAX_HISTORY);
}

async function message(t: Turn, raw: string, hasAttachments: boolean): Promise<void> {
  const text = raw.slice(0, MAX_TEXT).trim();
  if (!text) {
    if (!hasAttachments) return t.say(t.w.typeYourQuestion);
    t.say(t.w.cannotOpenFiles);
    return t.say(t.w.fileForPerson);
  }
  remember(t, text);
  const s = t.state;
  const picked = s.options ? matchOption(text, s.options.items) : undefined;
  const decoded = picked && decodeChoice(picked.value);
  if (decoded) return choose(t, decoded.choice);
  return understand(t, text);
}

async function submission(t: Turn, input: Extract<GuestInput, { kind: 'submission' }>): Promise<void> {
  const s = t.state;
  remember(t, input.email ?? input.values.map((v) => v.title ?? v.value).join(', '));
  if (input.email) {
    if (s.step === 'lookup_email') return lookupWith(t, { email: input.email });
    return takeDetails(t, undefined, input.email);
  }
  const named = input.values.filter((v) => v.name);
  if (named.length) {
    const value = (n: string) => named.find((v) => v.name === n)?.value;
    const guests = Number(value('guests'));
    if (Number.isInteger(guests) && guests > 0) applyFacts(s.frame, { guests }, s.turn);
    return takeDetails(t, value('name'), value('email'));
  }
  const v = input.values[0];
  if (!v) return;
  const decoded = decodeChoice(v.value);
  if (!decoded || decoded.listId !== s.options?.id) {
    // A button of an earlier question: it no longer means what it said then.
    t.say(t.w.staleOption);
    return reprompt(t);
  }
  return choose(t, decoded.choice);
}

async function resumed(t: Turn, unanswered: string | undefined): Promise<void> {
  const s = t.state;
  const w = t.w;
  s.lowConfidence = 0;
  if (unanswered?.trim()) {
    t.say(w.welcomeBack);
    return message(t, unanswered, false);
  }
  if (s.mode === 'booking' && (s.frame.checkin || s.frame.room || s.frame.guests)) {
    t.say(w.welcomeBackDraft(s.offer ? describeLines(t, s.offer.lines) : w.roomsOf(1, s.frame.room ? t.roomName(s.frame.room.value) : w.menu.book)));
    return t.offer(
      w.carryOn,
      [
        { title: w.continueBooking, choice: { kind: 'resume', answer: 'continue' } },
        { title: w.startOver, choice: { kind: 'resume', answer: 'restart' } },
      ],
      'resume',
    );
  }
  t.say(s.managing ? w.welcomeBackManaging(s.managing) : w.welcomeBack);
  t.offer(w.howCanIHelp, t.menu());
}

