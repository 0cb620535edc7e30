/**
 * Turns a channel-independent reply into a Chatwoot message body that passes Chatwoot's own validation
 * (CONTRACT §5.1: only the allowed item keys, at least one item, cards with actions) and that the guest's channel
 * can show: cards/forms/articles only in the web widget, option lists where Chatwoot renders them, numbered text
 * elsewhere. Every choice can also be typed.
 */
import type { Channel, Option, Reply } from '../dialogue/port';
import type { OutgoingMessage } from './api';
import { RENDERS_INPUT_SELECT, RENDERS_RICH } from './channel';

const WHATSAPP_BUTTON_TITLE = 20;
const WHATSAPP_LIST_TITLE = 24;
const WHATSAPP_MAX_ROWS = 10;

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

export function numberedText(text: string, options: Option[]): string {
  const lines = options.map((o, i) => `${i + 1}. ${o.title}`);
  return `${text}\n${lines.join('\n')}\n\nReply with a number or the name.`;
}

function renderOptions(text: string, options: Option[], channel: Channel): OutgoingMessage {
  if (!options.length) return { content: text };
  if (!RENDERS_INPUT_SELECT.has(channel)) return { content: numberedText(text, options) };
  let items = options.map((o) => ({ title: o.title, value: o.value }));
  if (channel === 'whatsapp') {
    if (items.length > WHATSAPP_MAX_ROWS) return { content: numberedText(text, options) };
    const max = items.length <= 3 ? WHATSAPP_BUTTON_TITLE : WHATSAPP_LIST_TITLE;
    items = items.map((i) => ({ title: truncate(i.title, max), value: i.value }));
  }
  return { content: text, content_type: 'input_select', content_attributes: { items } };
}

export function renderReply(reply: Reply, channel: Channel): OutgoingMessage {
  const rich = RENDERS_RICH.has(channel);
  switch (reply.kind) {
    case 'text':
      return { content: reply.text };
    case 'options':
      return renderOptions(reply.text, reply.options, channel);
    case 'cards': {
      const withAction = reply.cards.filter((c) => c.link);
      if (rich && withAction.length === reply.cards.length && reply.cards.length > 0) {
        return {
          content: reply.text,
          content_type: 'cards',
          content_attributes: {
            items: reply.cards.map((c) => ({
              title: c.title,
              description: c.description,
              ...(c.imageUrl ? { media_url: c.imageUrl } : {}),
              actions: [{ type: 'link', text: c.link!.text, uri: c.link!.url }],
            })),
          },
        };
      }
      const lines = reply.cards.map((c) => `• ${c.title}: ${c.description}`);
      return { content: [reply.text, ...lines].filter(Boolean).join('\n') };
    }
    case 'form': {
      if (rich) {
        return {
          content: reply.text,
          content_type: 'form',
          content_attributes: {
            button_label: reply.submitLabel,
            items: reply.fields.map((f) => ({
              name: f.name,
              label: f.label,
              type: f.type,
              ...(f.placeholder ? { placeholder: f.placeholder } : {}),
              ...(f.default !== undefined ? { default: f.default } : {}),
              ...(f.options ? { options: f.options } : {}),
            })),
          },
        };
      }
      return { content: `${reply.text}\n${reply.fields.map((f) => `• ${f.label}`).join('\n')}` };
    }
    case 'raw': {
      const m = reply.message;
      const type = m.content_type ?? 'text';
      if (type === 'input_select' && !RENDERS_INPUT_SELECT.has(channel)) {
        const items = ((m.content_attributes?.items as Option[] | undefined) ?? []).map((i) => ({ title: String(i.title), value: String(i.value) }));
        return { content: numberedText(m.content, items) };
      }
      if ((type === 'cards' || type === 'form' || type === 'article') && !rich) return { content: m.content };
      return m;
    }
  }
}

export function privateNote(text: string): OutgoingMessage {
  return { content: text, private: true };
}
