// The chat page: conversations, streamed answers with citation chips, the source panel.
// Text from the server (questions, passages, titles) is only ever inserted as text; answer Markdown goes
// through render.js (marked, then DOMPurify).
import { translator, applyStaticStrings } from './i18n.js';
import { api, ApiError } from './api.js';
import { renderAnswer, splitWarnings } from './render.js';
import { icon, fillIcons } from './icons.js';
import { answerWithReferences, conversationMarkdown, exportFileName } from './export.js';
import { locateQuote, highlight, contextAround } from './highlight.js';

const LANGUAGE_KEY = 'ibv-advisor.lang';
const COLLAPSED_SOURCES = 4;
const PHONE = window.matchMedia('(max-width: 760px)');

const $ = id => document.getElementById(id);
const ui = {
  app: $('app'), sidebar: $('sidebar'), scrim: $('scrim'), openSidebar: $('open-sidebar'), closeSidebar: $('close-sidebar'),
  newChat: $('new-chat'), newChatTop: $('new-chat-top'), list: $('conversation-list'), listEmpty: $('conversation-empty'),
  langToggle: $('lang-toggle'), title: $('conv-title'), exportButton: $('export'),
  scroller: $('scroller'), welcome: $('welcome'), starters: $('starters'), thread: $('thread'),
  composer: $('composer'), question: $('question'), scope: $('scope'), send: $('send'),
  panel: $('source-panel'), panelTitle: $('panel-title'), panelClose: $('panel-close'), panelBack: $('panel-back'),
  panelPassage: $('panel-passage'), panelReport: $('panel-report'), panelSection: $('panel-section'), panelText: $('panel-text'),
  showInReport: $('show-in-report'), reportView: $('panel-report-view'), reportViewTitle: $('report-view-title'), reportText: $('report-text'),
  confirmDialog: $('confirm-dialog'), confirmBody: $('confirm-body'),
  feedbackDialog: $('feedback-dialog'), feedbackTitle: $('feedback-title'), feedbackComment: $('feedback-comment'),
  toast: $('toast'),
};

const state = {
  lang: localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh',
  t: translator('zh'),
  reports: [],
  conversations: [],
  conversationId: null,
  title: '',
  messages: [],
  streaming: null,
  panel: null,
  reportTexts: new Map(),
};
const t = (key, params) => state.t(key, params);
const messageOf = new WeakMap();

// ---------------------------------------------------------------------------------------------- helpers

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function iconButton(name, label, className = 'icon-btn') {
  const button = element('button', className);
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.title = label;
  button.append(icon(name));
  return button;
}

function reportInfo(id) {
  return state.reports.find(r => r.id === id) ?? null;
}

/** The title to show for a {id, title} report in the current language. */
function reportTitle(report) {
  const known = reportInfo(report?.id);
  if (state.lang === 'en') return known?.titleEn || report?.title || known?.title || report?.id || '';
  return report?.title || known?.title || report?.id || '';
}

function reportShortTitle(report) {
  const known = reportInfo(report?.id);
  if (state.lang === 'en') return known?.titleEn || reportTitle(report);
  return known?.shortTitle || reportTitle(report);
}

let toastTimer = 0;
function toast(text) {
  ui.toast.textContent = text;
  ui.toast.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => ui.toast.classList.remove('show'), 2600);
}

function nearBottom() {
  const s = ui.scroller;
  return s.scrollHeight - s.scrollTop - s.clientHeight < 120;
}

function scrollToBottom() {
  ui.scroller.scrollTop = ui.scroller.scrollHeight;
}

function describeError(error) {
  if (error instanceof ApiError) {
    if (error.status === 503 || error.status === 429) {
      return error.retryAfterSeconds ? t('errorBusy', { seconds: error.retryAfterSeconds }) : t('errorBusyNoTime');
    }
    return error.message;
  }
  return t('errorNetwork');
}

// ------------------------------------------------------------------------------------------ conversations

function setLocation(id) {
  const hash = id ? `#c=${encodeURIComponent(id)}` : '';
  if (location.hash !== hash) history.replaceState(null, '', hash ? hash : location.pathname + location.search);
}

