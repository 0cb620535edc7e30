/**
 * Plays a conversation written as data (test/conversations/*.yaml) against the real service through the sandbox's
 * Chatwoot: the guest writes, clicks and submits; staff change the status; each step lists what must follow.
 */
import * as fs from 'node:fs';
import { parse } from 'yaml';
import type { TestService } from '../support/service';

export interface Step {
  guest?: string;
  click?: string;
  submit?: Record<string, string>;
  staff?: 'pending' | 'open' | 'resolved';
  new_conversation?: { channel?: 'web' | 'whatsapp'; email?: string; verified?: boolean };
  remember?: Record<string, string>; // name: regex with one group, applied to the new bot messages
  expect?: Array<string | Record<string, unknown>>;
}

export interface Dialogue {
  name: string;
  channel: 'web' | 'whatsapp';
  steps: Step[];
}

export function loadDialogues(file: string): Dialogue[] {
  const doc = parse(fs.readFileSync(file, 'utf8'));
  return Array.isArray(doc) ? doc : [doc];
}

const fill = (s: string, vars: Record<string, string>) => s.replace(/\$\{(\w+)\}/g, (_m, k) => vars[k] ?? `\${${k}}`);

export async function play(svc: TestService, d: Dialogue): Promise<void> {
  const vars: Record<string, string> = {};
  let conv = await svc.api('POST', '/conversations', { inbox: d.channel });
  await svc.settle();
  for (const [i, step] of d.steps.entries()) {
    const where = `${d.name}, step ${i + 1}`;
    if (step.new_conversation) {
      conv = await svc.api('POST', '/conversations', { inbox: step.new_conversation.channel ?? d.channel, email: step.new_conversation.email, verified: step.new_conversation.verified });
      await svc.settle();
    }
    const before = (await svc.api('GET', `/conversations/${conv.id}`)).messages.length;
    const current = await svc.api('GET', `/conversations/${conv.id}`);
    if (step.guest !== undefined) await svc.api('POST', `/conversations/${conv.id}/messages`, { content: fill(step.guest, vars) });
    if (step.click !== undefined) {
      const wanted = fill(step.click, vars).toLowerCase();
      const lists = current.messages.filter((m: any) => m.content_type === 'input_select' && !m.private).reverse();
      const list = lists.find((m: any) => m.content_attributes.items.some((it: any) => it.title.toLowerCase().startsWith(wanted)));
      if (!list) throw new Error(`${where}: no option "${step.click}" offered`);
      const item = list.content_attributes.items.find((it: any) => it.title.toLowerCase().startsWith(wanted));
      await svc.api('POST', `/messages/${list.id}/submit`, { values: [{ title: item.title, value: item.value }] });
    }
    if (step.submit) {
      const form = [...current.messages].reverse().find((m: any) => m.content_type === 'form');
      if (!form) throw new Error(`${where}: no form to submit`);
      await svc.api('POST', `/messages/${form.id}/submit`, { values: Object.entries(step.submit).map(([name, value]) => ({ name, value: fill(value, vars) })) });
    }
    if (step.staff) await svc.api('POST', `/conversations/${conv.id}/status`, { status: step.staff });
    await svc.settle();
    const after = await svc.api('GET', `/conversations/${conv.id}`);
    const fresh = after.messages.slice(before);
    const bot = fresh.filter((m: any) => m.message_type === 'outgoing' && !m.private && m.sender?.type === 'agent_bot');
    const notes = fresh.filter((m: any) => m.private);
    const said = bot.map((m: any) => m.content).join('\n---\n');
    for (const [name, re] of Object.entries(step.remember ?? {})) {
      const m = new RegExp(re).exec(said);
      if (!m) throw new Error(`${where}: could not remember ${name} with /${re}/ in:\n${said}`);
      vars[name] = m[1];
    }
    for (const raw of step.expect ?? []) {
      const [key, value] = typeof raw === 'string' ? [raw, true] : Object.entries(raw)[0];
      const v = typeof value === 'string' ? fill(value, vars) : value;
      const fail = (what: string) => {
        throw new Error(`${where}: expected ${key} ${JSON.stringify(v)} — ${what}\nBot said:\n${said || '(nothing)'}\nNotes:\n${notes.map((n: any) => n.content).join('\n') || '(none)'}`);
      };
      switch (key) {
        case 'says':
          if (!said.toLowerCase().includes(String(v).toLowerCase())) fail('not found');
          break;
        case 'says_not':
          if (said.toLowerCase().includes(String(v).toLowerCase())) fail('found');
          break;
        case 'matches':
          if (!new RegExp(String(v)).test(said)) fail('no match');
          break;
        case 'content_type':
          if (!bot.some((m: any) => m.content_type === v)) fail(`types were ${bot.map((m: any) => m.content_type).join(', ')}`);
          break;
        case 'no_content_type':
          if (bot.some((m: any) => m.content_type === v)) fail('it was sent');
          break;
        case 'silent':
          if (bot.length) fail('the bot answered');
          break;
        case 'replies_at_most':
          if (bot.length > Number(v)) fail(`${bot.length} replies`);
          break;
        case 'status':
          if (after.status !== v) fail(`status is ${after.status}`);
          break;
        case 'note':
          if (!notes.some((n: any) => n.content.toLowerCase().includes(String(v).toLowerCase()))) fail('no such private note');
          break;
        case 'no_note':
          if (notes.length) fail('a note was posted');
          break;
        case 'handoff_reason':
          if (after.custom_attributes.bot_handoff_reason !== v) fail(`reason is ${after.custom_attributes.bot_handoff_reason}`);
          break;
        case 'booking': {
          const code = /Confirmation code: ([0-9A-HJKMNP-TV-Z]{8})/.exec(said)?.[1] ?? vars.code;
          const rows = code ? await svc.db.query<{ status: string }>('SELECT status FROM bookings WHERE code = $1', [code]) : [];
          if (rows[0]?.status !== v) fail(`booking ${code} is ${rows[0]?.status ?? 'missing'}`);
          break;
        }
        default:
          throw new Error(`${where}: unknown expectation "${key}"`);
      }
    }
  }
}
