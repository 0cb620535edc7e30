/**
 * The options the bot offers, as a typed codec: every option's value is `<list id>:<kind>:<argument>`, so a click
 * says which list it came from (an older list's click is recognised as stale) and what it means, without string
 * prefixes scattered through the flows. Typed answers ("2", "the second one", a title, "yes") land here too:
 * WhatsApp taps arrive as the title, Telegram and LINE taps as the value.
 */
import { z } from 'zod';
import type { Option } from './port';

export const choiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('menu'), item: z.enum(['availability', 'book', 'status', 'prices', 'human']) }),
  z.object({ kind: z.literal('room'), room: z.string().min(1) }),
  /** The combination of room types the bot proposed for a party no single type can host. */
  z.object({ kind: z.literal('mix') }),
  z.object({ kind: z.literal('guests'), count: z.coerce.number().int().positive() }),
  z.object({ kind: z.literal('confirm'), answer: z.enum(['yes', 'change', 'no']) }),
  z.object({ kind: z.literal('resume'), answer: z.enum(['continue', 'restart']) }),
  z.object({ kind: z.literal('booking'), code: z.string().min(1) }),
  z.object({ kind: z.literal('manage'), action: z.enum(['modify', 'cancel', 'done']) }),
  z.object({ kind: z.literal('cancel'), answer: z.enum(['yes', 'no']) }),
  z.object({ kind: z.literal('modify'), what: z.enum(['dates', 'guests', 'room', 'name', 'confirm', 'keep']) }),
  z.object({ kind: z.literal('newroom'), room: z.string().min(1) }),
]);
export type Choice = z.infer<typeof choiceSchema>;

/** The one argument each kind carries in its value (none for `mix`). */
const ARGUMENT: { [K in Choice['kind']]: (c: Extract<Choice, { kind: K }>) => string } = {
  menu: (c) => c.item,
  room: (c) => c.room,
  mix: () => '',
  guests: (c) => String(c.count),
  confirm: (c) => c.answer,
  resume: (c) => c.answer,
  booking: (c) => c.code,
  manage: (c) => c.action,
  cancel: (c) => c.answer,
  modify: (c) => c.what,
  newroom: (c) => c.room,
};
const FIELD: { [K in Choice['kind']]: string | undefined } = {
  menu: 'item',
  room: 'room',
  mix: undefined,
  guests: 'count',
  confirm: 'answer',
  resume: 'answer',
  booking: 'code',
  manage: 'action',
  cancel: 'answer',
  modify: 'what',
  newroom: 'room',
};

export function encodeChoice(listId: number, choice: Choice): string {
  const arg = (ARGUMENT[choice.kind] as (c: Choice) => string)(choice);
  return `${listId}:${choice.kind}:${arg}`;
}

