// The thread: a conversation's messages as views (the question; the answer with its mode label, source cards,
// status line, rendered Markdown, notes and actions), kept up to date as an answer streams in. What the user asks of
// an answer (retry, copy, rate, open a source) is announced as an event for app.js to hand on.
import { renderAnswer, splitWarnings } from './render.js';
import { icon } from './icons.js';
import { state, t, emit } from './state.js';
import { ui, element, iconButton, nearBottom, scrollToBottom } from './dom.js';
import { reportTitle, reportShortTitle } from './labels.js';
import { citationFor, passageFor, hasSource } from './citations.js';

const COLLAPSED_SOURCES = 4;
/** The message object behind each assistant message's root element. */
const messageOf = new WeakMap();

export function renderThread() {
  ui.thread.replaceChildren();
  for (const message of state.messages) {
    ui.thread.append(message.role === 'user' ? userView(message)
      : message.role === 'client' ? clientView(message) : assistantView(message));
  }
  const empty = state.messages.length === 0;
  ui.welcome.hidden = !empty;
  ui.exportButton.disabled = empty;
}

export function userView(message) {
  const root = element('article', 'msg msg-user');
  root.setAttribute('aria-label', t('you'));
  root.append(element('div', 'bubble', message.content));
  return root;
}

/** A reply a /v1 client sent as part of its conversation: shown as plain text, labelled, never as this advisor's. */
export function clientView(message) {
  const root = element('article', 'msg msg-client');
  root.setAttribute('aria-label', t('clientSupplied'));
  root.append(element('p', 'mode-label mode-client', t('clientSupplied')), element('div', 'bubble', message.content));
  return root;
}

export function assistantView(message) {
  const root = element('article', 'msg msg-assistant');
  root.setAttribute('aria-label', t('assistant'));
  const avatar = element('div', 'avatar');
  avatar.append(icon('spark'));
  const body = element('div', 'msg-body');
  message.view = {
    root,
    label: element('p', 'mode-label'),
    sources: element('section', 'sources'),
    status: element('p', 'status-line'),
    answer: element('div', 'answer markdown'),
    notes: element('div', 'notes'),
    actions: element('div', 'msg-actions'),
  };
  const v = message.view;
  v.label.setAttribute('role', 'note');
  body.append(v.label, v.sources, v.status, v.answer, v.notes, v.actions);
  root.append(avatar, body);
  messageOf.set(root, message);
  updateAssistant(message);
  return root;
}

function sourceLabel(message, n) {
  const report = citationFor(message, n)?.report ?? passageFor(message, n)?.report;
  return report ? t('sourceNNamed', { n, title: reportTitle(report) }) : t('sourceN', { n });
}

export function updateAssistant(message) {
  const v = message.view;
  if (!v) return;
  v.root.dataset.status = message.status;
  const mode = message.meta?.mode;
  v.label.hidden = !(mode === 'extractive' || mode === 'refused');
  v.label.className = `mode-label mode-${mode ?? 'none'}`;
  v.label.replaceChildren();
  if (!v.label.hidden) v.label.append(icon(mode === 'refused' ? 'book' : 'alert'), element('span', '', t(mode === 'refused' ? 'modeRefused' : 'modeExtractive')));

  renderSources(message);
  renderAnswerText(message);

  v.status.replaceChildren();
  v.status.hidden = !(message.status === 'waiting' || (message.status === 'streaming' && !message.content));
  if (!v.status.hidden) {
    v.status.append(element('span', 'dots'), element('span', '', t(message.status === 'waiting' ? 'thinking' : 'generating')));
  }

  renderNotes(message);
  renderActions(message);
}

function renderAnswerText(message) {
  const v = message.view;
  const streaming = message.status === 'streaming' || message.status === 'waiting';
  v.answer.setAttribute('aria-busy', String(streaming));
  v.answer.classList.toggle('streaming', streaming && Boolean(message.content));
  const { figures } = splitWarnings(message.meta?.warnings);
  renderAnswer(v.answer, message.content, {
    hasSource: n => hasSource(message, n),
    labelFor: n => sourceLabel(message, n),
    figures,
    t,
  });
  v.answer.hidden = !message.content;
}

function sourceEntries(message) {
  if (message.passages?.length) {
    return message.passages.map((p, i) => ({ n: i + 1, report: p.report, section: p.section, text: p.text, id: p.id }));
  }
  return (message.meta?.citations ?? []).map(c => ({ n: Number(c.n), report: c.report, section: c.section, text: c.quote, id: c.passageId }));
}

