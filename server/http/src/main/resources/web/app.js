// The chat page's entry, the top of its modules (README.md, "Modules"): the language (kept in localStorage), the
// starter questions and the "search in" selector, Escape, and start-up; and the wiring: the events the parts
// announce (state.js) are handed here to the part that handles them. The parts: conversations.js (sidebar),
// thread.js (message views), stream.js (asking and streaming), actions.js (copy, export, rate), panel.js (sources),
// account.js (who is signed in, signing in),
// over state.js (state, events), dom.js (elements) and labels.js (report titles, error text).
// Text from the server (questions, passages, titles) is only ever inserted as text; answer Markdown goes
// through render.js (marked, then DOMPurify).
import { translator, applyStaticStrings } from './i18n.js';
import { api } from './api.js';
import { icon, fillIcons } from './icons.js';
import { state, t, on } from './state.js';
import { ui, element } from './dom.js';
import { reportTitle, reportShortTitle } from './labels.js';
import { loadConversations, renderConversationList, selectConversation, idFromLocation, setTitle, closeSidebar,
  wireConversations } from './conversations.js';
import { renderThread, updateAssistant, wireThread } from './thread.js';
import { ask, retryAnswer, stopStreaming, setBusy, wireComposer } from './stream.js';
import { copyAnswer, exportConversation, giveFeedback } from './actions.js';
import { openSource, closePanel, wirePanel } from './panel.js';
import { signIn, renderAccount, wireAccount } from './account.js';

const LANGUAGE_KEY = 'ibv-advisor.lang';

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
  renderAccount();
  for (const message of state.messages) if (message.view) {
    message.view.root.setAttribute('aria-label', t('assistant'));
    updateAssistant(message);
  }
  for (const root of ui.thread.querySelectorAll('.msg-user')) root.setAttribute('aria-label', t('you'));
  if (state.panel) openSource(state.panel.message, state.panel.n, state.panel.opener);
}

// ---------------------------------------------------------------------------------------------- wiring

/** Hands each event a part announces to the part that handles it. */
function subscribeHandlers() {
  on('retry-requested', retryAnswer);
  on('copy-requested', ({ message, button }) => copyAnswer(message, button));
  on('rating-requested', ({ message, rating, button }) => giveFeedback(message, rating, button));
  on('source-requested', ({ message, n, opener }) => openSource(message, n, opener));
  on('conversation-switching', () => {
    stopStreaming();
    closePanel(false);
  });
}

function wire() {
  subscribeHandlers();
  wireComposer();
  wireThread();
  wirePanel();
  wireConversations();
  wireAccount();
  ui.exportButton.addEventListener('click', exportConversation);
  ui.langToggle.addEventListener('click', () => {
    state.lang = state.lang === 'en' ? 'zh' : 'en';
    localStorage.setItem(LANGUAGE_KEY, state.lang);
    applyLanguage();
    ui.langToggle.focus();
  });
  document.addEventListener('keydown', event => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (document.querySelector('dialog[open]')) return;
    if (!ui.panel.hidden) { event.preventDefault(); closePanel(); } else if (ui.app.classList.contains('sidebar-open')) { closeSidebar(); }
  });
}

async function start() {
  state.lang = localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh';
  fillIcons(document);
  wire();
  applyLanguage();
  renderThread();
  await signIn();
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
