// backscroll web page: search, facets, threads and the conversation around a
// message, over the JSON API of `backscroll serve` (query/JSON.md); an open
// thread can be copied as Markdown or downloaded as an HTML page
// (/api/thread/C/TS?format=markdown|html).
// State lives in the URL hash (#q=...&sort=...&offset=...&open=C/TS&tab=...)
// so every view is a permalink. Only `snippet` (HTML-escaped by the server,
// with <mark> around matches) is inserted as HTML, and only after checking
// it holds nothing but text and <mark>; everything else goes in as text.
'use strict';

const PAGE = 20;
const TOKEN_KEY = 'backscroll.token';
const $ = (id) => document.getElementById(id);
let lastResult = null;
let selected = -1;
let kinds = new Map();  // conversation id -> kind, from /api/conversations.

// --- API -------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

// The response to GET `path` with the token, or an ApiError carrying the
// server's {"error"} message (errors are JSON whatever the format asked).
async function fetchOk(path) {
  const headers = {};
  const token = localStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = 'Bearer ' + token;
  const res = await fetch(path, { headers });
  if (!res.ok) {
    let body = null;
    try { body = await res.json(); } catch (e) { /* not JSON */ }
    if (res.status === 401) askToken('was refused: enter a valid one or forget it');
    throw new ApiError(res.status, (body && body.error) || ('HTTP ' + res.status));
  }
  return res;
}

async function api(path) {
  const res = await fetchOk(path);
  try { return await res.json(); } catch (e) { return null; }
}

// --- state in the hash -----------------------------------------------------

function readState() {
  const p = new URLSearchParams(location.hash.slice(1));
  return {
    q: p.get('q') || '', sort: p.get('sort') || 'relevance',
    offset: Math.max(0, parseInt(p.get('offset') || '0', 10) || 0),
    open: p.get('open') || '', tab: p.get('tab') === 'context' ? 'context' : 'thread',
  };
}

function writeState(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.sort && s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.offset) p.set('offset', String(s.offset));
  if (s.open) { p.set('open', s.open); p.set('tab', s.tab); }
  const hash = '#' + p.toString();
  if (location.hash !== hash) location.hash = hash;
  else render();
}

function stateUrl(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.open) { p.set('open', s.open); p.set('tab', s.tab || 'thread'); }
  return location.pathname + '#' + p.toString();
}

// --- rendering helpers -----------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

// The snippet as DOM: text and <mark> only, else plain text.
function snippetNode(html) {
  const t = document.createElement('template');
  t.innerHTML = html;
  const safe = [...t.content.querySelectorAll('*')].every(
    (n) => n.tagName === 'MARK' && n.attributes.length === 0 && n.children.length === 0);
  const span = el('span', { class: 'snippet' });
  if (safe) span.append(t.content); else span.textContent = t.content.textContent;
  return span;
}

function when(iso) {
  const d = new Date(iso);
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit' });
}

// "#general" for channels; a DM or group DM shows its name as is.
function place(id, name) {
  const kind = kinds.get(id);
  return kind === 'dm' || kind === 'mpim' ? name : '#' + name;
}

async function loadConversations() {
  try {
    const list = await api('/api/conversations');
    kinds = new Map(list.conversations.map((c) => [c.id, c.kind]));
  } catch (e) { kinds = new Map(); }
}

function setStatus(text, isError) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', !!isError);
}

// --- search ----------------------------------------------------------------

async function runSearch(state) {
  if (!state.q.trim()) {
    lastResult = null;
    $('hits').replaceChildren();
    $('facets').hidden = true;
    $('pager').hidden = true;
    setStatus('Type a query and press Enter.');
    return;
  }
  setStatus('Searching…');
  const params = new URLSearchParams({ q: state.q, limit: String(PAGE),
    offset: String(state.offset), sort: state.sort, facets: '1' });
  try {
    const result = await api('/api/search?' + params);
    lastResult = { key: params.toString(), result };
    showResults(state, result);
  } catch (e) {
    lastResult = null;
    $('hits').replaceChildren();
    $('facets').hidden = true;
    $('pager').hidden = true;
    setStatus(e.message, true);
  }
}

function showResults(state, result) {
  const total = result.total;
  const first = state.offset + 1;
  const last = state.offset + result.hits.length;
  setStatus(total === 0 ? 'No messages match.'
    : `${result.total_estimated ? 'About ' : ''}${total.toLocaleString()} message${total === 1 ? '' : 's'}` +
      (result.hits.length ? ` — showing ${first}–${last}` : ''));
  const items = result.hits.map((hit, i) => el('li', { class: 'hit' },
    el('button', { type: 'button', class: 'hit-open', 'data-index': String(i),
      onclick: () => openMessage(hit.conversation_id, hit.ts, 'thread') },
      el('div', { class: 'meta' },
        el('span', { class: 'place' }, place(hit.conversation_id, hit.conversation)),
        el('span', { class: 'user' }, hit.user),
        el('time', { datetime: hit.time }, when(hit.time)),
        hit.thread_ts ? el('span', { class: 'badge' },
          hit.thread_ts === hit.ts ? `thread · ${hit.reply_count || 0} replies` : 'reply') : null),
      snippetNode(hit.snippet)),
    hit.permalink ? el('a', { class: 'slack', href: hit.permalink, rel: 'noreferrer',
      target: '_blank' }, 'Open in Slack') : null));
  $('hits').replaceChildren(...items);
  selected = -1;
  $('prev').disabled = state.offset === 0;
  $('next').disabled = last >= total;
  $('pager').hidden = total <= PAGE;
  showFacets(state, result.facets);
}

