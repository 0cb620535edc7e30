/** The greeting with the menu, and asking again what is open when the guest said something beside it. */
import { advanceBooking } from './booking';
import type { Turn } from '../turn';

export function welcome(t: Turn): void {
  t.state.greeted = true;
  t.say(t.w.welcome(t.hotel.name));
  t.offer(t.w.howCanIHelp, t.menu());
}

export function reprompt(t: Turn): Promise<void> | void {
  const s = t.state;
  if (s.mode === 'booking') return advanceBooking(t);
  if (s.options) {
    t.replies.push({ kind: 'options', text: t.w.pleaseChoose, options: s.options.items });
    return;
  }
  return t.offer(t.w.howCanIHelp, t.menu());
}
