// The sandbox chat page: plays the guest in a Chatwoot web widget (or WhatsApp) and shows the staff side.
// It only talks to the sandbox's guest/staff API; the sandbox talks to the bot like Chatwoot does.
//
// Updates are incremental, keyed by message id: a message's element is rebuilt only when that message changes,
// so what the guest is typing (a half-filled form, the composer) survives every poll, and focus stays put.
(() => {
  const $ = (id) => document.getElementById(id);
  const INTERACTIVE = new Set(['input_select', 'form', 'input_email']);
  let conversation = null;
  let version = -1;
  let busy = false;
  /** message id → { el, sig } for the chat; note id → element for the staff notes. */
  let shown = new Map();
  let notesShown = new Map();
  /** WhatsApp option lists the guest tapped (WhatsApp keeps no record on the message): id → title. */
  let tapped = new Map();

  const api = async (method, path, body) => {
    const res = await fetch(`/sandbox/api${path}`, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    if (!res.ok) throw new Error((await res.json().catch(() => ({}))).error || res.statusText);
    return res.json();
  };

  const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const markdown = (s) => escapeHtml(s).replace(/\*\*(.+?)\*\*/g, '<b>$1</b>').replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1" target="_blank" rel="noopener">$1</a>');
  const el = (tag, props = {}, children = []) => {
    const node = Object.assign(document.createElement(tag), props);
    for (const c of children) node.append(c);
    return node;
  };
  const done = (text) => el('div', { className: 'done', textContent: `✓ ${text}` });

  async function start() {
    const inbox = $('channel').value;
    const verified = $('verified').checked;
    // The web widget reports the visitor's browser language, as Chatwoot's widget does; WhatsApp reports none.
    const picked = $('language').value;
    const language = inbox !== 'web' ? undefined : picked === 'auto' ? navigator.language || 'en' : picked || null;
    conversation = await api('POST', '/conversations', { inbox, name: inbox === 'web' ? 'Guest' : undefined, verified, email: verified ? 'maria.lopez@example.com' : undefined, language });
    version = -1;
    shown = new Map();
    notesShown = new Map();
    tapped = new Map();
    $('messages').replaceChildren();
    $('notes').replaceChildren(el('p', { className: 'muted', textContent: 'None yet.' }));
    $('inbox-name').textContent = conversation.inbox.name;
    $('conv-label').textContent = `conversation #${conversation.id} · ${inbox === 'web' ? 'web widget' : 'WhatsApp'}`;
    document.body.dataset.channel = inbox;
    render(conversation);
  }

  function submit(messageId, payload) {
    return api('POST', `/messages/${messageId}/submit`, payload).then(refresh).catch((e) => alert(e.message));
  }

  /**
   * An option list, form or email box the guest has not answered stays live until the bot asks something newer:
   * a later option list, form or email box, or a later message with a question.
   */
  function liveness(messages) {
    const live = new Map();
    let newerQuestion = false;
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i];
      if (m.private || m.message_type === 'incoming') continue;
      const interactive = INTERACTIVE.has(m.content_type);
      if (interactive) live.set(m.id, !newerQuestion);
      if (interactive || /\?/.test(m.content || '')) newerQuestion = true;
    }
    return live;
  }

  function optionButtons(m, items, live, className) {
    const box = el('div', { className, role: 'group' });
    box.setAttribute('aria-label', 'Options');
    items.forEach((item, i) => {
      const b = el('button', { type: 'button', textContent: item.title, disabled: !live });
      b.dataset.testid = 'option';
      b.dataset.key = `option-${i}`;
      b.onclick = () => {
        if (!isWeb()) tapped.set(m.id, item.title);
        submit(m.id, { values: [{ title: item.title, value: item.value }] });
      };
      box.append(b);
    });
    if (!live) box.append(el('div', { className: 'muted', textContent: 'Answered by a later question.' }));
    return box;
  }

  /** WhatsApp shows up to 3 reply buttons, or one button that opens a list of up to 10 rows. */
  function whatsappOptions(m, items, live) {
    if (items.length <= 3) return optionButtons(m, items, live, 'wa-buttons');
    const box = el('div', { className: 'wa-list' });
    const open = el('button', { type: 'button', className: 'wa-open', textContent: '☰ Choose an option', disabled: !live });
    open.dataset.key = 'wa-open';
    open.setAttribute('aria-expanded', 'false');
    const rows = optionButtons(m, items, live, 'wa-rows');
    rows.hidden = true;
    open.onclick = () => {
      rows.hidden = !rows.hidden;
      open.setAttribute('aria-expanded', String(!rows.hidden));
      if (!rows.hidden) rows.querySelector('button')?.focus();
    };
    box.append(open, rows);
    return box;
  }

  function cards(m) {
    const strip = el('div', { className: 'cards', role: 'list' });
    strip.dataset.testid = 'cards';
    strip.setAttribute('aria-label', m.content || 'Rooms');
    for (const c of m.content_attributes.items || []) {
      const card = el('div', { className: 'card', role: 'listitem' });
      if (c.media_url) card.append(el('img', { alt: c.title || '', src: c.media_url, loading: 'lazy' }));
      card.append(el('div', { className: 'body' }, [el('b', { textContent: c.title || '' }), c.description || '']));
      for (const a of c.actions || []) {
        const link = el('a', { textContent: a.text, href: a.type === 'link' ? a.uri : '#' });
        if (a.type === 'link') Object.assign(link, { target: '_blank', rel: 'noopener' });
        else link.onclick = () => false;
        card.append(link);
      }
      strip.append(card);
    }
    return strip;
  }

  function form(m, live) {
    const attrs = m.content_attributes;
    const f = el('form', { className: 'rich' });
    f.dataset.testid = 'form';
    for (const [i, field] of (attrs.items || []).entries()) {
      let input;
      if (field.type === 'select') {
        input = el('select');
        for (const o of field.options || []) input.add(new Option(o.label, o.value));
      } else if (field.type === 'text_area') input = el('textarea');
      else input = el('input', { type: field.type === 'email' ? 'email' : 'text' });
      Object.assign(input, { name: field.name, required: true, disabled: !live, id: `f${m.id}-${i}` }); // the widget submits only when every field is filled
      // An example, not a value: marked "e.g." unless the bot's wording already says so.
      if (field.placeholder) input.placeholder = /^e\.\s?g\./i.test(field.placeholder) ? field.placeholder : `e.g. ${field.placeholder}`;
      if (field.default) input.value = field.default;
      input.dataset.key = `field-${field.name}`;
      f.append(el('label', { htmlFor: input.id, textContent: field.label || field.name }), input);
    }
    const button = el('button', { textContent: attrs.button_label || 'Submit', disabled: !live });
    button.dataset.key = 'submit';
    f.append(button);
    f.onsubmit = (e) => {
      e.preventDefault();
      submit(m.id, { values: [...f.elements].filter((x) => x.name).map((x) => ({ name: x.name, value: x.value })) });
    };
    return f;
  }

  function emailBox(m, live) {
    const f = el('form', { className: 'rich' });
    const input = el('input', { type: 'email', name: 'email', required: true, id: `e${m.id}`, autocomplete: 'email', disabled: !live });
    input.dataset.key = 'email';
    f.append(el('label', { htmlFor: input.id, textContent: 'Email' }), input, el('button', { textContent: 'Send', disabled: !live }));
    f.onsubmit = (e) => {
      e.preventDefault();
      submit(m.id, { email: input.value });
    };
    return f;
  }

  const isWeb = () => conversation && conversation.inbox.channel === 'Channel::WebWidget';

  /** The element for one public message: its bubble, and for cards the strip after it. */
  function messageElement(m, live) {
    const item = el('div', { className: 'item' });
    item.dataset.id = m.id;
    const staff = m.sender && m.sender.type === 'user';
    const incoming = m.message_type === 'incoming';
    const bubble = el('div', { className: `msg ${incoming ? 'incoming' : 'outgoing'}${staff ? ' staff' : ''}${m.status === 'failed' ? ' failed' : ''}` });
    bubble.dataset.testid = incoming ? 'guest-message' : 'bot-message';
    bubble.dataset.contentType = m.content_type;
    if (!incoming) bubble.append(el('span', { className: 'who', textContent: staff ? `${m.sender.name} (staff)` : 'Concierge bot' }));
    bubble.append(el('span', { className: 'text', innerHTML: markdown(m.content || '') }));
    item.append(bubble);

    const attrs = m.content_attributes || {};
    const web = isWeb();
    if (m.status === 'failed') {
      bubble.append(el('div', { className: 'error', textContent: `Not delivered: ${attrs.external_error || 'failed'}` }));
      return item;
    }
    if (m.content_type === 'input_select' && !incoming) {
      const chosen = Array.isArray(attrs.submitted_values) ? attrs.submitted_values.map((v) => v.title).join(', ') : tapped.get(m.id);
      if (chosen) bubble.append(done(chosen)); // hidden once clicked
      else if (web) bubble.append(optionButtons(m, attrs.items || [], live, 'options'));
      else bubble.append(whatsappOptions(m, attrs.items || [], live));
    } else if (!web) {
      // Chatwoot sends only the text of cards, forms and articles to other channels.
    } else if (m.content_type === 'cards') {
      item.append(cards(m));
    } else if (m.content_type === 'form') {
      if (attrs.submitted_values) bubble.append(done(attrs.submitted_values.map((v) => v.value).join(' · ')));
      else bubble.append(form(m, live));
    } else if (m.content_type === 'article') {
      const box = el('div', { className: 'articles' });
      for (const a of attrs.items || []) box.append(el('a', { href: a.link, target: '_blank', rel: 'noopener' }, [el('b', { textContent: a.title })]), el('div', { className: 'muted', textContent: a.description || '' }));
      bubble.append(box);
    } else if (m.content_type === 'input_email') {
      bubble.append(attrs.submitted_email ? done(attrs.submitted_email) : emailBox(m, live));
    }
    return item;
  }

  /** Replaces a message's element, keeping focus on the same control (or on the message) if it was inside. */
  function replace(old, fresh) {
    const focused = old.contains(document.activeElement) ? document.activeElement : null;
    old.replaceWith(fresh);
    if (!focused) return;
    const same = focused.dataset.key && fresh.querySelector(`[data-key="${focused.dataset.key}"]:not(:disabled)`);
    if (same) return same.focus({ preventScroll: true });
    fresh.tabIndex = -1;
    fresh.focus({ preventScroll: true });
  }

  function renderMessages(c) {
    const box = $('messages');
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    const live = liveness(c.messages);
    let added = false;
    for (const m of c.messages) {
      if (m.private) continue;
      const isLive = live.get(m.id) ?? false;
      const sig = JSON.stringify([m.content, m.content_attributes, m.status === 'failed', isLive, tapped.get(m.id), c.inbox.channel]);
      const prev = shown.get(m.id);
      if (prev && prev.sig === sig) continue;
      const fresh = messageElement(m, isLive);
      if (prev) replace(prev.el, fresh);
      else {
        box.append(fresh);
        added = true;
      }
      shown.set(m.id, { el: fresh, sig });
    }
    if (added && atBottom) box.scrollTop = box.scrollHeight;
  }

  function renderStaff(c) {
    $('typing').hidden = !c.typing;
    $('status').textContent = c.status;
    $('status').className = `status-${c.status}`;
    $('reason').textContent = c.handoff_reason || '—';
    $('team').textContent = c.team_id ? `#${c.team_id}` : '—';
    // Handing back makes sense whatever the state, except when the bot already has the conversation.
    $('handback').disabled = c.status === 'pending' && !c.with_staff;
    const notes = $('notes');
    for (const n of c.messages.filter((m) => m.private)) {
      if (notesShown.has(n.id)) continue;
      if (!notesShown.size) notes.replaceChildren();
      const note = el('div', { className: 'note', innerHTML: markdown(n.content) });
      note.dataset.testid = 'note';
      notes.append(note);
      notesShown.set(n.id, note);
    }
  }

  function render(c) {
    if (c.version === version) return;
    version = c.version;
    conversation = { ...conversation, ...c };
    renderMessages(c);
    renderStaff(c);
  }

  async function refresh() {
    if (!conversation || busy) return;
    busy = true;
    try {
      const c = await api('GET', `/conversations/${conversation.id}`);
      if (c.id !== conversation.id) return;
      const unread = c.messages.some((m) => m.message_type !== 'incoming' && !m.private && m.status !== 'read' && m.status !== 'failed');
      render(c);
      if (unread && document.visibilityState === 'visible') api('POST', `/conversations/${conversation.id}/read`).catch(() => {});
    } finally {
      busy = false;
    }
  }

  const scrollToEnd = () => {
    const box = $('messages');
    box.scrollTop = box.scrollHeight;
  };
  $('composer').onsubmit = async (e) => {
    e.preventDefault();
    const text = $('text').value.trim();
    if (!text || !conversation) return;
    $('text').value = '';
    await api('POST', `/conversations/${conversation.id}/messages`, { content: text });
    await refresh();
    scrollToEnd();
  };
  $('staff-form').onsubmit = async (e) => {
    e.preventDefault();
    const text = $('staff-text').value.trim();
    if (!text || !conversation) return;
    $('staff-text').value = '';
    await api('POST', `/conversations/${conversation.id}/staff`, { content: text });
    refresh();
  };
  $('handback').onclick = () => api('POST', `/conversations/${conversation.id}/status`, { status: 'pending' }).then(refresh);
  $('resolve').onclick = () => api('POST', `/conversations/${conversation.id}/status`, { status: 'resolved' }).then(refresh);
  $('new').onclick = start;
  $('channel').onchange = start;
  $('language').onchange = start;

  /**
   * Right after `npm start` the page is served before the bot is ready (the database opens, the language engine
   * loads): it shows what the service is doing until /readyz says ready, then the chat begins.
   */
  async function whenReady() {
    const since = Date.now();
    const controls = [$('text'), document.querySelector('[data-testid=send]'), $('new'), $('channel'), $('verified'), $('handback'), $('resolve')];
    let banner = null;
    for (;;) {
      const state = await fetch('/readyz', { cache: 'no-store' }).then(
        async (res) => ({ ready: res.ok, reasons: (await res.json().catch(() => ({}))).reasons || [] }),
        () => ({ ready: false, reasons: ['the server cannot be reached; is `npm start` still running?'] }),
      );
      if (state.ready) break;
      if (!banner) {
        banner = el('div', { className: 'starting', role: 'status' }, [el('span', { className: 'spinner' }), el('span')]);
        banner.dataset.testid = 'starting';
        $('messages').replaceChildren(banner);
        $('conv-label').textContent = 'starting…';
        for (const c of controls) c.disabled = true;
      }
      const what = state.reasons.map((r) => r.replace(/^starting: /, '')).join('; ') || 'starting';
      banner.lastChild.textContent = `The bot is starting (${Math.round((Date.now() - since) / 1000)} s): ${what}…`;
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const c of controls) c.disabled = false;
    banner?.remove();
  }

  whenReady()
    .then(start)
    .then(() => setInterval(refresh, 600));
})();
