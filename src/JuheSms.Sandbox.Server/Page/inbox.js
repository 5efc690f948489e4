// The inbox page: loads /api/messages and /api/refusals, then follows /api/events (Server-Sent Events) so every send
// shows without a reload. No framework and nothing from the network but this server: it must work offline.
(() => {
  'use strict';
  const words = window.inboxText || {};
  if (words.lang) {
    document.documentElement.lang = words.lang;
  }
  const t = (key, vars) => (words[key] || key).replace(/\{(\w+)\}/g, (m, name) => (vars && name in vars ? String(vars[name]) : m));

  const feed = document.getElementById('messages');
  const empty = document.getElementById('empty');
  const filterInput = document.getElementById('filter');
  const statusEl = document.getElementById('status');
  const countEl = document.getElementById('count');
  const infoEl = document.getElementById('info');

  // Every item (message or refusal) by a key, and the order they arrived in (for equal timestamps).
  const items = new Map();
  let sequence = 0;
  let info = null;

  for (const el of document.querySelectorAll('[data-text]')) el.textContent = t(el.dataset.text);
  for (const el of document.querySelectorAll('[data-placeholder]')) el.placeholder = t(el.dataset.placeholder);
  document.title = t('title') + ' · ' + t('subtitle');

  const keyOf = (kind, data) => kind === 'message'
    ? 'm:' + data.sid
    : 'r:' + data.receivedAt + ':' + data.errorCode + ':' + (data.mobile || '') + ':' + (data.tplId || '');

  function add(kind, data, fresh) {
    const key = keyOf(kind, data);
    if (items.has(key)) return;
    items.set(key, { kind, data, seq: sequence++, fresh: !!fresh });
  }

  const digits = (s) => (s || '').replace(/\D/g, '');

  function formatMobile(m) {
    return /^\d{11}$/.test(m) ? m.slice(0, 3) + ' ' + m.slice(3, 7) + ' ' + m.slice(7) : (m || '—');
  }

  function formatTime(iso) {
    const d = new Date(iso);
    const now = new Date();
    const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return d.toDateString() === now.toDateString() ? time : d.toLocaleDateString() + ' ' + time;
  }

  // The one-time code of a message: a variable named like a code first, else a 4-8 digit run in a text that says "code".
  function codeOf(message) {
    const vars = message.variables || {};
    for (const name of Object.keys(vars)) {
      if (/code|captcha|otp|pin|验证码/i.test(name) && /^[A-Za-z0-9]{4,8}$/.test(vars[name])) return vars[name];
    }
    if (/验证码|校验码|code|otp/i.test(message.text)) {
      const match = /(?:^|\D)(\d{4,8})(?!\d)/.exec(message.text);
      if (match) return match[1];
    }
    return null;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function chip(text, className) {
    return el('span', 'chip' + (className ? ' ' + className : ''), text);
  }

  function faultText(fault) {
    if (!fault) return null;
    if (fault.kind === 'dropAfterAccept') return t('faultDropAfterAccept');
    if (fault.kind === 'delay') return t('faultDelay', { ms: fault.delayMs });
    return t('faultErrorCode', { code: fault.errorCode });
  }

  function bubble(text, code) {
    const node = el('div', 'bubble');
    const sig = /^【[^】]*】/.exec(text);
    let rest = text;
    if (sig) {
      node.appendChild(el('span', 'sig', sig[0]));
      rest = text.slice(sig[0].length);
    }
    const at = code ? rest.indexOf(code) : -1;
    if (at >= 0) {
      node.appendChild(document.createTextNode(rest.slice(0, at)));
      node.appendChild(el('mark', '', code));
      node.appendChild(document.createTextNode(rest.slice(at + code.length)));
    } else {
      node.appendChild(document.createTextNode(rest));
    }
    return node;
  }

  function avatarText(text) {
    const sig = /^【([^】]+)】/.exec(text);
    const name = sig ? sig[1] : t('avatarFallback');
    return /^[A-Za-z]/.test(name) ? name.slice(0, 2) : name.slice(0, 1);
  }

  function renderMessage(m) {
    const li = el('li', 'message');
    li.dataset.sid = m.sid;
    li.dataset.mobile = m.mobile;
    li.appendChild(el('div', 'avatar', avatarText(m.text)));
    const body = el('div', 'body');
    const head = el('div', 'head');
    head.appendChild(el('span', 'mobile', formatMobile(m.mobile)));
    if (m.template) head.appendChild(el('span', 'tpl-name', m.template));
    const time = el('time', 'time', formatTime(m.receivedAt));
    time.dateTime = m.receivedAt;
    time.title = m.receivedAt;
    head.appendChild(time);
    body.appendChild(head);
    const code = codeOf(m);
    body.appendChild(bubble(m.text, code));
    const meta = el('div', 'meta');
    meta.appendChild(chip(m.segments === 1 ? t('segment') : t('segments', { n: m.segments }), m.segments > 1 ? 'billed-many' : 'segments'));
    meta.appendChild(chip(t('tplId', { id: m.tplId }), 'tpl'));
    if (m.ext) meta.appendChild(chip(t('ext', { ext: m.ext }), 'ext'));
    if (m.method === 'GET') meta.appendChild(chip(t('viaGet'), 'fault'));
    const fault = faultText(m.fault);
    if (fault) meta.appendChild(chip(fault, 'fault'));
    if (code) {
      const button = el('button', 'copy');
      button.type = 'button';
      button.dataset.code = code;
      button.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><rect x="9" y="9" width="11" height="11" rx="2"/><path d="M5 15V6a2 2 0 0 1 2-2h8"/></svg>';
      button.appendChild(el('span', '', t('copy', { code })));
      meta.appendChild(button);
    }
    body.appendChild(meta);
    li.appendChild(body);
    return li;
  }

  function renderRefusal(r) {
    const li = el('li', 'refusal');
    li.dataset.mobile = digits(r.mobile);
    li.appendChild(el('div', 'avatar', '!'));
    const body = el('div', 'body');
    const head = el('div', 'head');
    head.appendChild(el('span', 'mobile', formatMobile(r.mobile)));
    head.appendChild(chip(t('refused', { code: r.errorCode }), 'bad'));
    const time = el('time', 'time', formatTime(r.receivedAt));
    time.dateTime = r.receivedAt;
    head.appendChild(time);
    body.appendChild(head);
    body.appendChild(el('div', 'reason', r.reason));
    const meta = el('div', 'meta');
    if (r.tplId) meta.appendChild(chip(t('tplId', { id: r.tplId }), 'tpl'));
    const fault = faultText(r.fault);
    if (fault) meta.appendChild(chip(fault, 'fault'));
    if (meta.childNodes.length) body.appendChild(meta);
    li.appendChild(body);
    return li;
  }

  function render() {
    const wanted = digits(filterInput.value);
    const list = [...items.values()]
      .filter((item) => !wanted || digits(item.data.mobile).includes(wanted))
      .sort((a, b) => (Date.parse(b.data.receivedAt) - Date.parse(a.data.receivedAt)) || (b.seq - a.seq));
    const nodes = list.map((item) => {
      const node = item.kind === 'message' ? renderMessage(item.data) : renderRefusal(item.data);
      if (item.fresh) {
        node.classList.add('fresh');
        item.fresh = false;
      }
      return node;
    });
    feed.replaceChildren(...nodes);
    const messages = [...items.values()].filter((item) => item.kind === 'message').length;
    countEl.textContent = messages === 1 ? t('messageCountOne') : t('messageCount', { n: messages });
    empty.hidden = nodes.length > 0;
    if (!nodes.length) {
      document.getElementById('empty-title').textContent = wanted ? t('emptyFiltered') : t('emptyTitle');
      const hint = document.getElementById('empty-hint');
      hint.textContent = '';
      if (!wanted && info) {
        const parts = t('emptyHint').split(/(\{endpoint\}|\{key\})/);
        for (const part of parts) {
          if (part === '{endpoint}') hint.appendChild(el('code', '', location.origin + info.sendPath));
          else if (part === '{key}') hint.appendChild(el('code', '', info.key));
          else hint.appendChild(document.createTextNode(part));
        }
      }
    }
  }

  function renderInfo() {
    if (!info) return;
    infoEl.replaceChildren();
    const add = (label, value) => {
      const span = el('span', '', label + ' ');
      span.appendChild(el('code', '', value));
      infoEl.appendChild(span);
    };
    add(t('infoEndpoint'), location.origin + info.sendPath);
    add(t('infoKey'), info.key);
    infoEl.appendChild(el('span', '', t('templateCount', { n: info.templates.length })));
    infoEl.hidden = false;
  }

  async function getJson(path) {
    const response = await fetch(path, { cache: 'no-store' });
    if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
    return response.json();
  }

  async function reload() {
    try {
      const [messages, refusals, serverInfo] = await Promise.all([getJson('/api/messages'), getJson('/api/refusals'), getJson('/api/info')]);
      info = serverInfo;
      items.clear();
      for (const m of messages.slice().reverse()) add('message', m, false);
      for (const r of refusals.slice().reverse()) add('refusal', r, false);
      renderInfo();
      render();
    } catch (e) {
      setLive(false);
    }
  }

  function setLive(live) {
    statusEl.classList.toggle('live', live);
    statusEl.classList.toggle('offline', !live);
    statusEl.lastElementChild.textContent = live ? t('live') : t('offline');
  }

  function connect() {
    const source = new EventSource('/api/events');
    source.onopen = () => {
      setLive(true);
      // Opened (or reopened after a restart of the tool): catch up with what happened meanwhile.
      reload();
    };
    source.onerror = () => setLive(false);
    source.addEventListener('message', (e) => { add('message', JSON.parse(e.data), true); render(); });
    source.addEventListener('refusal', (e) => { add('refusal', JSON.parse(e.data), true); render(); });
    source.addEventListener('cleared', () => { items.clear(); render(); });
  }

  async function copy(button) {
    const code = button.dataset.code;
    try {
      await navigator.clipboard.writeText(code);
    } catch (e) {
      // No clipboard API (an insecure origin, an old browser): the textarea fallback.
      const area = document.createElement('textarea');
      area.value = code;
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    button.classList.add('done');
    button.lastElementChild.textContent = t('copied') + ' ✓';
    setTimeout(() => {
      button.classList.remove('done');
      button.lastElementChild.textContent = t('copy', { code });
    }, 1500);
  }

  feed.addEventListener('click', (e) => {
    const button = e.target.closest('button.copy');
    if (button) copy(button);
  });
  filterInput.addEventListener('input', render);
  document.getElementById('clear').addEventListener('click', async () => {
    if (!confirm(t('clearConfirm'))) return;
    await fetch('/api/messages', { method: 'DELETE' });
  });

  setLive(false);
  render();
  connect();
})();
