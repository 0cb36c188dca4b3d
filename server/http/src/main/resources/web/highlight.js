// Finding a quoted span in a passage or a report, and showing it highlighted — always as text, never HTML.

/** Characters ignored when matching a quote loosely: whitespace, which cleaning and chunking may change. */
const SPACE = /\s/;

/**
 * Finds needle in haystack ignoring whitespace on both sides; returns {start, end} in haystack or null.
 * Returns the first match at or after from.
 */
export function findLoosely(haystack, needle, from = 0) {
  const wanted = [...String(needle ?? '')].filter(c => !SPACE.test(c)).join('');
  if (!wanted) return null;
  const kept = [];
  const positions = [];
  for (let i = from; i < haystack.length; i++) {
    if (!SPACE.test(haystack[i])) { kept.push(haystack[i]); positions.push(i); }
  }
  const at = kept.join('').indexOf(wanted);
  if (at === -1) return null;
  return { start: positions[at], end: positions[at + wanted.length - 1] + 1 };
}

function sameLoosely(a, b) {
  const squeeze = s => String(s ?? '').replace(/\s+/g, '');
  return squeeze(a) === squeeze(b);
}

/**
 * Where a citation's quote lies inside its passage's text: by the spans when they agree with the quote,
 * else by searching the quote (exactly, then ignoring whitespace). Null when there is no quote to show.
 */
export function locateQuote(passage, citation) {
  const text = passage?.text ?? '';
  if (!citation) return null;
  const quote = citation.quote ?? '';
  const cs = citation.span;
  const ps = passage.span;
  if (cs && ps && cs.start >= ps.start && cs.end <= ps.end && cs.end > cs.start) {
    const range = { start: cs.start - ps.start, end: cs.end - ps.start };
    if (range.end <= text.length && (!quote || sameLoosely(text.slice(range.start, range.end), quote))) return range;
  }
  if (!quote) return null;
  const exact = text.indexOf(quote);
  if (exact !== -1) return { start: exact, end: exact + quote.length };
  return findLoosely(text, quote);
}

/**
 * Where a span lies in a report's text, checked against the quote when there is one (spans are trusted when
 * the text there matches the quote, else the quote is searched). Returns the span's surroundings, at most
 * radius characters either side ("…" marks a cut), with the range of the span inside them.
 */
export function contextAround(text, span, quote, radius) {
  let range = null;
  if (span && span.start >= 0 && span.end <= text.length && span.end > span.start
      && (!quote || sameLoosely(text.slice(span.start, span.end), quote))) {
    range = { start: span.start, end: span.end };
  } else if (quote) {
    const exact = text.indexOf(quote);
    range = exact !== -1 ? { start: exact, end: exact + quote.length } : findLoosely(text, quote);
  }
  if (!range) return { text, range: null };
  if (!Number.isFinite(radius)) return { text, range };
  const from = Math.max(0, range.start - radius);
  const to = Math.min(text.length, range.end + radius);
  const head = from > 0 ? '…' : '';
  const tail = to < text.length ? '…' : '';
  return {
    text: head + text.slice(from, to) + tail,
    range: { start: range.start - from + head.length, end: range.end - from + head.length },
  };
}

/** Writes text into container with range wrapped in <mark class="quote">; returns the mark (or null). */
export function highlight(container, text, range) {
  container.replaceChildren();
  if (!range || range.start < 0 || range.end > text.length || range.end <= range.start) {
    container.append(text);
    return null;
  }
  const mark = document.createElement('mark');
  mark.className = 'quote';
  mark.textContent = text.slice(range.start, range.end);
  container.append(text.slice(0, range.start), mark, text.slice(range.end));
  return mark;
}
