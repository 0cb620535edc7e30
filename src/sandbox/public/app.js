// The sandbox chat page: plays the guest in a Chatwoot web widget (or WhatsApp) and shows the staff side.
// It only talks to the sandbox's guest/staff API; the sandbox talks to the bot like Chatwoot does.
(() => {
  const $ = (id) => document.getElementById(id);
  let conversation = null;
  let version = -1;
  let busy = false;

  const api = async (method, path, body) => {
    const res = await fetch(`/sandbox/api${path}`, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    if (!res.ok) throw new Error((await res.json().catch(() => ({}))).error || res.statusText);
    return res.json();
  };

  const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const markdown = (s) => escapeHtml(s).replace(/\*\*(.+?)\*\*/g, '<b>$1</b>').replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1" target="_blank" rel="noopener">$1</a>');

  async function start() {
    const inbox = $('channel').value;
    conversation = await api('POST', '/conversations', { inbox, name: inbox === 'web' ? 'Guest' : undefined, verified: $('verified').checked, email: $('verified').checked ? 'maria.lopez@example.com' : undefined });
    version = -1;
    $('inbox-name').textContent = conversation.inbox.name;
    $('conv-label').textContent = `conversation #${conversation.id} · ${inbox === 'web' ? 'web widget' : 'WhatsApp'}`;
    render(conversation);
  }

  function submit(messageId, payload) {
    return api('POST', `/messages/${messageId}/submit`, payload).then(refresh).catch((e) => alert(e.message));
  }

  function renderRich(m, el, isWeb) {
    const attrs = m.content_attributes || {};
    const submitted = attrs.submitted_values || attrs.submitted_email;
    if (m.content_type === 'input_select' && (isWeb || m.message_type === 'outgoing')) {
      if (submitted && isWeb) {
        const chosen = Array.isArray(attrs.submitted_values) ? attrs.submitted_values.map((v) => v.title).join(', ') : '';
        if (chosen) el.insertAdjacentHTML('beforeend', `<div class="muted">✓ ${escapeHtml(chosen)}</div>`);
        return;
      }
      const box = document.createElement('div');
      box.className = 'options';
      for (const item of attrs.items || []) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = item.title;
        b.dataset.testid = 'option';
        b.onclick = () => submit(m.id, { values: [{ title: item.title, value: item.value }] });
        box.appendChild(b);
      }
      el.appendChild(box);
    } else if (m.content_type === 'cards' && isWeb) {
      const box = document.createElement('div');
      box.className = 'cards';
      box.dataset.testid = 'cards';
      for (const c of attrs.items || []) {
        const card = document.createElement('div');
        card.className = 'card';
        card.innerHTML = `${c.media_url ? `<img alt="" src="${escapeHtml(c.media_url)}">` : ''}<div class="body"><b>${escapeHtml(c.title || '')}</b>${escapeHtml(c.description || '')}</div>` +
          (c.actions || []).map((a) => (a.type === 'link' ? `<a href="${escapeHtml(a.uri)}" target="_blank" rel="noopener">${escapeHtml(a.text)}</a>` : `<a href="#" onclick="return false">${escapeHtml(a.text)}</a>`)).join('');
        box.appendChild(card);
      }
      el.after(box);
    } else if (m.content_type === 'form' && isWeb) {
      if (submitted) {
        el.insertAdjacentHTML('beforeend', `<div class="muted">✓ ${attrs.submitted_values.map((v) => escapeHtml(v.value)).join(' · ')}</div>`);
        return;
      }
      const form = document.createElement('form');
      form.className = 'rich';
      form.dataset.testid = 'form';
      for (const f of attrs.items || []) {
        const label = document.createElement('label');
        label.textContent = f.label || f.name;
        let input;
        if (f.type === 'select') {
          input = document.createElement('select');
          for (const o of f.options || []) input.add(new Option(o.label, o.value));
        } else if (f.type === 'text_area') input = document.createElement('textarea');
        else {
          input = document.createElement('input');
          input.type = f.type === 'email' ? 'email' : 'text';
        }
        input.name = f.name;
        input.placeholder = f.placeholder || '';
        if (f.default) input.value = f.default;
        input.required = true; // the widget submits only when every field is filled
        label.appendChild(input);
        form.appendChild(label);
      }
      const button = document.createElement('button');
      button.textContent = attrs.button_label || 'Submit';
      form.appendChild(button);
      form.onsubmit = (e) => {
        e.preventDefault();
        const values = [...form.elements].filter((x) => x.name).map((x) => ({ name: x.name, value: x.value }));
        submit(m.id, { values });
      };
      el.appendChild(form);
    } else if (m.content_type === 'article' && isWeb) {
      const box = document.createElement('div');
      box.className = 'articles';
      box.innerHTML = (attrs.items || []).map((a) => `<a href="${escapeHtml(a.link)}" target="_blank" rel="noopener"><b>${escapeHtml(a.title)}</b></a><div class="muted">${escapeHtml(a.description || '')}</div>`).join('');
      el.appendChild(box);
    } else if (m.content_type === 'input_email' && isWeb) {
      if (submitted) return void el.insertAdjacentHTML('beforeend', `<div class="muted">✓ ${escapeHtml(attrs.submitted_email)}</div>`);
      const form = document.createElement('form');
      form.className = 'rich';
      form.innerHTML = '<label>Email<input type="email" name="email" required></label><button>Send</button>';
      form.onsubmit = (e) => {
        e.preventDefault();
        submit(m.id, { email: form.elements.email.value });
      };
      el.appendChild(form);
    }
  }

  function render(c) {
    if (c.version === version) return;
    version = c.version;
    const isWeb = c.inbox.channel === 'Channel::WebWidget';
    const box = $('messages');
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
    box.innerHTML = '';
    const notes = [];
    for (const m of c.messages) {
      if (m.private) {
        notes.push(m);
        continue;
      }
      const el = document.createElement('div');
      const staff = m.sender && m.sender.type === 'user';
      el.className = `msg ${m.message_type === 'incoming' ? 'incoming' : 'outgoing'}${staff ? ' staff' : ''}`;
      el.dataset.testid = m.message_type === 'incoming' ? 'guest-message' : 'bot-message';
      el.dataset.contentType = m.content_type;
      const who = m.message_type === 'incoming' ? '' : `<span class="who">${staff ? escapeHtml(m.sender.name) + ' (staff)' : 'Concierge bot'}</span>`;
      el.innerHTML = `${who}<span class="text">${markdown(m.content || '')}</span>`;
      box.appendChild(el);
      renderRich(m, el, isWeb);
    }
    if (atBottom || true) box.scrollTop = box.scrollHeight;
    $('typing').hidden = !c.typing;
    $('status').textContent = c.status;
    $('status').className = `status-${c.status}`;
    $('reason').textContent = c.custom_attributes.bot_handoff_reason || '—';
    $('team').textContent = c.team_id ? `#${c.team_id}` : '—';
    $('handback').disabled = c.status === 'pending';
    $('notes').innerHTML = notes.length ? notes.map((n) => `<div class="note" data-testid="note">${markdown(n.content)}</div>`).join('') : '<p class="muted">None yet.</p>';
  }

  async function refresh() {
    if (!conversation || busy) return;
    busy = true;
    try {
      const c = await api('GET', `/conversations/${conversation.id}`);
      const unread = c.messages.some((m) => m.message_type !== 'incoming' && !m.private && m.status !== 'read');
      render(c);
      if (unread && document.visibilityState === 'visible') api('POST', `/conversations/${conversation.id}/read`).catch(() => {});
    } finally {
      busy = false;
    }
  }

  $('composer').onsubmit = async (e) => {
    e.preventDefault();
    const text = $('text').value.trim();
    if (!text || !conversation) return;
    $('text').value = '';
    await api('POST', `/conversations/${conversation.id}/messages`, { content: text });
    refresh();
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
  start().then(() => setInterval(refresh, 600));
})();
