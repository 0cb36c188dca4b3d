// Asking: the composer (Enter sends, the send button stops), sending a question, streaming the answer into the
// thread, stop and retry.
import { api } from './api.js';
import { icon } from './icons.js';
import { state, t } from './state.js';
import { ui, nearBottom, scrollToBottom } from './dom.js';
import { describeError } from './labels.js';
import { userView, assistantView, updateAssistant, renderThread, scheduleAnswerRender, forgetAnswerRender } from './thread.js';
import { loadConversations, setLocation, setTitle } from './conversations.js';
import { closePanel } from './panel.js';

export function stopStreaming() {
  state.streaming?.controller.abort();
}

export function setBusy(busy) {
  ui.send.replaceChildren(icon(busy ? 'stop' : 'send'));
  ui.send.setAttribute('aria-label', t(busy ? 'stop' : 'send'));
  ui.send.classList.toggle('is-stop', busy);
  ui.composer.classList.toggle('busy', busy);
}

export async function ask(question) {
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
    forgetAnswerRender(answer);
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

export function retryAnswer(message) {
  const index = state.messages.indexOf(message);
  if (index < 1 || state.streaming) return;
  state.messages.splice(index - 1, 2);
  renderThread();
  ask(message.question);
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

/** Listens to the composer: submit (or stop), Enter, and the box's growing with its text. */
export function wireComposer() {
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
}