function showFacets(state, facets) {
  const box = $('facets');
  if (!facets) { box.hidden = true; return; }
  const groups = [
    ['Channels', facets.conversations, (f) => 'in:' + f.conversation_id, (f) => f.name],
    ['People', facets.users, (f) => 'from:' + f.user_id, (f) => f.name],
    ['Months', facets.months, (f) => 'during:' + f.month, (f) => f.month],
  ].filter(([, list]) => list && list.length > 1);
  box.replaceChildren(...groups.map(([title, list, term, label]) => el('section', {},
    el('h3', {}, title),
    el('ul', {}, ...list.map((f) => el('li', {},
      el('button', { type: 'button', class: 'facet',
        onclick: () => writeState({ ...state, q: state.q + ' ' + term(f), offset: 0, open: '' }) },
        el('span', {}, label(f)), el('span', { class: 'count' }, f.count.toLocaleString()))))))));
  box.hidden = groups.length === 0;
}

// --- thread and context panel ----------------------------------------------

function openMessage(conversation, ts, tab) {
  writeState({ ...readState(), open: conversation + '/' + ts, tab });
}

function closePanel() {
  const s = readState();
  if (s.open) writeState({ ...s, open: '' });
}

async function showPanel(state) {
  const panel = $('panel');
  if (!state.open) {
    if (!panel.hidden) {
      panel.hidden = true;
      document.body.classList.remove('panel-open');
      const back = document.querySelector('.hit-open[data-index="' + selected + '"]');
      if (back) back.focus();
    }
    return;
  }
  const [conversation, ts] = state.open.split('/');
  panel.hidden = false;
  document.body.classList.add('panel-open');
  $('tab-thread').setAttribute('aria-selected', String(state.tab === 'thread'));
  $('tab-context').setAttribute('aria-selected', String(state.tab === 'context'));
  $('panel-link').href = stateUrl(state);
  $('panel-title').textContent = 'Loading…';
  $('panel-body').replaceChildren();
  $('panel-actions').hidden = true;
  showAction('');
  $('panel-close').focus();
  const path = state.tab === 'thread'
    ? `/api/thread/${encodeURIComponent(conversation)}/${encodeURIComponent(ts)}`
    : `/api/context/${encodeURIComponent(conversation)}/${encodeURIComponent(ts)}?before=10&after=10`;
  try {
    const view = await api(path);
    const name = place(view.conversation_id, view.conversation);
    const single = view.messages.length === 1 && !view.messages[0].thread_ts;
    $('panel-title').textContent = state.tab === 'thread'
      ? `${single ? 'Message' : 'Thread'} in ${name}` : `${name}${view.in_thread ? ' (thread)' : ''}`;
    $('panel-body').replaceChildren(...view.messages.map((m) => el('li', {
      class: 'message' + (m.ts === ts ? ' target' : ''), id: 'm' + m.ts.replace('.', '-') },
      el('div', { class: 'meta' },
        el('span', { class: 'user' }, m.user),
        el('time', { datetime: m.time }, when(m.time)),
        m.edited ? el('span', { class: 'badge' }, 'edited') : null,
        m.permalink ? el('a', { class: 'slack', href: m.permalink, rel: 'noreferrer',
          target: '_blank' }, 'Slack') : null),
      el('div', { class: 'text' }, m.text),
      m.files ? el('div', { class: 'files' }, '📎 ' + m.files.join(', ')) : null,
      m.reactions ? el('div', { class: 'reactions' },
        m.reactions.map((r) => `:${r.name}: ${r.count}`).join('  ')) : null)));
    $('panel-actions').hidden = state.tab !== 'thread';
    const target = document.getElementById('m' + ts.replace('.', '-'));
    if (target) target.scrollIntoView({ block: 'center' });
  } catch (e) {
    $('panel-title').textContent = e.message;
  }
}

// --- the open thread as a document ----------------------------------------

function showAction(text, isError) {
  const s = $('action-status');
  s.textContent = text;
  s.classList.toggle('error', !!isError);
}

// The open thread's document route, e.g. /api/thread/C1/TS?format=markdown.
function documentPath(format) {
  const [conversation, ts] = readState().open.split('/');
  return `/api/thread/${encodeURIComponent(conversation)}/${encodeURIComponent(ts)}` +
    `?format=${format}`;
}

