/**
 * Typed answers to an option list: "2", "the second one", the option's title or value, or a close spelling of
 * the title. WhatsApp taps arrive as the title, Telegram and LINE taps as the value: all land here.
 */
import type { Option } from './port';

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, last: -1 };
const YES = /^(yes|yeah|yep|yup|sure|ok|okay|confirm|please confirm|yes please|yes confirm|go ahead|do it|book it|correct|that s right|sounds good|perfect)( please| it| thanks| thank you)?$/;
const NO = /^(no|nope|no thanks|no thank you|don t|do not|keep it|never mind|nevermind)$/;
const clean = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();

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

export function matchOption(text: string, options: Option[]): Option | undefined {
  const t = clean(text);
  if (!t || !options.length) return undefined;
  const num = /^(?:number |option |no )?(\d{1,2})\.?$/.exec(t);
  if (num) return options[Number(num[1]) - 1];
  const ord = /^(?:the )?(first|second|third|fourth|fifth|sixth|last)(?: one| option)?$/.exec(t);
  if (ord) return ORDINALS[ord[1]] === -1 ? options[options.length - 1] : options[ORDINALS[ord[1]] - 1];
  const exact = options.find((o) => clean(o.title) === t || clean(o.value) === t);
  if (exact) return exact;
  // "yes" / "no" answer a yes-or-no question whatever its buttons say.
  if (YES.test(t)) {
    const yes = options.find((o) => /:(yes|confirm|continue)$/.test(o.value));
    if (yes) return yes;
  }
  if (NO.test(t)) {
    const no = options.find((o) => /:(no|keep)$/.test(o.value));
    if (no) return no;
  }
  // A title truncated for WhatsApp ("Sea View Sui…") or typed with a small slip.
  const prefix = options.filter((o) => clean(o.title).startsWith(t.replace(/ $/, '')) && t.length >= 4);
  if (prefix.length === 1) return prefix[0];
  const close = options.filter((o) => {
    const title = clean(o.title);
    return title.length >= 4 && distance(title, t) <= Math.max(1, Math.floor(title.length / 6));
  });
  return close.length === 1 ? close[0] : undefined;
}
