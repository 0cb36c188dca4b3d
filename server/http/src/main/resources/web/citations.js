// What [n] in an assistant message points at: the citation numbered n in its done event, and the passage (from the
// passages event, or reloaded with it) that citation quotes. Plain data, no DOM.

export function citationFor(message, n) {
  return message.meta?.citations?.find(c => Number(c.n) === n) ?? null;
}

export function passageFor(message, n) {
  const citation = citationFor(message, n);
  if (citation && message.passages) {
    const byId = message.passages.find(p => p.id === citation.passageId);
    if (byId) return byId;
  }
  return message.passages?.[n - 1] ?? null;
}

/** Whether [n] can be opened: a citation numbered n, or an n-th passage. */
export function hasSource(message, n) {
  return Boolean(citationFor(message, n) || message.passages?.[n - 1]);
}