// The clipboard API exists in secure contexts only (https:, localhost); a
// page served over plain http elsewhere falls back to the copy command.
async function writeClipboard(text) {
  if (navigator.clipboard) return navigator.clipboard.writeText(text);
  const area = el('textarea', { class: 'offscreen', readonly: '' });
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  $('copy-markdown').focus();
  if (!ok) throw new Error('the browser refused to copy');
}

async function copyMarkdown() {
  showAction('Copying…');
  try {
    const res = await fetchOk(documentPath('markdown'));
    await writeClipboard(await res.text());
    showAction('Copied');
  } catch (e) {
    showAction('Copy failed: ' + e.message, true);
  }
}

// Fetched (the API needs the token header), then saved from a blob: URL
// under the name the server suggests.
async function downloadHtml() {
  showAction('Preparing…');
  try {
    const res = await fetchOk(documentPath('html') + '&download=1');
    const blob = await res.blob();
    const suggested = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '');
    const [conversation, ts] = readState().open.split('/');
    const name = suggested ? suggested[1] : `thread-${conversation}-${ts}.html`;
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: name, hidden: '' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    showAction('Downloaded ' + name);
  } catch (e) {
    showAction('Download failed: ' + e.message, true);
  }
}

// --- token -----------------------------------------------------------------

function askToken(note) {
  $('token-note').textContent = note || '';
  $('token-form').hidden = false;
  $('token-toggle').setAttribute('aria-expanded', 'true');
  $('token').focus();
}

function updateTokenButton() {
  $('token-toggle').textContent = localStorage.getItem(TOKEN_KEY) ? 'Token ✓' : 'Token';
}

// --- wiring ----------------------------------------------------------------

async function render() {
  const state = readState();
  $('q').value = state.q;
  $('sort').value = state.sort;
  const key = new URLSearchParams({ q: state.q, limit: String(PAGE), offset: String(state.offset),
    sort: state.sort, facets: '1' }).toString();
  if (!lastResult || lastResult.key !== key) await runSearch(state);
  await showPanel(state);
}

function moveSelection(delta) {
  const buttons = [...document.querySelectorAll('.hit-open')];
  if (!buttons.length) return;
  selected = Math.min(buttons.length - 1, Math.max(0, selected + delta));
  buttons[selected].focus();
}

function typing(target) {
  return target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' ||
    target.tagName === 'TEXTAREA');
}

document.addEventListener('DOMContentLoaded', () => {
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    lastResult = null;
    writeState({ q: $('q').value.trim(), sort: $('sort').value, offset: 0, open: '' });
  });
  $('sort').addEventListener('change', () => $('search-form').requestSubmit());
  $('prev').addEventListener('click', () => {
    const s = readState();
    writeState({ ...s, offset: Math.max(0, s.offset - PAGE), open: '' });
  });
  $('next').addEventListener('click', () => {
    const s = readState();
    writeState({ ...s, offset: s.offset + PAGE, open: '' });
  });
  $('help-toggle').addEventListener('click', () => {
    const help = $('help');
    help.hidden = !help.hidden;
    $('help-toggle').setAttribute('aria-expanded', String(!help.hidden));
  });
  $('token-toggle').addEventListener('click', () => {
    if ($('token-form').hidden) askToken(''); else $('token-form').hidden = true;
  });
  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const token = $('token').value.trim();
    if (token) localStorage.setItem(TOKEN_KEY, token); else localStorage.removeItem(TOKEN_KEY);
    $('token').value = '';
    $('token-form').hidden = true;
    updateTokenButton();
    lastResult = null;
    loadConversations().then(render);
  });
  $('token-forget').addEventListener('click', () => {
    localStorage.removeItem(TOKEN_KEY);
    $('token-form').hidden = true;
    updateTokenButton();
    lastResult = null;
    loadConversations().then(render);
  });
  $('panel-close').addEventListener('click', closePanel);
  $('panel').addEventListener('click', (e) => { if (e.target === $('panel')) closePanel(); });
  $('tab-thread').addEventListener('click', () => writeState({ ...readState(), tab: 'thread' }));
  $('tab-context').addEventListener('click', () => writeState({ ...readState(), tab: 'context' }));
  $('copy-markdown').addEventListener('click', copyMarkdown);
  $('download-html').addEventListener('click', downloadHtml);
  $('home').addEventListener('click', (e) => { e.preventDefault(); writeState({ q: '', offset: 0 }); });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      if (!$('panel').hidden) closePanel();
      else if (!$('help').hidden) $('help-toggle').click();
      else if (!$('token-form').hidden) $('token-form').hidden = true;
      return;
    }
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '/') { e.preventDefault(); $('q').focus(); $('q').select(); }
    else if (e.key === 'j' && $('panel').hidden) moveSelection(1);
    else if (e.key === 'k' && $('panel').hidden) moveSelection(-1);
    else if (e.key === 'o' && selected >= 0 && $('panel').hidden)
      document.querySelectorAll('.hit-open')[selected].click();
  });
  window.addEventListener('hashchange', render);
  updateTokenButton();
  loadConversations().then(render);
  if (!readState().q) $('q').focus();
});