function renderSources(message) {
  const v = message.view;
  const entries = sourceEntries(message);
  v.sources.replaceChildren();
  v.sources.hidden = entries.length === 0;
  if (!entries.length) return;
  v.sources.setAttribute('aria-label', t('sourcesCount', { count: entries.length }));
  const cited = new Set((message.meta?.citations ?? []).map(c => c.passageId));
  const finished = message.status === 'done' && message.meta;
  const heading = element('h3', 'sources-title', t('sourcesCount', { count: entries.length }));
  const list = element('ol', 'source-list');
  const expanded = message.sourcesExpanded || entries.length <= COLLAPSED_SOURCES + 1;
  entries.forEach((entry, index) => {
    const item = element('li', 'source-item');
    if (!expanded && index >= COLLAPSED_SOURCES) item.hidden = true;
    const card = element('button', 'source-card');
    card.type = 'button';
    card.dataset.n = String(entry.n);
    if (finished && cited.size) card.classList.add(cited.has(entry.id) ? 'cited' : 'uncited');
    card.setAttribute('aria-label', `${t('sourceNNamed', { n: entry.n, title: reportTitle(entry.report) })}${entry.section ? ` · ${entry.section}` : ''}`);
    const head = element('span', 'source-head');
    head.append(element('span', 'source-num', String(entry.n)), element('span', 'source-report', reportShortTitle(entry.report)));
    card.append(head, element('span', 'source-snippet', entry.section || entry.text || ''));
    item.append(card);
    list.append(item);
  });
  v.sources.append(heading, list);
  if (entries.length > COLLAPSED_SOURCES + 1) {
    const more = element('button', 'link-btn sources-more',
      message.sourcesExpanded ? t('showFewerSources') : t('showAllSources', { count: entries.length }));
    more.type = 'button';
    more.setAttribute('aria-expanded', String(Boolean(message.sourcesExpanded)));
    more.addEventListener('click', () => {
      message.sourcesExpanded = !message.sourcesExpanded;
      renderSources(message);
      message.view.sources.querySelector('.sources-more')?.focus();
    });
    v.sources.append(more);
  }
}

function renderNotes(message) {
  const v = message.view;
  v.notes.replaceChildren();
  if (message.status === 'error') {
    const box = element('div', 'error-box');
    box.setAttribute('role', 'alert');
    box.append(icon('alert'), element('span', '', t('errorPrefix') + (message.error || '')));
    const retry = element('button', 'btn btn-outline btn-small', t('retry'));
    retry.type = 'button';
    retry.addEventListener('click', () => emit('retry-requested', message));
    box.append(retry);
    v.notes.append(box);
  }
  if (message.status === 'stopped') v.notes.append(element('p', 'note', t('stopped')));
  const { figures, notes } = splitWarnings(message.meta?.warnings);
  if (figures.length) {
    const warn = element('p', 'note note-warn');
    warn.append(icon('alert'), element('span', '', t('unverifiedList', { figures: figures.join('、') })));
    v.notes.append(warn);
  }
  for (const note of notes) v.notes.append(element('p', 'note', note));
}

export function renderActions(message) {
  const v = message.view;
  v.actions.replaceChildren();
  v.actions.hidden = message.status !== 'done';
  if (v.actions.hidden) return;
  const copy = iconButton('copy', t('copy'), 'icon-btn action-copy');
  copy.addEventListener('click', () => emit('copy-requested', { message, button: copy }));
  const up = iconButton('thumbUp', t('helpful'), 'icon-btn action-up');
  const down = iconButton('thumbDown', t('notHelpful'), 'icon-btn action-down');
  up.setAttribute('aria-pressed', String(message.rating === 'up'));
  down.setAttribute('aria-pressed', String(message.rating === 'down'));
  up.addEventListener('click', () => emit('rating-requested', { message, rating: 'up', button: up }));
  down.addEventListener('click', () => emit('rating-requested', { message, rating: 'down', button: down }));
  v.actions.append(copy, up, down);
  const meta = message.meta;
  const seconds = meta?.timings?.totalMs != null ? (meta.timings.totalMs / 1000).toFixed(1) : null;
  if (meta?.model || seconds) {
    const line = meta?.model && seconds ? t('modelLine', { model: meta.model, seconds })
      : meta?.model || t('modelLine', { model: '', seconds }).replace(/^ · /, '');
    v.actions.append(element('span', 'meta-line', line));
  }
}

let renderPending = new Set();
let renderScheduled = false;
/**
 * Renders streamed answers at most once a frame. A timer backs up the animation frame: browsers pause frames in a
 * hidden tab and can starve them on a busy machine, and the answer must keep growing in either case.
 */
export function scheduleAnswerRender(message) {
  renderPending.add(message);
  if (renderScheduled) return;
  renderScheduled = true;
  const flush = () => {
    if (!renderScheduled) return;
    renderScheduled = false;
    const stick = nearBottom();
    for (const m of renderPending) if (m.view) { renderAnswerText(m); m.view.status.hidden = true; }
    renderPending = new Set();
    if (stick) scrollToBottom();
  };
  requestAnimationFrame(flush);
  setTimeout(flush, 150);
}

/** Drops a pending frame render of message (its final render follows). */
export function forgetAnswerRender(message) {
  renderPending.delete(message);
}

/** Listens to the thread for clicks on citation chips and source cards (one listener for all answers). */
export function wireThread() {
  ui.thread.addEventListener('click', event => {
    const target = event.target.closest('.cite, .source-card');
    if (!target) return;
    const message = messageOf.get(target.closest('.msg-assistant'));
    if (message) emit('source-requested', { message, n: Number(target.dataset.n), opener: target });
  });
}
