// What can be done with answers: copy one (with its references), export the conversation as Markdown, rate one.
import { api } from './api.js';
import { icon } from './icons.js';
import { answerWithReferences, conversationMarkdown, exportFileName } from './export.js';
import { state, t } from './state.js';
import { ui, element, toast, dialogResult } from './dom.js';
import { reportTitle } from './labels.js';
import { renderActions } from './thread.js';

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

export async function copyAnswer(message, button) {
  const text = answerWithReferences(message.content, message.meta?.citations, t, reportTitle);
  const ok = await copyText(text);
  toast(ok ? t('copied') : t('copyFailed'));
  if (ok) {
    button.replaceChildren(icon('check'));
    setTimeout(() => button.replaceChildren(icon('copy')), 1500);
  }
}

export function exportConversation() {
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

export async function giveFeedback(message, rating, button) {
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
