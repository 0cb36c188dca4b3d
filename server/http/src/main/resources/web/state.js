// What the page's parts share and how they tell each other what happened: the page's state, the current translation,
// and a tiny event bus. A part that needs something done by a part it must not import (one above it, or beside it)
// announces it with emit; app.js subscribes the handler with on. Nothing here touches the DOM.
import { translator } from './i18n.js';

/** The page's state; app.js's start() sets the language before anything is shown. */
export const state = {
  lang: 'zh',
  t: translator('zh'),
  reports: [],
  user: null,
  conversations: [],
  conversationId: null,
  title: '',
  messages: [],
  streaming: null,
  panel: null,
};

/** The string for key (with {params} filled in) in the current language. */
export const t = (key, params) => state.t(key, params);

/** Every event a part may announce, with what it passes along. */
const EVENTS = Object.freeze({
  'retry-requested': 'the assistant message whose failed answer is to be asked again (thread.js)',
  'copy-requested': '{ message, button }: copy an answer with its references (thread.js)',
  'rating-requested': "{ message, rating: 'up' | 'down', button }: rate an answer (thread.js)",
  'source-requested': '{ message, n, opener }: show source n of an answer, opened from a chip or card (thread.js)',
  'conversation-switching': 'nothing: the open conversation is about to be replaced (conversations.js)',
});

const handlers = new Map(Object.keys(EVENTS).map(event => [event, []]));

function handlersOf(event) {
  const list = handlers.get(event);
  if (!list) throw new Error(`unknown event: ${event}`);
  return list;
}

/** Calls handler(detail) on every later emit(event, detail), after the handlers subscribed before it. */
export function on(event, handler) {
  handlersOf(event).push(handler);
}

/** Calls event's handlers now, one after another, with detail. */
export function emit(event, detail) {
  for (const handler of [...handlersOf(event)]) handler(detail);
}
