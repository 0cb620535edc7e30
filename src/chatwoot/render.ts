/**
 * Turns a channel-independent reply into a Chatwoot message body that passes Chatwoot's own validation
 * (CONTRACT §5.1: only the allowed item keys, at least one item, cards with actions) and that the guest's channel
 * can show: cards/forms/articles only in the web widget, option lists where Chatwoot renders them, numbered text
 * elsewhere. Every choice can also be typed.
 */
import type { Channel, Option, Reply } from '../dialogue/port';
import type { OutgoingMessage } from './api';
import { RENDERS_INPUT_SELECT, RENDERS_RICH, WHATSAPP_LIMITS } from './channel';
import { matchOption } from '../dialogue/choices';

export function numberedText(text: string, options: Option[]): string {
  const lines = options.map((o, i) => `${i + 1}. ${o.title}${o.description ? ` – ${o.description}` : ''}`);
  return `${text}\n${lines.join('\n')}\n\nReply with a number or the name.`;
}

/** The longest run of whole words of `text` within `max` characters, without trailing separators. */
export function fitWords(text: string, max: number): string | undefined {
  const words = text.trim().split(/\s+/);
  let fitted = '';
  for (const word of words) {
    const next = fitted ? `${fitted} ${word}` : word;
    if ([...next].length > max) break;
    fitted = next;
  }
  // A title does not end on a separator or a word that leads into the next ("Room with", "Bed &").
  const trimmed = fitted.replace(/[\s\-–—·:,;(]+$/u, '').replace(/(\s+(with|and|&|of|the|for|in|a|an|de|con|y|et|mit|und))+$/iu, '');
  return trimmed || undefined;
}

/**
 * A title's name and detail: the option's own description, or what follows " – " / " · " in a title written as
 * "Double Room – 360 EUR in total".
 */
function nameAndDetail(o: Option): { name: string; detail?: string } {
  if (o.description) return { name: o.title, detail: o.description };
  const m = /^(.+?)\s+[–·]\s+(.+)$/u.exec(o.title);
  return m ? { name: m[1], detail: m[2] } : { name: o.title };
}

/** What the buttons have no room for (a shortened name, a detail) goes in the message text, a line per option. */
function withDetails(text: string, rows: Array<{ title: string; name: string; detail?: string }>): string {
  const lines = rows.filter((r) => r.detail || r.name !== r.title).map((r) => `• ${r.name}${r.detail ? `: ${r.detail}` : ''}`);
  return lines.length ? `${text}\n${lines.join('\n')}` : text;
}

/**
 * WhatsApp's reply buttons (up to 3, titles of 20 characters) or list (up to 10 rows, titles of 24, descriptions of
 * 72), see WHATSAPP_LIMITS. Titles are shortened at word boundaries, never mid-word, and each must still pick its
 * own option when it comes back as the tapped text (the dialogue's matchOption); otherwise, and beyond 10
 * options, the guest gets a numbered list to answer by typing. Chatwoot's `input_select` items carry only a title
 * and a value, so each option's detail (the price) travels in the message text, cut to a list row's 72 characters.
 */
export function whatsappOptions(text: string, options: Option[]): OutgoingMessage {
  const L = WHATSAPP_LIMITS;
  if (options.length > L.listRows) return { content: numberedText(text, options) };
  const max = options.length <= L.buttons ? L.buttonTitle : L.rowTitle;
  const rows = options.map((o) => {
    const { name, detail } = nameAndDetail(o);
    return { option: o, title: fitWords(name, max), name, detail: detail ? fitWords(detail, L.rowDescription) : undefined };
  });
  const understood = rows.every((r) => r.title && matchOption(r.title, options) === r.option);
  const unique = new Set(rows.map((r) => r.title)).size === rows.length;
  if (!understood || !unique) return { content: numberedText(text, options) };
  return {
    content: withDetails(text, rows as Array<{ title: string; name: string; detail?: string }>),
    content_type: 'input_select',
    content_attributes: { items: rows.map((r) => ({ title: r.title!, value: r.option.value })) },
  };
}

function renderOptions(text: string, options: Option[], channel: Channel): OutgoingMessage {
  if (!options.length) return { content: text };
  if (!RENDERS_INPUT_SELECT.has(channel)) return { content: numberedText(text, options) };
  if (channel === 'whatsapp') return whatsappOptions(text, options);
  return {
    content: withDetails(text, options.map((o) => ({ title: o.title, name: o.title, detail: o.description }))),
    content_type: 'input_select',
    content_attributes: { items: options.map((o) => ({ title: o.title, value: o.value })) },
  };
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
      if (type === 'input_select' && (!RENDERS_INPUT_SELECT.has(channel) || channel === 'whatsapp')) {
        const items = ((m.content_attributes?.items as Option[] | undefined) ?? []).map((i) => ({ title: String(i.title), value: String(i.value) }));
        return channel === 'whatsapp' ? whatsappOptions(m.content, items) : { content: numberedText(m.content, items) };
      }
      if ((type === 'cards' || type === 'form' || type === 'article') && !rich) return { content: m.content };
      return m;
    }
  }
}

export function privateNote(text: string): OutgoingMessage {
  return { content: text, private: true };
}