function idFromLocation() {
  const match = /^#c=(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

async function loadConversations() {
  try {
    const body = await api.conversations();
    state.conversations = Array.isArray(body?.conversations) ? body.conversations : [];
  } catch {
    state.conversations = [];
  }
  renderConversationList();
}

function renderConversationList() {
  ui.list.replaceChildren();
  ui.listEmpty.hidden = state.conversations.length > 0;
  for (const conversation of state.conversations) {
    const title = conversation.title || t('untitled');
    const item = element('li', 'conv-item');
    item.dataset.id = conversation.id;
    const open = element('button', 'conv-open');
    open.type = 'button';
    open.append(icon('chat'), element('span', 'conv-name', title));
    if (conversation.id === state.conversationId) {
      item.classList.add('active');
      open.setAttribute('aria-current', 'true');
    }
    open.addEventListener('click', () => selectConversation(conversation.id));
    const rename = iconButton('edit', t('renameNamed', { title }), 'icon-btn conv-rename');
    rename.addEventListener('click', () => startRename(item, conversation));
    const remove = iconButton('trash', t('deleteNamed', { title }), 'icon-btn conv-delete');
    remove.addEventListener('click', () => confirmDelete(conversation));
    item.append(open, rename, remove);
    ui.list.append(item);
  }
}

function startRename(item, conversation) {
  const input = element('input', 'conv-rename-input');
  input.type = 'text';
  input.maxLength = 200;
  input.value = conversation.title || '';
  input.setAttribute('aria-label', t('renameInput'));
  item.replaceChildren(input);
  input.focus();
  input.select();
  let finished = false;
  const finish = async save => {
    if (finished) return;
    finished = true;
    const title = input.value.trim();
    if (save && title && title !== conversation.title) {
      try {
        await api.rename(conversation.id, title);
        conversation.title = title;
        if (conversation.id === state.conversationId) setTitle(title);
        toast(t('renamed'));
      } catch (error) {
        toast(t('errorPrefix') + describeError(error));
      }
    }
    renderConversationList();
    ui.list.querySelector(`li[data-id="${CSS.escape(conversation.id)}"] .conv-rename`)?.focus();
  };
  input.addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.isComposing) { event.preventDefault(); finish(true); }
    if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); finish(false); }
  });
  input.addEventListener('blur', () => finish(true));
}

function dialogResult(dialog) {
  return new Promise(resolve => {
    dialog.returnValue = '';
    dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true });
    dialog.showModal();
  });
}

async function confirmDelete(conversation) {
  const opener = document.activeElement;
  ui.confirmBody.textContent = t('deleteBody', { title: conversation.title || t('untitled') });
  if (await dialogResult(ui.confirmDialog) !== 'ok') { opener?.focus(); return; }
  try {
    await api.remove(conversation.id);
    toast(t('deleted'));
    if (conversation.id === state.conversationId) newConversation();
  } catch (error) {
    toast(t('errorPrefix') + describeError(error));
  }
  await loadConversations();
  ui.newChat.focus();
}

function setTitle(title) {
  state.title = title || '';
  ui.title.textContent = state.title || t('newChat');
  document.title = state.title ? `${state.title} · ${t('appName')}` : t('appName');
}

function stopStreaming() {
  state.streaming?.controller.abort();
}

function newConversation() {
  stopStreaming();
  closePanel(false);
  state.conversationId = null;
  state.messages = [];
  setLocation(null);
  setTitle('');
  renderThread();
  renderConversationList();
  closeSidebar(false);
  ui.question.focus();
}

async function selectConversation(id, { focus = true } = {}) {
  stopStreaming();
  closePanel(false);
  let conversation;
  try {
    conversation = await api.conversation(id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      newConversation();
      toast(t('notFound'));
      loadConversations();
    } else {
      toast(t('errorPrefix') + describeError(error));
    }
    return;
  }
  state.conversationId = conversation.id ?? id;
  state.messages = (conversation.messages ?? []).map(m => (m.role === 'user'
    ? { role: 'user', content: m.content ?? '' }
    : { role: 'assistant', id: m.id ?? null, content: m.content ?? '', meta: m.meta ?? null,
        passages: m.meta?.passages ?? null, status: 'done' }));
  setLocation(state.conversationId);
  setTitle(conversation.title);
  renderThread();
  renderConversationList();
  closeSidebar(false);
  scrollToBottom();
  if (focus) ui.question.focus();
}

// ------------------------------------------------------------------------------------------------ thread

function renderThread() {
  ui.thread.replaceChildren();
  for (const message of state.messages) ui.thread.append(message.role === 'user' ? userView(message) : assistantView(message));
  const empty = state.messages.length === 0;
  ui.welcome.hidden = !empty;
  ui.exportButton.disabled = empty;
}

