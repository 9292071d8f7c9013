/*
 * Rapport chat widget: include with one tag, options as data- attributes (docs/widget.md).
 *   <script src="https://desk.example/widget/rapport-widget.js" async
 *           data-title="Chat with us" data-assistant-name="Virtual assistant"></script>
 * No dependencies. Everything lives in a shadow root, so the page's styles and the widget's do not mix. Text is
 * only ever set with textContent: nothing a visitor, an agent or the assistant writes is interpreted as HTML.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__rapportWidget) { return; }
  window.__rapportWidget = true;

  var data = script.dataset;
  var server = new URL(data.server || script.src, document.baseURI);
  var base = server.origin;
  var options = {
    title: data.title || 'Chat with us',
    subtitle: data.subtitle || 'Our assistant answers at once; a person takes over whenever you ask.',
    assistantName: data.assistantName || 'Virtual assistant',
    launcher: data.launcherLabel || 'Chat with us',
    greeting: data.greeting || 'Hi! Ask us anything about orders, delivery, returns or your account.',
    name: data.name || '',
    email: data.email || '',
    askName: data.askName !== 'false',
    position: data.position === 'left' ? 'left' : 'right'
  };
  var storeKey = 'rapport-widget:' + base;
  var openKey = storeKey + ':open';

  var maxLength = 2000;
  var socket = null;
  var token = read(storeKey);
  var lastId = 0;
  var shown = {};
  var pending = {};
  var outbox = [];
  var attempt = 0;
  var reconnectTimer = 0;
  var nextClientId = 1;
  var starting = null;
  var unread = 0;

  function read(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function write(key, value) { try { if (value === null) { window.localStorage.removeItem(key); } else { window.localStorage.setItem(key, value); } } catch (e) { /* private mode */ } }
  function readSession(key) { try { return window.sessionStorage.getItem(key); } catch (e) { return null; } }
  function writeSession(key, value) { try { window.sessionStorage.setItem(key, value); } catch (e) { /* private mode */ } }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); }); }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // ---- DOM -------------------------------------------------------------------------------------------------------
  var host = el('div', { 'data-rapport-widget': '' });
  var root = host.attachShadow({ mode: 'open' });
  var style = el('style');
  style.textContent = [
    ':host{all:initial;position:fixed;z-index:2147483000;bottom:20px;' + options.position + ':20px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433}',
    '*{box-sizing:border-box}',
    '.launcher{display:flex;align-items:center;gap:8px;border:0;border-radius:999px;padding:12px 18px;background:#1f4fd1;color:#fff;font:inherit;font-weight:600;cursor:pointer;box-shadow:0 6px 20px rgba(20,40,90,.3)}',
    '.launcher:hover{background:#173fa8}',
    '.launcher:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #ffb020;outline-offset:2px}',
    '.badge{min-width:20px;border-radius:10px;background:#fff;color:#1f4fd1;font-size:12px;padding:1px 6px;text-align:center}',
    '.badge[hidden]{display:none}',
    '.panel{position:absolute;bottom:64px;' + options.position + ':0;width:370px;height:560px;max-height:calc(100vh - 110px);display:flex;flex-direction:column;background:#fff;border-radius:14px;box-shadow:0 12px 40px rgba(20,40,90,.28);overflow:hidden}',
    '.panel[hidden]{display:none}',
    'header{display:flex;align-items:flex-start;gap:8px;padding:14px 16px;background:#1f4fd1;color:#fff}',
    'header .titles{flex:1}',
    'h2{margin:0;font-size:17px;font-weight:700}',
    'header p{margin:2px 0 0;font-size:13px;opacity:.9}',
    '.close{border:0;background:transparent;color:#fff;font-size:24px;line-height:1;cursor:pointer;padding:2px 8px;border-radius:6px}',
    '.status{font-size:12.5px;padding:4px 16px;background:#fff4d6;color:#5b4300}',
    '.status:empty{display:none}',
    '.log{flex:1;overflow-y:auto;padding:14px 12px;display:flex;flex-direction:column;gap:10px;background:#f5f7fb}',
    '.msg{max-width:85%;display:flex;flex-direction:column;gap:2px}',
    '.msg .who{font-size:12px;color:#586176}',
    '.msg .text{white-space:pre-wrap;overflow-wrap:anywhere;padding:9px 12px;border-radius:14px;background:#fff;border:1px solid #dfe4ee}',
    '.msg.customer{align-self:flex-end;align-items:flex-end}',
    '.msg.customer .text{background:#1f4fd1;color:#fff;border-color:#1f4fd1}',
    '.msg.assistant .text{background:#eef2ff;border-color:#cfd8fb}',
    '.msg.agent .text{background:#e8f6ee;border-color:#b9e2c9}',
    '.msg .state{font-size:12px;color:#586176}',
    '.msg.failed .state{color:#b3261e}',
    '.note{align-self:center;font-size:12.5px;color:#586176;text-align:center}',
    '.typing{padding:0 16px 6px;font-size:12.5px;color:#586176;background:#f5f7fb}',
    '.typing[hidden]{display:none}',
    '.intro{display:flex;gap:8px;padding:8px 12px 0}',
    '.intro[hidden]{display:none}',
    '.intro label{flex:1;display:flex;flex-direction:column;font-size:12px;color:#3b4458;gap:2px}',
    'input,textarea{font:inherit;color:inherit;border:1px solid #b8c0d2;border-radius:8px;padding:7px 9px;background:#fff;width:100%}',
    'form{display:flex;flex-direction:column;gap:6px;padding:10px 12px 12px;border-top:1px solid #e3e7ef;background:#fff}',
    '.row{display:flex;gap:8px;align-items:flex-end}',
    'textarea{resize:none;min-height:44px;max-height:140px}',
    '.send{border:0;border-radius:10px;background:#1f4fd1;color:#fff;font:inherit;font-weight:600;padding:10px 14px;cursor:pointer}',
    '.send:disabled{background:#8a9bd0;cursor:not-allowed}',
    '.hint{display:flex;justify-content:space-between;font-size:12px;color:#586176}',
    '.hint .over{color:#b3261e;font-weight:600}',
    '.error{font-size:13px;color:#b3261e}',
    '.error:empty{display:none}',
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
    '@media (max-width:480px){:host{bottom:12px;' + options.position + ':12px}',
    '.panel{position:fixed;inset:0;width:auto;height:auto;max-height:none;border-radius:0}',
    '.launcher[aria-expanded=true]{display:none}}',
    '@media (prefers-reduced-motion:no-preference){.panel{animation:rw-in .16s ease-out}@keyframes rw-in{from{opacity:0;transform:translateY(8px)}}}'
  ].join('\n');
  root.appendChild(style);

  var launcher = el('button', { type: 'button', 'class': 'launcher', 'aria-expanded': 'false', 'aria-controls': 'rapport-panel' });
  launcher.appendChild(el('span', null, options.launcher));
  var badge = el('span', { 'class': 'badge', hidden: '' });
  launcher.appendChild(badge);

  var panel = el('div', { id: 'rapport-panel', 'class': 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'rapport-title', 'aria-describedby': 'rapport-subtitle', hidden: '' });
  var header = el('header');
  var titles = el('div', { 'class': 'titles' });
  titles.appendChild(el('h2', { id: 'rapport-title' }, options.title));
  titles.appendChild(el('p', { id: 'rapport-subtitle' }, options.subtitle));
  var close = el('button', { type: 'button', 'class': 'close', 'aria-label': 'Close chat' }, '\u00d7');
  header.appendChild(titles);
  header.appendChild(close);
  var status = el('div', { 'class': 'status', role: 'status' });
  var log = el('div', { 'class': 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Chat messages', tabindex: '0' });
  log.appendChild(el('p', { 'class': 'note' }, options.greeting));
  var typing = el('div', { 'class': 'typing', hidden: '', 'aria-live': 'polite' }, options.assistantName + ' is typing\u2026');

  var intro = el('div', { 'class': 'intro' });
  var nameLabel = el('label', null, 'Your name (optional)');
  var nameInput = el('input', { type: 'text', autocomplete: 'name', maxlength: '200' });
  nameInput.value = options.name;
  nameLabel.appendChild(nameInput);
  var emailLabel = el('label', null, 'E-mail (optional)');
  var emailInput = el('input', { type: 'email', autocomplete: 'email', maxlength: '320' });
  emailInput.value = options.email;
  emailLabel.appendChild(emailInput);
  intro.appendChild(nameLabel);
  intro.appendChild(emailLabel);
  if (!options.askName || token) { intro.hidden = true; }

  var form = el('form', { novalidate: '' });
  var row = el('div', { 'class': 'row' });
  var inputLabel = el('label', { 'for': 'rapport-input', 'class': 'sr' }, 'Your message');
  var input = el('textarea', { id: 'rapport-input', rows: '2', placeholder: 'Type your message\u2026', 'aria-describedby': 'rapport-hint rapport-error' });
  var send = el('button', { type: 'submit', 'class': 'send' }, 'Send');
  row.appendChild(input);
  row.appendChild(send);
  var hint = el('div', { id: 'rapport-hint', 'class': 'hint' });
  hint.appendChild(el('span', null, 'Enter sends, Shift+Enter adds a line'));
  var counter = el('span');
  hint.appendChild(counter);
  var error = el('div', { id: 'rapport-error', 'class': 'error', role: 'alert' });
  form.appendChild(inputLabel);
  form.appendChild(row);
  form.appendChild(hint);
  form.appendChild(error);

  panel.appendChild(header);
  panel.appendChild(status);
  panel.appendChild(intro);
  panel.appendChild(log);
  panel.appendChild(typing);
  panel.appendChild(form);
  root.appendChild(panel);
  root.appendChild(launcher);

  // ---- Panel ----------------------------------------------------------------------------------------------------
  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    writeSession(openKey, '1');
    unread = 0;
    badge.hidden = true;
    scrollDown();
    input.focus();
    if (token && !socket) { connect(); }
  }

  function shut() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    writeSession(openKey, '0');
    launcher.focus();
  }

  launcher.addEventListener('click', function () { if (panel.hidden) { open(); } else { shut(); } });
  close.addEventListener('click', shut);
  panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') { e.preventDefault(); shut(); } });

  // ---- Messages -------------------------------------------------------------------------------------------------
  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function who(message) {
    if (message.author === 'customer') { return 'You'; }
    if (message.author === 'agent') { return (message.name || 'Support') + ' \u00b7 support team'; }
    return options.assistantName + ' \u00b7 automated';
  }

  function render(message, clientId) {
    var item = el('div', { 'class': 'msg ' + message.author, 'data-author': message.author });
    if (message.id) { item.setAttribute('data-id', String(message.id)); }
    item.appendChild(el('span', { 'class': 'who' }, who(message)));
    item.appendChild(el('div', { 'class': 'text' }, message.text));
    if (clientId) { item.appendChild(el('span', { 'class': 'state', 'aria-live': 'off' }, 'Sending\u2026')); }
    log.appendChild(item);
    scrollDown();
    return item;
  }

  function show(message) {
    if (shown[message.id]) { return; }
    shown[message.id] = true;
    if (message.id > lastId) { lastId = message.id; }
    render(message);
    if (message.author !== 'customer') {
      typing.hidden = true;
      if (panel.hidden) { unread += 1; badge.textContent = String(unread); badge.hidden = false; }
    }
  }

  function acknowledged(clientId, message) {
    var entry = pending[clientId];
    delete pending[clientId];
    if (shown[message.id]) { if (entry) { entry.item.remove(); } return; }
    shown[message.id] = true;
    if (message.id > lastId) { lastId = message.id; }
    if (entry) {
      entry.item.setAttribute('data-id', String(message.id));
      var state = entry.item.querySelector('.state');
      if (state) { state.remove(); }
    } else {
      render(message);
    }
  }

  function failed(clientId, text) {
    var entry = pending[clientId];
    delete pending[clientId];
    if (!entry) { return; }
    entry.item.classList.add('failed');
    var state = entry.item.querySelector('.state');
    if (state) { state.textContent = 'Not sent: ' + text; }
  }

  // ---- Socket ---------------------------------------------------------------------------------------------------
  function setStatus(text) { status.textContent = text; }

  function socketUrl() {
    var url = new URL('/widget/socket', base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url.toString();
  }

  function connect() {
    if (!token || socket) { return; }
    clearTimeout(reconnectTimer);
    var ws;
    try { ws = new WebSocket(socketUrl()); } catch (e) { scheduleReconnect(); return; }
    socket = ws;
    ws.onopen = function () {
      ws.send(JSON.stringify({ type: 'hello', token: token, after: lastId }));
    };
    ws.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      handle(frame);
    };
    ws.onclose = function () {
      if (socket !== ws) { return; }
      socket = null;
      typing.hidden = true;
      Object.keys(pending).forEach(function (id) { outbox.unshift(pending[id]); delete pending[id]; });
      if (token) { setStatus('Reconnecting\u2026'); scheduleReconnect(); }
    };
  }

  function scheduleReconnect() {
    // 1 s, 2 s, 4 s ... up to 30 s, with jitter so many widgets do not return at the same instant.
    var delay = Math.min(30000, 1000 * Math.pow(2, attempt)) * (0.75 + Math.random() * 0.5);
    attempt += 1;
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(connect, delay);
  }

  function handle(frame) {
    switch (frame.type) {
      case 'history':
        attempt = 0;
        setStatus('');
        if (frame.maxLength) { maxLength = frame.maxLength; updateCounter(); }
        frame.messages.forEach(show);
        flush();
        break;
      case 'message':
        show(frame.message);
        break;
      case 'ack':
        acknowledged(frame.clientId, frame.message);
        break;
      case 'typing':
        typing.hidden = !frame.on;
        if (frame.on) { scrollDown(); }
        break;
      case 'error':
        onError(frame);
        break;
    }
  }

  function onError(frame) {
    if (frame.code === 'unknown_token' || frame.code === 'expired_token') {
      // The chat is gone (expired, or the link was not valid): forget it; the next message starts a new one.
      token = null;
      write(storeKey, null);
      var s = socket;
      socket = null;
      if (s) { s.close(); }
      setStatus('');
      log.appendChild(el('p', { 'class': 'note' }, frame.message));
      Object.keys(pending).forEach(function (id) { failed(id, 'please send it again.'); });
      intro.hidden = !options.askName;
      return;
    }

    if (frame.clientId) {
      failed(frame.clientId, frame.message);
    }

    error.textContent = frame.message;
  }

  function flush() {
    while (outbox.length && socket && socket.readyState === WebSocket.OPEN) {
      var entry = outbox.shift();
      pending[entry.clientId] = entry;
      socket.send(JSON.stringify({ type: 'message', text: entry.text, clientId: entry.clientId }));
    }
  }

  function start() {
    if (starting) { return starting; }
    var body = {};
    if (nameInput.value.trim()) { body.name = nameInput.value.trim(); }
    if (emailInput.value.trim()) { body.email = emailInput.value.trim(); }
    setStatus('Connecting\u2026');
    starting = fetch(base + '/widget/conversations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit'
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) { throw new Error(problemText(json)); }
        token = json.token;
        maxLength = json.maxLength || maxLength;
        write(storeKey, token);
        intro.hidden = true;
        connect();
      });
    }).catch(function (e) {
      setStatus('');
      error.textContent = 'The chat could not start: ' + e.message;
      outbox.splice(0).forEach(function (entry) { pending[entry.clientId] = entry; failed(entry.clientId, 'the chat could not start.'); });
    }).then(function () { starting = null; });
    return starting;
  }

  function problemText(json) {
    if (json && json.errors) {
      var k = Object.keys(json.errors)[0];
      if (k) { return json.errors[k][0]; }
    }
    return (json && (json.detail || json.title)) || 'please try again later.';
  }

  // ---- Input ----------------------------------------------------------------------------------------------------
  function updateCounter() {
    var n = input.value.length;
    counter.textContent = n > maxLength * 0.8 ? n + ' / ' + maxLength : '';
    counter.className = n > maxLength ? 'over' : '';
    send.disabled = n > maxLength;
  }

  input.addEventListener('input', function () { error.textContent = ''; updateCounter(); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); submit(); }
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); submit(); });

  function submit() {
    var text = input.value;
    if (!text.trim()) { return; }
    if (text.length > maxLength) {
      error.textContent = 'Messages can be up to ' + maxLength + ' characters; this one has ' + text.length + '.';
      return;
    }

    error.textContent = '';
    input.value = '';
    updateCounter();
    var clientId = 'c' + Date.now().toString(36) + '-' + (nextClientId++);
    var entry = { clientId: clientId, text: text, item: render({ author: 'customer', text: text }, clientId) };
    outbox.push(entry);
    if (!token) { start(); } else if (!socket) { connect(); } else { flush(); }
  }

  // ---- Start ----------------------------------------------------------------------------------------------------
  function mount() {
    document.body.appendChild(host);
    if (token) { connect(); }
    if (readSession(openKey) === '1') { open(); }
  }

  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
})();
