// The page's elements (ui) and small DOM helpers: making elements and icon buttons, the toast, scrolling the thread,
// awaiting a <dialog>. Knows nothing of the page's state.
import { icon } from './icons.js';

const $ = id => document.getElementById(id);
/** The page's elements by role (the markup is index.html's; module scripts run after it is parsed). */
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
  account: $('account'), accountName: $('account-name'), signOut: $('sign-out'),
  signInDialog: $('signin-dialog'), signInForm: $('signin-form'), signInKey: $('signin-key'),
  signInKeyArea: $('signin-key-area'), signInError: $('signin-error'), signInOidc: $('signin-oidc'),
  signInSubmit: $('signin-submit'),
  toast: $('toast'),
};

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

/** Shows dialog modally; resolves to its returnValue once it closes. */
export function dialogResult(dialog) {
  return new Promise(resolve => {
    dialog.returnValue = '';
    dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true });
    dialog.showModal();
  });
}
