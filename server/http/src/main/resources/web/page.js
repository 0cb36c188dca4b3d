// What every part of the page shares: the page's elements, its state, the current translation, and small helpers
// (making elements, report titles, the toast, scrolling the thread, error text, awaiting a dialog).
import { translator } from './i18n.js';
import { ApiError } from './api.js';
import { icon } from './icons.js';

const $ = id => document.getElementById(id);
export const ui = {
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

/** The page's state; app.js sets the language before anything reads it. */
export const state = {
  lang: 'zh',
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
export const t = (key, params) => state.t(key, params);
/** The message object behind each assistant message's root element. */
export const messageOf = new WeakMap();

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

export function iconButton(name, label, className = 'icon-btn') {
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
export function reportTitle(report) {
  const known = reportInfo(report?.id);
  if (state.lang === 'en') return known?.titleEn || report?.title || known?.title || report?.id || '';
  return report?.title || known?.title || report?.id || '';
}

export function reportShortTitle(report) {
  const known = reportInfo(report?.id);
  if (state.lang === 'en') return known?.titleEn || reportTitle(report);
  return known?.shortTitle || reportTitle(report);
}

let toastTimer = 0;
export function toast(text) {
  ui.toast.textContent = text;
  ui.toast.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => ui.toast.classList.remove('show'), 2600);
}

export function nearBottom() {
  const s = ui.scroller;
  return s.scrollHeight - s.scrollTop - s.clientHeight < 120;
}

export function scrollToBottom() {
  ui.scroller.scrollTop = ui.scroller.scrollHeight;
}

export function describeError(error) {
  if (error instanceof ApiError) {
    if (error.status === 503 || error.status === 429) {
      return error.retryAfterSeconds ? t('errorBusy', { seconds: error.retryAfterSeconds }) : t('errorBusyNoTime');
    }
    return error.message;
  }
  return t('errorNetwork');
}

export function dialogResult(dialog) {
  return new Promise(resolve => {
    dialog.returnValue = '';
    dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true });
    dialog.showModal();
  });
}
