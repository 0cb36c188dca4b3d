// The sidebar: the conversation list (load, open, new, rename, delete), the conversation's title and address
// (#c=<id>), and the sidebar as a drawer on phones.
import { api, ApiError } from './api.js';
import { icon } from './icons.js';
import { state, t, emit } from './state.js';
import { ui, element, iconButton, toast, scrollToBottom, dialogResult } from './dom.js';
import { describeError } from './labels.js';
import { renderThread } from './thread.js';

export function setLocation(id) {
  const hash = id ? `#c=${encodeURIComponent(id)}` : '';
  if (location.hash !== hash) history.replaceState(null, '', hash ? hash : location.pathname + location.search);
}

export function idFromLocation() {
  const match = /^#c=(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

export async function loadConversations() {
  try {
    const body = await api.conversations();
    state.conversations = Array.isArray(body?.conversations) ? body.conversations : [];
  } catch {
    state.conversations = [];
  }
  renderConversationList();
}

export function renderConversationList() {
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

export function setTitle(title) {
  state.title = title || '';
  ui.title.textContent = state.title || t('newChat');
  document.title = state.title ? `${state.title} · ${t('appName')}` : t('appName');
}

function newConversation() {
  emit('conversation-switching');
  state.conversationId = null;
  state.messages = [];
  setLocation(null);
  setTitle('');
  renderThread();
  renderConversationList();
  closeSidebar(false);
  ui.question.focus();
}

export async function selectConversation(id, { focus = true } = {}) {
  emit('conversation-switching');
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
    : m.clientSupplied
      ? { role: 'client', content: m.content ?? '' } // what a /v1 client sent as a reply: not this advisor's answer
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

// --------------------------------------------------------------------------------------- sidebar (phone)

// While the drawer covers the page on a phone, the page behind it is inert: Tab stays in the drawer and a screen
// reader does not wander behind it.
const DRAWER_LAYOUT = '(max-width: 760px)';

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

export function closeSidebar(restoreFocus = true) {
  if (!ui.app.classList.contains('sidebar-open')) return;
  ui.app.classList.remove('sidebar-open');
  ui.scrim.hidden = true;
  setBehindDrawerInert(false);
  ui.openSidebar.setAttribute('aria-expanded', 'false');
  if (restoreFocus) ui.openSidebar.focus();
}

/** Listens to the sidebar's buttons, the drawer's layout changes and the address (#c=<id>). */
export function wireConversations() {
  ui.newChat.addEventListener('click', newConversation);
  ui.newChatTop.addEventListener('click', newConversation);
  ui.openSidebar.addEventListener('click', openSidebar);
  // Crossing the phone width, either way, closes the drawer.
  window.matchMedia(DRAWER_LAYOUT).addEventListener('change', () => closeSidebar(false));
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
  window.addEventListener('hashchange', () => {
    const id = idFromLocation();
    if (id && id !== state.conversationId) selectConversation(id);
  });
}