function userView(message) {
  const root = element('article', 'msg msg-user');
  root.setAttribute('aria-label', t('you'));
  root.append(element('div', 'bubble', message.content));
  return root;
}

function assistantView(message) {
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

function citationFor(message, n) {
  return message.meta?.citations?.find(c => Number(c.n) === n) ?? null;
}

function passageFor(message, n) {
  const citation = citationFor(message, n);
  if (citation && message.passages) {
    const byId = message.passages.find(p => p.id === citation.passageId);
    if (byId) return byId;
  }
  return message.passages?.[n - 1] ?? null;
}

function hasSource(message, n) {
  return Boolean(citationFor(message, n) || message.passages?.[n - 1]);
}

function sourceLabel(message, n) {
  const report = citationFor(message, n)?.report ?? passageFor(message, n)?.report;
  return report ? t('sourceNNamed', { n, title: reportTitle(report) }) : t('sourceN', { n });
}

function updateAssistant(message) {
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
    retry.addEventListener('click', () => retryAnswer(message));
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

function renderActions(message) {
  const v = message.view;
  v.actions.replaceChildren();
  v.actions.hidden = message.status !== 'done';
  if (v.actions.hidden) return;
  const copy = iconButton('copy', t('copy'), 'icon-btn action-copy');
  copy.addEventListener('click', () => copyAnswer(message, copy));
  const up = iconButton('thumbUp', t('helpful'), 'icon-btn action-up');
  const down = iconButton('thumbDown', t('notHelpful'), 'icon-btn action-down');
  up.setAttribute('aria-pressed', String(message.rating === 'up'));
  down.setAttribute('aria-pressed', String(message.rating === 'down'));
  up.addEventListener('click', () => giveFeedback(message, 'up', up));
  down.addEventListener('click', () => giveFeedback(message, 'down', down));
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
function scheduleAnswerRender(message) {
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

// --------------------------------------------------------------------------------------------------- ask

function setBusy(busy) {
  ui.send.replaceChildren(icon(busy ? 'stop' : 'send'));
  ui.send.setAttribute('aria-label', t(busy ? 'stop' : 'send'));
  ui.send.classList.toggle('is-stop', busy);
  ui.composer.classList.toggle('busy', busy);
}

async function ask(question) {
  question = question.trim();
  if (!question || state.streaming) return;
  closePanel(false);
  const user = { role: 'user', content: question };
  const answer = { role: 'assistant', content: '', meta: null, passages: null, status: 'waiting', question, id: null };
  state.messages.push(user, answer);
  ui.welcome.hidden = true;
  ui.exportButton.disabled = false;
  ui.thread.append(userView(user), assistantView(answer));
  scrollToBottom();

  const controller = new AbortController();
  state.streaming = { controller, message: answer };
  setBusy(true);
  const adopt = id => {
    if (!id || state.conversationId === id) return;
    if (state.streaming?.message !== answer) return;
    state.conversationId = id;
    setLocation(id);
    if (!state.title) setTitle(question);
    loadConversations();
  };
  const scope = ui.scope.value;
  try {
    await api.chat({ question, conversationId: state.conversationId, reports: scope ? [scope] : null }, {
      passages: body => {
        adopt(body.conversationId);
        answer.passages = Array.isArray(body.passages) ? body.passages : [];
        if (answer.status === 'waiting') answer.status = 'streaming';
        const stick = nearBottom();
        updateAssistant(answer);
        if (stick) scrollToBottom();
      },
      token: body => {
        answer.content += body.text ?? '';
        if (answer.status === 'waiting') { answer.status = 'streaming'; updateAssistant(answer); }
        scheduleAnswerRender(answer);
      },
      done: body => {
        adopt(body.conversationId);
        answer.meta = body;
        if (typeof body.answer === 'string') answer.content = body.answer;
        answer.id = body.messageId ?? null;
        answer.status = 'done';
      },
      error: body => {
        answer.status = 'error';
        answer.error = body.error || body.text || '';
      },
    }, controller.signal);
    if (answer.status !== 'done' && answer.status !== 'error') {
      answer.status = 'error';
      answer.error = t('errorInterrupted');
    }
  } catch (error) {
    if (error?.name === 'AbortError') {
      answer.status = 'stopped';
    } else {
      answer.status = 'error';
      answer.error = describeError(error);
    }
  } finally {
    if (state.streaming?.message === answer) state.streaming = null;
    setBusy(false);
    renderPending.delete(answer);
    const stick = nearBottom();
    updateAssistant(answer);
    if (stick) scrollToBottom();
  }
  if (state.conversationId && state.messages.includes(answer)) {
    await loadConversations();
    const current = state.conversations.find(c => c.id === state.conversationId);
    if (current) setTitle(current.title);
  }
}

function retryAnswer(message) {
  const index = state.messages.indexOf(message);
  if (index < 1 || state.streaming) return;
  state.messages.splice(index - 1, 2);
  renderThread();
  ask(message.question);
}

// ------------------------------------------------------------------------------------ copy, export, rate

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = element('textarea', 'visually-hidden');
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

async function copyAnswer(message, button) {
  const text = answerWithReferences(message.content, message.meta?.citations, t, reportTitle);
  const ok = await copyText(text);
  toast(ok ? t('copied') : t('copyFailed'));
  if (ok) {
    button.replaceChildren(icon('check'));
    setTimeout(() => button.replaceChildren(icon('copy')), 1500);
  }
}

function exportConversation() {
  const messages = state.messages.filter(m => m.role === 'user' || m.status === 'done');
  if (!messages.length) return;
  const markdown = conversationMarkdown({
    title: state.title, messages, t, reportTitle, date: new Date().toLocaleString(state.lang === 'en' ? 'en' : 'zh-CN'),
  });
  const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
  const link = element('a');
  link.href = url;
  link.download = exportFileName(state.title || t('newChat'));
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The server's id for an assistant message: from its done event, else from the stored conversation. */
async function messageIdOf(message) {
  if (message.id) return message.id;
  if (!state.conversationId) return null;
  const ordinal = state.messages.filter(m => m.role === 'assistant').indexOf(message);
  const stored = await api.conversation(state.conversationId);
  const assistants = (stored.messages ?? []).filter(m => m.role === 'assistant');
  message.id = assistants[ordinal]?.id ?? null;
  return message.id;
}

async function giveFeedback(message, rating, button) {
  ui.feedbackTitle.textContent = t(rating === 'up' ? 'feedbackTitleUp' : 'feedbackTitleDown');
  ui.feedbackComment.value = '';
  const choice = await dialogResult(ui.feedbackDialog);
  button.focus();
  if (choice !== 'ok') return;
  try {
    const id = await messageIdOf(message);
    if (!id) throw new Error('no message id');
    await api.feedback(id, rating, ui.feedbackComment.value.trim());
    message.rating = rating;
    renderActions(message);
    message.view.actions.querySelector(rating === 'up' ? '.action-up' : '.action-down')?.focus();
    toast(t('feedbackThanks'));
  } catch {
    toast(t('feedbackFailed'));
  }
}

// ------------------------------------------------------------------------------------------ source panel

function reportText(id) {
  if (!state.reportTexts.has(id)) {
    const loading = api.reportText(id);
    loading.catch(() => state.reportTexts.delete(id));
    state.reportTexts.set(id, loading);
  }
  return state.reportTexts.get(id);
}

async function openSource(message, n, opener) {
  const citation = citationFor(message, n);
  const passage = passageFor(message, n);
  if (!citation && !passage) return;
  const report = citation?.report ?? passage?.report ?? {};
  const span = citation?.span ?? passage?.span ?? null;
  const token = {};
  state.panel = { message, n, opener, report, span, quote: citation?.quote ?? null, token };

  for (const chip of document.querySelectorAll('.cite.active, .source-card.active')) chip.classList.remove('active');
  opener?.classList.add('active');
  ui.panelTitle.textContent = t('panelTitle', { n });
  ui.panelReport.textContent = reportTitle(report);
  ui.panelSection.textContent = citation?.section ?? passage?.section ?? '';
  ui.panelSection.hidden = !ui.panelSection.textContent;
  ui.panelText.replaceChildren();
  ui.panelText.classList.remove('from-report');
  ui.showInReport.hidden = !(report.id && span);
  showPassageView();
  ui.panel.hidden = false;
  ui.app.classList.add('panel-open');
  ui.panelTitle.focus();

  if (passage?.text) {
    const range = locateQuote(passage, citation);
    highlight(ui.panelText, passage.text, range)?.scrollIntoView({ block: 'nearest' });
    return;
  }
  // No passage text (an answer reloaded from the store): show the quote in its context in the report.
  ui.panelText.classList.add('from-report');
  ui.panelText.textContent = citation?.quote ?? '';
  if (!report.id || !span) return;
  try {
    const full = await reportText(report.id);
    if (state.panel?.token !== token) return;
    const context = contextAround(full.text ?? '', span, citation?.quote, 200);
    ui.panelText.dataset.label = t('passageUnavailable');
    highlight(ui.panelText, context.text, context.range)?.scrollIntoView({ block: 'nearest' });
  } catch { /* keep the quote alone */ }
}

function showPassageView() {
  ui.panelPassage.hidden = false;
  ui.reportView.hidden = true;
  ui.panelBack.hidden = true;
}

async function showInReport() {
  const panel = state.panel;
  if (!panel?.report?.id) return;
  ui.panelPassage.hidden = true;
  ui.reportView.hidden = false;
  ui.panelBack.hidden = false;
  ui.reportViewTitle.textContent = reportTitle(panel.report);
  ui.reportText.replaceChildren(element('p', 'loading', t('reportLoading')));
  ui.reportText.setAttribute('aria-busy', 'true');
  try {
    const full = await reportText(panel.report.id);
    if (state.panel !== panel) return;
    const text = full.text ?? '';
    const context = contextAround(text, panel.span, panel.quote, Infinity);
    const mark = highlight(ui.reportText, context.text, context.range);
    ui.reportText.setAttribute('aria-busy', 'false');
    if (mark) {
      mark.id = 'report-highlight';
      mark.scrollIntoView({ block: 'center' });
    }
    ui.reportText.focus({ preventScroll: true });
  } catch {
    ui.reportText.setAttribute('aria-busy', 'false');
    ui.reportText.replaceChildren(element('p', 'error-box', t('reportFailed')));
  }
}

function closePanel(restoreFocus = true) {
  if (ui.panel.hidden) return;
  const opener = state.panel?.opener;
  state.panel = null;
  ui.panel.hidden = true;
  ui.app.classList.remove('panel-open');
  for (const chip of document.querySelectorAll('.cite.active, .source-card.active')) chip.classList.remove('active');
  if (restoreFocus && opener?.isConnected) opener.focus();
}

// --------------------------------------------------------------------------------------- sidebar (phone)

// While the drawer covers the page on a phone, the page behind it is inert: Tab stays in the drawer and a screen
// reader does not wander behind it.
const drawerLayout = window.matchMedia('(max-width: 760px)');

function setBehindDrawerInert(inert) {
  document.getElementById('main').inert = inert;
  ui.panel.inert = inert;
}

function openSidebar() {
  ui.app.classList.add('sidebar-open');
  ui.scrim.hidden = false;
  setBehindDrawerInert(true);
  ui.openSidebar.setAttribute('aria-expanded', 'true');
  (ui.list.querySelector('[aria-current]') ?? ui.newChat).focus();
}

function closeSidebar(restoreFocus = true) {
  if (!ui.app.classList.contains('sidebar-open')) return;
  ui.app.classList.remove('sidebar-open');
  ui.scrim.hidden = true;
  setBehindDrawerInert(false);
  ui.openSidebar.setAttribute('aria-expanded', 'false');
  if (restoreFocus) ui.openSidebar.focus();
}

// ------------------------------------------------------------------------------------ starters, language

function renderStarters() {
  ui.starters.replaceChildren();
  for (const report of state.reports) {
    const questions = (state.lang === 'en' && report.starterQuestionsEn?.length ? report.starterQuestionsEn : report.starterQuestions) ?? [];
    if (!questions.length) continue;
    const card = element('section', 'starter-card');
    const heading = element('h3', 'starter-report');
    heading.append(icon('book'), element('span', '', reportShortTitle(report)));
    heading.title = reportTitle(report);
    const list = element('ul', 'starter-list');
    for (const question of questions.slice(0, 3)) {
      const item = element('li');
      const button = element('button', 'starter', question);
      button.type = 'button';
      button.addEventListener('click', () => ask(question));
      item.append(button);
      list.append(item);
    }
    card.append(heading, list);
    ui.starters.append(card);
  }
}

function renderScopeOptions() {
  const chosen = ui.scope.value;
  ui.scope.replaceChildren(new Option(t('allReports'), ''));
  for (const report of state.reports) ui.scope.append(new Option(reportShortTitle(report), report.id));
  ui.scope.value = chosen;
  ui.scope.hidden = state.reports.length === 0;
}

function applyLanguage() {
  state.t = translator(state.lang);
  document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
  ui.langToggle.lang = state.lang === 'en' ? 'zh-CN' : 'en';
  applyStaticStrings(document, state.t);
  setTitle(state.title);
  setBusy(Boolean(state.streaming));
  renderScopeOptions();
  renderStarters();
  renderConversationList();
  for (const message of state.messages) if (message.view) {
    message.view.root.setAttribute('aria-label', t('assistant'));
    updateAssistant(message);
  }
  for (const root of ui.thread.querySelectorAll('.msg-user')) root.setAttribute('aria-label', t('you'));
  if (state.panel) openSource(state.panel.message, state.panel.n, state.panel.opener);
}

// ---------------------------------------------------------------------------------------------- wiring

function wire() {
  ui.composer.addEventListener('submit', event => {
    event.preventDefault();
    if (state.streaming) { stopStreaming(); return; }
    const question = ui.question.value;
    if (!question.trim()) return;
    ui.question.value = '';
    autosize();
    ask(question);
  });
  ui.question.addEventListener('keydown', event => {
    // Enter sends, Shift+Enter breaks the line; Enter that confirms an IME composition does neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      if (!state.streaming) ui.composer.requestSubmit();
    }
  });
  ui.question.addEventListener('input', autosize);
  window.addEventListener('resize', autosize);

  ui.thread.addEventListener('click', event => {
    const target = event.target.closest('.cite, .source-card');
    if (!target) return;
    const message = messageOf.get(target.closest('.msg-assistant'));
    if (message) openSource(message, Number(target.dataset.n), target);
  });

  ui.newChat.addEventListener('click', newConversation);
  ui.newChatTop.addEventListener('click', newConversation);
  ui.exportButton.addEventListener('click', exportConversation);
  ui.langToggle.addEventListener('click', () => {
    state.lang = state.lang === 'en' ? 'zh' : 'en';
    localStorage.setItem(LANGUAGE_KEY, state.lang);
    applyLanguage();
    ui.langToggle.focus();
  });
  ui.openSidebar.addEventListener('click', openSidebar);
  drawerLayout.addEventListener('change', () => { if (!drawerLayout.matches) closeSidebar(false); });
  ui.sidebar.addEventListener('keydown', event => {
    if (event.key !== 'Tab' || !ui.app.classList.contains('sidebar-open')) return;
    const focusable = [...ui.sidebar.querySelectorAll('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')]
      .filter(el => !el.disabled && el.offsetParent !== null);
    if (!focusable.length) return;
    const first = focusable[0], last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
  });
  ui.closeSidebar.addEventListener('click', () => closeSidebar());
  ui.scrim.addEventListener('click', () => closeSidebar());
  PHONE.addEventListener('change', () => closeSidebar(false));

  ui.panelClose.addEventListener('click', () => closePanel());
  ui.panelBack.addEventListener('click', () => { showPassageView(); ui.showInReport.focus(); });
  ui.showInReport.addEventListener('click', showInReport);

  document.addEventListener('keydown', event => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (document.querySelector('dialog[open]')) return;
    if (!ui.panel.hidden) { event.preventDefault(); closePanel(); } else if (ui.app.classList.contains('sidebar-open')) { closeSidebar(); }
  });
  window.addEventListener('hashchange', () => {
    const id = idFromLocation();
    if (id && id !== state.conversationId) selectConversation(id);
  });
}

const MAX_QUESTION_HEIGHT = 220;
function autosize() {
  const box = ui.question;
  box.style.height = 'auto';
  // An empty box is one line high even when its placeholder would wrap.
  const wanted = box.value ? box.scrollHeight : 0;
  box.style.height = wanted ? `${Math.min(wanted, MAX_QUESTION_HEIGHT)}px` : '';
  box.style.overflowY = wanted > MAX_QUESTION_HEIGHT ? 'auto' : 'hidden';
}

async function start() {
  fillIcons(document);
  wire();
  applyLanguage();
  renderThread();
  const reports = api.reports().then(body => { state.reports = body?.reports ?? []; }).catch(() => { state.reports = []; });
  const conversations = loadConversations();
  await reports;
  applyLanguage();
  const id = idFromLocation();
  if (id) await selectConversation(id, { focus: false });
  await conversations;
  renderConversationList();
  ui.question.focus();
  document.body.dataset.ready = 'true';
}

start();
