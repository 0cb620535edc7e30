/** Chatwoot's ContentAttributeValidator (CONTRACT.md §5.1): what a message create must look like, and its 422s. */

const ITEM_KEYS: Record<string, string[]> = {
  input_select: ['title', 'value'],
  form: ['type', 'placeholder', 'label', 'name', 'options', 'default', 'required', 'pattern', 'title', 'pattern_error'],
  cards: ['title', 'description', 'media_url', 'actions'],
  article: ['title', 'description', 'link'],
};
const ACTION_KEYS = ['text', 'type', 'payload', 'uri'];
const CONTENT_TYPES = ['text', 'input_text', 'input_textarea', 'input_email', 'input_select', 'cards', 'form', 'article', 'input_csat'];

export function validateMessage(body: Record<string, unknown>): string | undefined {
  const type = (body.content_type as string | undefined) ?? 'text';
  if (!CONTENT_TYPES.includes(type)) return `Validation failed: Content type is not included in the list`;
  if (typeof body.content === 'string' && body.content.length > 150_000) return 'Validation failed: Content is too long (maximum is 150000 characters)';
  if (body.message_type && body.message_type !== 'outgoing') {
    if (body.message_type === 'incoming') return 'Incoming messages are only allowed in Api inboxes';
  }
  let attrs = body.content_attributes as Record<string, unknown> | string | undefined;
  if (typeof attrs === 'string') {
    try {
      attrs = JSON.parse(attrs) as Record<string, unknown>;
    } catch {
      return 'Validation failed: Content attributes is invalid';
    }
  }
  const keys = ITEM_KEYS[type];
  if (!keys) return undefined;
  const items = (attrs as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items) || items.length === 0) return 'Validation failed: Content attributes At least one item is required.';
  for (const item of items) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return 'Validation failed: Content attributes Items must be a hash';
    const unknown = Object.keys(item).filter((k) => !keys.includes(k));
    if (unknown.length) return `Validation failed: Content attributes Invalid keys: ${unknown.join(', ')}`;
    if (type === 'cards') {
      const actions = (item as { actions?: unknown }).actions;
      if (!Array.isArray(actions) || actions.length === 0) return 'Validation failed: Content attributes Actions are required for cards';
      for (const a of actions) if (!a || typeof a !== 'object' || Object.keys(a).some((k) => !ACTION_KEYS.includes(k))) return 'Validation failed: Content attributes Invalid action keys';
    }
  }
  return undefined;
}
