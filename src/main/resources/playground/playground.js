'use strict';
(function () {
  const API = '/playground/api';
  const POLL_MS = 1500;
  const view = {
    lang: new URLSearchParams(location.search).get('lang') || localStorage.getItem('playground.lang') || 'en',
    labels: {},
    data: null,
    shown: '',
    selected: null,
    where: 'dm',
    openInput: null,  // {messageId, action, as, value}
    busy: false
  };

  const $ = (id) => document.getElementById(id);

  function t(key, ...args) {
    let text = view.labels['playground.page.' + key];
    if (text === undefined) return key;
    args.forEach((a, i) => { text = text.split('{' + i + '}').join(String(a)); });
    return text;
  }

  function escapeHtml(s) {
    return String(s == null ? '' : s)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  /** The bot's small markup: *bold* and line breaks. Everything else is shown as typed. */
  function markup(s) {
    return escapeHtml(s)
      .replace(/`([^`\n]+)`/g, '<code>$1</code>')
      .replace(/\*([^*\n]+)\*/g, '<b>$1</b>')
      .replace(/\r?\n/g, '<br>');
  }

  function el(tag, cls, html) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (html !== undefined) e.innerHTML = html;
    return e;
  }

  function showProblem(message) {
    const p = $('problem');
    p.textContent = message;
    p.hidden = false;
  }

  function clearProblem() {
    $('problem').hidden = true;
  }

  async function call(path, body) {
    const options = { method: body === undefined ? 'GET' : 'POST', headers: { 'Accept-Language': view.lang } };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(API + path, options);
    } catch (e) {
      showProblem(t('offline'));
      return null;
    }
    let json = null;
    try { json = await response.json(); } catch (e) { json = null; }
    if (!response.ok) {
      showProblem(json && json.message ? json.message : response.status + ' ' + response.statusText);
      return null;
    }
    return json;
  }

  async function change(path, body) {
    if (view.busy) {
      showProblem(t('busy'));
      return false;
    }
    view.busy = true;
    document.body.style.cursor = 'progress';
    try {
      const state = await call(path, body);
      if (state) {
        clearProblem();
        accept(state, true);
        return true;
      }
      return false;
    } finally {
      view.busy = false;
      document.body.style.cursor = '';
    }
  }

  async function refresh() {
    if (view.busy) return;
    const state = await call('/state');
    if (state) accept(state, false);
  }

  function accept(state, force) {
    const text = JSON.stringify(state);
    view.data = state;
    if (!force && text === view.shown) return;
    view.shown = text;
    render();
  }

  async function loadLabels() {
    const labels = await call('/labels?lang=' + encodeURIComponent(view.lang));
    if (labels) view.labels = labels;
    document.documentElement.lang = view.lang;
    $('language').value = view.lang;
    staticLabels();
    if (view.data) render();
  }

  function staticLabels() {
    document.title = t('title');
    $('title').textContent = t('title');
    $('intro').textContent = t('intro');
    $('help').textContent = t('help');
    $('language-label').textContent = t('language');
    $('create-demo').textContent = t('createDemo');
    [['send-now', 'sendNow'], ['close-week', 'closeWeek'], ['status', 'status']].forEach(([id, key]) => {
      $(id).textContent = $(id).dataset.command;
      $(id).title = t(key);
    });
    $('nudges-now').textContent = t('nudgesNow');
    $('nudges-now').title = t('nudgesNowHint');
    [['play-week', 'playWeek'], ['answer-all', 'answerAll'], ['next-week', 'nextWeek']].forEach(([id, key]) => {
      $(id).textContent = t(key);
      $(id).title = t(key + 'Hint');
    });
    $('simulate').textContent = t('simulate');
    $('simulate').title = t('simulateHint');
    $('reset').textContent = t('reset');
    $('reset').title = t('resetHint');
    $('dashboard-link').textContent = t('dashboard');
    $('type-as-label').textContent = t('typeAs');
    $('where-label').textContent = t('where');
    $('send').textContent = t('send');
    $('text').placeholder = t('placeholder');
    $('new-name').placeholder = t('name');
    $('admin-check-label').textContent = t('admin');
    $('add-person').textContent = t('addPerson');
  }

  function people() { return view.data ? view.data.people : []; }
  function person(id) { return people().find((p) => p.userId === id); }
  function nameOf(id) { const p = person(id); return p ? p.name : id; }
  function admin() { return people().find((p) => p.admin); }

  function render() {
    const data = view.data;
    if (!data) return;
    if (!person(view.selected)) {
      const first = people().find((p) => !p.admin) || people()[0];
      view.selected = first ? first.userId : null;
    }
    const a = admin();
    $('create-demo').hidden = people().length > 0;
    $('person-form').hidden = people().length === 0;
    ['send-now', 'play-week', 'answer-all', 'close-week', 'status', 'nudges-now', 'simulate', 'next-week']
      .forEach((id) => { $(id).disabled = !a; });
    $('admin-label').textContent = a ? t('asAdmin', a.name) : '';
    const week = data.week;
    $('week-label').textContent = week
      ? t('week', week.number, new Date(week.monday + 'T12:00:00Z').toLocaleDateString(view.lang, { day: 'numeric', month: 'short', year: 'numeric' }))
        + (week.weeksAhead > 0 ? ' ' + t('weeksAhead', week.weeksAhead) : '')
      : '';
    $('next-week').hidden = !!week && !week.movable;
    renderComposer();
    renderBoard();
  }

  function renderComposer() {
    const select = $('person');
    select.innerHTML = '';
    people().forEach((p) => {
      const o = el('option');
      o.value = p.userId;
      o.textContent = p.name;
      select.appendChild(o);
    });
    select.value = view.selected || '';
    const where = $('where');
    where.innerHTML = '';
    const dm = el('option');
    dm.value = 'dm';
    dm.textContent = t('inDm');
    where.appendChild(dm);
    const channel = el('option');
    channel.value = 'channel';
    channel.textContent = t('inChannel', view.data.teamChannel);
    where.appendChild(channel);
    where.value = view.where;
    const p = person(view.selected);
    const joinLeave = $('join-leave');
    joinLeave.hidden = !p;
    if (p) {
      joinLeave.textContent = p.channels.includes(view.data.teamChannel)
        ? t('leave', view.data.teamChannel) : t('join', view.data.teamChannel);
    }
    const disabled = !p;
    ['text', 'send', 'person', 'where'].forEach((id) => { $(id).disabled = disabled; });
  }

  function renderBoard() {
    const board = $('board');
    const scroll = {};
    board.querySelectorAll('.messages').forEach((m) => {
      const atBottom = m.scrollHeight - m.scrollTop - m.clientHeight < 20;
      scroll[m.dataset.conversation] = atBottom ? null : m.scrollTop;
    });
    board.innerHTML = '';
    if (people().length === 0) {
      board.appendChild(el('div', 'empty', escapeHtml(t('noPeople'))));
      return;
    }
    view.data.conversations.forEach((c) => board.appendChild(column(c)));
    board.querySelectorAll('.messages').forEach((m) => {
      const kept = scroll[m.dataset.conversation];
      m.scrollTop = kept == null ? m.scrollHeight : kept;
    });
  }

  function column(c) {
    const col = el('section', 'column ' + c.kind);
    const title = el('h2');
    if (c.kind === 'channel') {
      title.textContent = '#' + c.with + ' \u2014 ' + t('channel');
      col.appendChild(title);
      const members = people().filter((p) => p.channels.includes(c.with)).map((p) => p.name);
      col.appendChild(el('div', 'sub', escapeHtml(t('members', members.join(', ')))));
    } else {
      title.textContent = t('dmWith', nameOf(c.with));
      title.title = t('typeAs') + ' ' + nameOf(c.with);
      title.addEventListener('click', () => { view.selected = c.with; view.where = 'dm'; render(); $('text').focus(); });
      if (c.with === view.selected) col.classList.add('selected');
      col.appendChild(title);
    }
    const list = el('div', 'messages');
    list.dataset.conversation = c.id;
    if (c.messages.length === 0) list.appendChild(el('div', 'empty', escapeHtml(t('noMessages'))));
    threaded(c.messages).forEach((m) => list.appendChild(message(c, m)));
    col.appendChild(list);
    return col;
  }

  /** Replies in a thread right under the message they answer, in the order they came; the rest as they came. */
  function threaded(messages) {
    const ids = new Set(messages.map((m) => m.id));
    const replies = {};
    messages.forEach((m) => {
      const parent = m.content.replyTo;
      if (parent && ids.has(parent)) (replies[parent] = replies[parent] || []).push(m);
    });
    const out = [];
    messages.forEach((m) => {
      const parent = m.content.replyTo;
      if (parent && ids.has(parent)) return;
      out.push(m);
      (replies[m.id] || []).forEach((r) => out.push(r));
    });
    return out;
  }

  /** Who clicks a message: the owner of the DM, the person it is shown to, or the person typing. */
  function clicker(c, m) {
    if (m.ephemeralFor) return m.ephemeralFor;
    if (c.kind === 'dm') return c.with;
    return view.selected;
  }

  function message(c, m) {
    const box = el('div', 'msg' + (m.ephemeralFor ? ' ephemeral' : '') + (m.content.replyTo ? ' reply' : ''));
    if (m.content.replyTo) {
      box.dataset.replyTo = String(m.content.replyTo);
      box.appendChild(el('div', 'thread-mark', escapeHtml(t('inThread'))));
    }
    const who = el('div', 'who' + (m.author === 'bot' ? ' bot' : ''));
    who.textContent = m.author === 'bot' ? t('bot') : (m.authorName || m.author);
    let meta = new Date(m.createdAt).toLocaleTimeString(view.lang, { hour: '2-digit', minute: '2-digit' });
    if (m.updatedAt !== m.createdAt) meta += ' \u00b7 ' + t('edited');
    if (m.ephemeralFor) meta += ' \u00b7 ' + t('onlyFor', nameOf(m.ephemeralFor));
    who.appendChild(el('span', 'meta', escapeHtml(meta)));
    if (m.author === 'bot') who.appendChild(previewLinks(m));
    box.appendChild(who);
    (m.content.blocks || []).forEach((b) => box.appendChild(block(b, m, clicker(c, m))));
    if (view.preview && view.preview.messageId === m.id) box.appendChild(previewBox(view.preview));
    return box;
  }

  // How Slack or Teams gets this message: the Block Kit or the Bot Framework activity, as JSON.
  function previewLinks(m) {
    const links = el('span', 'preview-links');
    [['slack', 'previewSlack'], ['teams', 'previewTeams']].forEach(([platform, label]) => {
      const open = view.preview && view.preview.messageId === m.id && view.preview.platform === platform;
      const b = el('button', 'link' + (open ? ' on' : ''));
      b.type = 'button';
      b.dataset.preview = platform;
      b.textContent = open ? t('previewHide') : t(label);
      b.addEventListener('click', async () => {
        if (open) {
          view.preview = null;
          render();
          return;
        }
        const answer = await call('/preview?message=' + m.id + '&platform=' + platform);
        if (answer) {
          view.preview = { messageId: m.id, platform: platform, json: answer.json };
          render();
        }
      });
      links.appendChild(b);
    });
    return links;
  }

  function previewBox(p) {
    const box = el('div', 'preview');
    box.appendChild(el('div', 'preview-title', escapeHtml(t(p.platform === 'slack' ? 'previewSlackTitle' : 'previewTeamsTitle'))));
    if (p.platform === 'slack') {
      const blocks = JSON.parse(p.json).blocks;
      const a = el('a', '', escapeHtml(t('blockKitBuilder')));
      a.href = 'https://app.slack.com/block-kit-builder#' + encodeURIComponent(JSON.stringify({ blocks: blocks }));
      a.target = '_blank';
      a.rel = 'noopener';
      box.appendChild(a);
    }
    const pre = el('pre', 'preview-json');
    pre.textContent = p.json;
    box.appendChild(pre);
    return box;
  }

  function block(b, m, as) {
    switch (b.type) {
      case 'Header': return el('div', 'blk-header', markup(b.text));
      case 'Text': return el('div', 'blk-text', markup(b.text));
      case 'Context': return el('div', 'blk-context', markup(b.text));
      case 'Scale': return scale(b, m, as);
      case 'Buttons': return buttons(b, m, as);
      case 'ScoreTable': return scoreTable(b);
      case 'Image': return image(b);
      default: return el('div', 'blk-text', escapeHtml(b.type));
    }
  }

  function image(b) {
    const img = document.createElement('img');
    img.className = 'blk-image';
    img.src = b.url;
    img.alt = b.altText;
    img.loading = 'lazy';
    return img;
  }

  function scale(b, m, as) {
    const box = el('div', 'scale');
    box.appendChild(el('div', 'blk-text', markup(b.statement)));
    const row = el('div', 'choices');
    b.choices.forEach((choice) => {
      const button = el('button', b.selected === choice.value ? 'selected' : '');
      button.type = 'button';
      button.textContent = choice.label;
      button.dataset.value = choice.value;
      button.addEventListener('click', () => change('/action', { as: as, messageId: m.id, action: b.actionPrefix + choice.value }));
      row.appendChild(button);
    });
    box.appendChild(row);
    return box;
  }

  function buttons(b, m, as) {
    const wrap = el('div');
    const row = el('div', 'buttons');
    b.buttons.forEach((spec) => {
      const button = el('button', spec.style === 'PRIMARY' ? 'primary' : spec.style === 'DANGER' ? 'danger' : '');
      button.type = 'button';
      button.textContent = spec.label;
      button.addEventListener('click', () => {
        if (spec.input) {
          view.openInput = { messageId: m.id, action: spec.action, as: as, value: '' };
          render();
        } else {
          change('/action', { as: as, messageId: m.id, action: spec.action });
        }
      });
      row.appendChild(button);
    });
    wrap.appendChild(row);
    const open = view.openInput;
    if (open && open.messageId === m.id) {
      const spec = b.buttons.find((s) => s.action === open.action && s.input);
      if (spec) wrap.appendChild(inputForm(spec, open));
    }
    return wrap;
  }

  function inputForm(spec, open) {
    const form = el('form', 'inline-input');
    form.appendChild(el('div', 'title', escapeHtml(spec.input.title)));
    const label = el('label', '', escapeHtml(spec.input.label));
    const area = el('textarea');
    if (spec.input.maxLength > 0) area.maxLength = spec.input.maxLength;
    area.value = open.value;
    area.addEventListener('input', () => { open.value = area.value; });
    label.appendChild(area);
    form.appendChild(label);
    const submit = el('button', 'primary');
    submit.type = 'submit';
    submit.textContent = spec.input.submit;
    const cancel = el('button');
    cancel.type = 'button';
    cancel.textContent = t('cancel');
    cancel.addEventListener('click', () => { view.openInput = null; render(); });
    form.appendChild(submit);
    form.appendChild(cancel);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const done = await change('/action', { as: open.as, messageId: open.messageId, action: open.action, input: area.value });
      if (done) { view.openInput = null; render(); }
    });
    setTimeout(() => area.focus(), 0);
    return form;
  }

  // Only the columns that hold something, under the headers the message gives (a self-check, a review) or the
  // pulse's own, so the table fits the DM column; wide content scrolls inside its own box.
  function scoreTable(b) {
    const wrap = el('div', 'table-wrap');
    const table = el('table', 'scores');
    const keys = ['score', 'change', 'trend', 'answers'];
    const cells = (r) => [r.score, r.change, r.trend, r.answers];
    const shown = keys.map((k, i) => b.rows.some((r) => cells(r)[i]));
    const head = el('tr');
    head.appendChild(el('th', '', escapeHtml(t('dimension'))));
    keys.forEach((k, i) => {
      if (shown[i]) head.appendChild(el('th', '', escapeHtml((b.headers && b.headers[i]) || t(k))));
    });
    table.appendChild(head);
    b.rows.forEach((r) => {
      const tr = el('tr');
      tr.appendChild(el('td', '', markup(r.label)));
      cells(r).forEach((v, i) => { if (shown[i]) tr.appendChild(el('td', 'num', escapeHtml(v || ''))); });
      table.appendChild(tr);
    });
    wrap.appendChild(table);
    return wrap;
  }

  function runAsAdmin(command) {
    const a = admin();
    if (!a) {
      showProblem(t('needDemo'));
      return;
    }
    change('/say', { as: a.userId, where: 'channel', channel: view.data.teamChannel, text: command });
  }

  function wire() {
    $('language').addEventListener('change', () => {
      view.lang = $('language').value;
      localStorage.setItem('playground.lang', view.lang);
      loadLabels();
    });
    $('create-demo').addEventListener('click', () => change('/demo', { language: view.lang }));
    ['send-now', 'close-week', 'status'].forEach((id) => {
      $(id).addEventListener('click', () => runAsAdmin($(id).dataset.command));
    });
    $('nudges-now').addEventListener('click', () => change('/nudges', {}));
    $('play-week').addEventListener('click', () => change('/week/send', {}));
    $('answer-all').addEventListener('click', () => change('/week/answer', {}));
    $('next-week').addEventListener('click', () => change('/week/next', {}));
    $('simulate').addEventListener('click', () => change('/simulate', { weeks: 6 }));
    $('reset').addEventListener('click', () => {
      if (window.confirm(t('resetConfirm'))) change('/reset', {});
    });
    $('problem').addEventListener('click', clearProblem);
    $('person').addEventListener('change', () => {
      view.selected = $('person').value;
      render();
      const column = document.querySelector('section.column.selected');
      if (column) column.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
    $('where').addEventListener('change', () => { view.where = $('where').value; });
    $('say-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = $('text').value;
      const done = await change('/say', { as: view.selected, where: view.where, channel: view.data.teamChannel, text: text });
      if (done) $('text').value = '';
    });
    $('join-leave').addEventListener('click', () => {
      const p = person(view.selected);
      if (!p) return;
      const inside = p.channels.includes(view.data.teamChannel);
      change(inside ? '/channel/leave' : '/channel/join', { as: p.userId, channel: view.data.teamChannel });
    });
    $('person-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const done = await change('/people', { name: $('new-name').value, admin: $('new-admin').checked });
      if (done) { $('new-name').value = ''; $('new-admin').checked = false; }
    });
  }

  wire();
  loadLabels().then(refresh);
  setInterval(refresh, POLL_MS);
})();
