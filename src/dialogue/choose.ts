/** A click, a form value or a typed option: the choice's flow, with no NLU in between. */
import type { Choice } from './choices';
import { applyFacts } from './frame';
import { acceptMix, advanceBooking, confirmBooking, startBooking } from './flows/booking';
import { handoff } from './flows/handoff';
import { prices } from './flows/info';
import { doCancel, doModify, manage, manageAction, offerRoomsForChange, quoteChange } from './flows/manage';
import type { Turn } from './turn';

export async function choose(t: Turn, c: Choice): Promise<void> {
  const s = t.state;
  const w = t.w;
  s.lowConfidence = 0;
  switch (c.kind) {
    case 'menu':
      if (c.item === 'availability' || c.item === 'book') {
        startBooking(t);
        return advanceBooking(t);
      }
      if (c.item === 'status') return manage(t, 'status', {});
      if (c.item === 'prices') return prices(t, {});
      return handoff(t, 'guest_request', 'the guest chose "Talk to a person"');
    case 'room':
      startBooking(t);
      s.offer = undefined;
      applyFacts(s.frame, { room: c.room }, s.turn);
      return advanceBooking(t);
    case 'mix':
      return acceptMix(t);
    case 'guests':
      applyFacts(s.frame, { guests: c.count }, s.turn);
      return advanceBooking(t);
    case 'confirm':
      if (c.answer === 'yes') return confirmBooking(t);
      if (c.answer === 'change') {
        t.say(w.letUsChange);
        delete s.frame.room;
        s.offer = undefined;
        return advanceBooking(t);
      }
      t.say(w.notBooked);
      s.mode = undefined;
      s.step = undefined;
      s.offer = undefined;
      s.frame = { ...(s.frame.name ? { name: s.frame.name } : {}), ...(s.frame.email ? { email: s.frame.email } : {}) };
      return t.offer(w.anythingElse, t.menu());
    case 'resume':
      if (c.answer === 'restart') {
        s.frame = {};
        s.offer = undefined;
      }
      startBooking(t);
      return advanceBooking(t);
    case 'booking':
      s.managing = c.code;
      return manageAction(t, s.mode === 'cancel' || s.mode === 'modify' ? s.mode : 'status');
    case 'manage':
      if (c.action === 'done') {
        s.step = undefined;
        return t.say(w.anythingElse);
      }
      return manageAction(t, c.action);
    case 'cancel':
      if (c.answer === 'yes') return doCancel(t);
      t.say(w.keptAsIs);
      s.step = undefined;
      return;
    case 'modify':
      if (c.what === 'dates') return t.ask('modify_dates', w.askNewDates);
      if (c.what === 'guests') return t.ask('modify_guests', w.askNewGuests);
      if (c.what === 'name') return t.ask('modify_name', w.askNewName);
      if (c.what === 'room') return offerRoomsForChange(t);
      if (c.what === 'confirm') return doModify(t);
      s.step = undefined;
      s.change = undefined;
      return t.say(w.nothingChanged);
    case 'newroom':
      s.change = { ...(s.change ?? {}), room: c.room };
      return quoteChange(t);
  }
}