/** A submitted value → which list it came from and what it means; undefined for anything else. */
export function decodeChoice(value: string): { listId: number; choice: Choice } | undefined {
  const m = /^(\d{1,9}):([a-z]{1,12}):(.{0,80})$/.exec(value);
  if (!m) return undefined;
  const kind = m[2] as Choice['kind'];
  if (!(kind in FIELD)) return undefined;
  const field = FIELD[kind];
  const parsed = choiceSchema.safeParse(field ? { kind, [field]: m[3] } : { kind });
  return parsed.success ? { listId: Number(m[1]), choice: parsed.data } : undefined;
}

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, last: -1 };
const YES = /^(yes|y|ye|yea|yeah|yh|ya|yess|yep|yup|yes please|sure|ok|okay|confirm|please confirm|yes confirm|go ahead|do it|book it|correct|that s right|sounds good|perfect|great)( please| it| thanks| thank you)?$/;
/** A short message that starts by agreeing and takes nothing back: "yes please confirm", "ok great, go ahead". */
const STARTS_YES = /^(yes|yeah|yep|yup|sure|ok|okay|confirm|go ahead|do it|book it|correct|perfect|great|sounds good|that s right|absolutely|please do|please confirm)\b/;
const TAKES_BACK = /\b(no|not|don t|dont|wait|but|change|cancel|instead|wrong|actually|hold on)\b/;
/** The same in the bot's other languages ("sí, confírmela por favor", "oui, je confirme"); accents are gone by then. */
const STARTS_YES_OTHER = /^(si|sim|ja|oui|claro|vale|perfecto|perfeito|parfait|genau|gerne|d accord|de acuerdo|confirm\w*|bestatig\w*)\b/;
const TAKES_BACK_OTHER = /\b(nao|nein|non|pero|mas|aber|mais|pas|nicht|cambi\w*|mud\w*|ander\w*|chang\w*|espera\w*|warte\w*|attend\w*)\b/;
/** `cancelling`: the question is whether to cancel, so "yes cancel it" agrees ("cancel" takes nothing back there). */
const agrees = (t: string, cancelling = false) => {
  if (YES.test(t)) return true;
  const said = cancelling ? t.replace(/\b(?:cancel|cancell?ing)(?: it| that| the booking| my booking| the reservation| my reservation)?\b/g, ' ').replace(/\s+/g, ' ').trim() : t;
  if (cancelling && YES.test(said)) return true;
  if (t.split(' ').length > 7 || /\d/.test(t) || TAKES_BACK.test(said)) return false;
  return STARTS_YES.test(t) || (STARTS_YES_OTHER.test(t) && !TAKES_BACK_OTHER.test(t));
};
const NO = /^(no|nope|no thanks|no thank you|don t|do not|keep it|never mind|nevermind)$/;
/** Yes and no in the other languages of the bot (accents are gone by then: "sí" is "si", "não" is "nao"). */
const YES_OTHER =
  /^(si|si por favor|si gracias|claro|vale|de acuerdo|perfecto|confirmar|confirmo|adelante|sim|sim por favor|sim obrigad[oa]|claro que sim|pode ser|pode confirmar|confirma|ja|ja bitte|ja gerne|genau|gerne|bitte bestatigen|bestatigen|oui|oui merci|oui s il vous plait|d accord|parfait|je confirme|confirmer|c est bon)$/;
const NO_OTHER = /^(no gracias|mejor no|nao|nao obrigad[oa]|nein|nein danke|lieber nicht|non|non merci)$/;
const clean = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

const answerOf = (o: Option) => decodeChoice(o.value)?.choice;
const isYes = (c: Choice | undefined) => (c?.kind === 'confirm' || c?.kind === 'cancel') && c.answer === 'yes';
const isNo = (c: Choice | undefined) =>
  ((c?.kind === 'confirm' || c?.kind === 'cancel') && c.answer === 'no') || (c?.kind === 'modify' && c.what === 'keep');

/** The option a typed message picks, if it is an answer to the list at all. */
export function matchOption(text: string, options: Option[]): Option | undefined {
  const t = clean(text).slice(0, 80);
  if (!t || !options.length) return undefined;
  const num = /^(?:number |option |no )?(\d{1,2})\.?$/.exec(t);
  if (num) return options[Number(num[1]) - 1];
  const ord = /^(?:the )?(first|second|third|fourth|fifth|sixth|last)(?: one| option)?$/.exec(t);
  if (ord) return ORDINALS[ord[1]] === -1 ? options[options.length - 1] : options[ORDINALS[ord[1]] - 1];
  const exact = options.find((o) => clean(o.title) === t || o.value === text.trim());
  if (exact) return exact;
  // "yes" / "no" answer a yes-or-no question whatever its buttons say.
  const cancelling = options.some((o) => answerOf(o)?.kind === 'cancel');
  if (agrees(t, cancelling) || YES_OTHER.test(t)) return options.find((o) => isYes(answerOf(o))) ?? options.find((o) => answerOf(o)?.kind === 'modify' && (answerOf(o) as { what: string }).what === 'confirm');
  if (NO.test(t) || NO_OTHER.test(t)) return options.find((o) => isNo(answerOf(o)));
  // A title shortened for WhatsApp ("Sea View Sui…") or typed with a small slip.
  const prefix = options.filter((o) => t.length >= 4 && clean(o.title).startsWith(t));
  if (prefix.length === 1) return prefix[0];
  const close = options.filter((o) => {
    const title = clean(o.title);
    return title.length >= 4 && distance(title, t) <= Math.max(1, Math.floor(title.length / 6));
  });
  return close.length === 1 ? close[0] : undefined;
}
