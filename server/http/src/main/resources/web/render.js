// Turns answer text into DOM: Markdown by marked, sanitised by DOMPurify, then [n] made into citation chips
// and unverified figures marked. Questions, passages and titles never come through here: they are text.
import { Marked, DOMPurify } from './vendor.js';

const markdown = new Marked({ gfm: true, breaks: true, async: false });

const SANITIZE = Object.freeze({
  RETURN_DOM_FRAGMENT: true,
  // Answers are prose, lists, tables and code; nothing that loads, runs, styles or submits.
  FORBID_TAGS: ['img', 'picture', 'source', 'video', 'audio', 'svg', 'math', 'style', 'form', 'input',
    'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
  FORBID_ATTR: ['style', 'class', 'id', 'name'],
  ALLOW_DATA_ATTR: false,
});

DOMPurify.addHook('afterSanitizeAttributes', node => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Matches [1], [1, 3], [2，5], 【4】: the answer's references to numbered passages. */
const CITATION = /[[【]\s*(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\s*[\]】]/g;

function textNodes(root, skipSelector) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: node => (node.parentElement?.closest(skipSelector)
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

/**
 * Replaces [n] in the text of root (outside links and code) with chip buttons for the numbers that
 * hasSource(n) accepts; labelFor(n) gives each chip's accessible name.
 */
export function linkCitations(root, hasSource, labelFor) {
  for (const node of textNodes(root, 'a, code, pre, button')) {
    const text = node.nodeValue;
    CITATION.lastIndex = 0;
    if (!CITATION.test(text)) continue;
    CITATION.lastIndex = 0;
    const parts = document.createDocumentFragment();
    let last = 0;
    for (const match of text.matchAll(CITATION)) {
      const numbers = match[1].split(/\s*[,，、]\s*/).map(Number);
      if (!numbers.every(hasSource)) continue;
      parts.append(text.slice(last, match.index));
      for (const n of numbers) {
        const chip = document.createElement('button');
        chip.type = 'button';
        chip.className = 'cite';
        chip.dataset.n = String(n);
        chip.textContent = String(n);
        chip.setAttribute('aria-label', labelFor(n));
        parts.append(chip);
      }
      last = match.index + match[0].length;
    }
    if (last === 0) continue;
    parts.append(text.slice(last));
    node.replaceWith(parts);
  }
}

const DIGIT = /[0-9０-９]/;

/** Where the figure found at [start, end) ends when it is not part of a longer number (a trailing % joins it), else -1. */
function figureEnd(text, start, end) {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  const afterNext = text[end + 1] ?? '';
  if (DIGIT.test(before) || ((before === '.' || before === ',') && DIGIT.test(text[start - 2] ?? ''))) return -1;
  if (DIGIT.test(after)) return -1;
  if ((after === '.' || after === ',') && DIGIT.test(afterNext)) return -1;
  return after === '%' || after === '％' ? end + 1 : end;
}

/** Wraps each stand-alone occurrence of the given figures in <mark class="unverified">. */
export function markFigures(root, figures, t) {
  const wanted = [...new Set(figures.map(f => String(f).trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length);
  if (!wanted.length) return;
  for (const node of textNodes(root, 'a, code, pre, button, mark')) {
    const text = node.nodeValue;
    const hits = [];
    for (const figure of wanted) {
      for (let at = text.indexOf(figure); at !== -1; at = text.indexOf(figure, at + 1)) {
        const end = figureEnd(text, at, at + figure.length);
        if (end !== -1 && !hits.some(h => at < h.end && end > h.start)) hits.push({ start: at, end });
      }
    }
    if (!hits.length) continue;
    hits.sort((a, b) => a.start - b.start);
    const parts = document.createDocumentFragment();
    let last = 0;
    for (const { start, end } of hits) {
      parts.append(text.slice(last, start));
      const mark = document.createElement('mark');
      mark.className = 'unverified';
      mark.title = t('unverifiedTitle');
      mark.textContent = text.slice(start, end);
      const note = document.createElement('span');
      note.className = 'visually-hidden';
      note.textContent = `（${t('unverified')}）`;
      mark.append(note);
      parts.append(mark);
      last = end;
    }
    parts.append(text.slice(last));
    node.replaceWith(parts);
  }
}

/**
 * Renders answer Markdown into container (replacing its children).
 * options: hasSource(n), labelFor(n), figures (unverified figures to mark), t (translator).
 */
export function renderAnswer(container, text, { hasSource, labelFor, figures = [], t }) {
  const html = markdown.parse(text ?? '');
  const fragment = DOMPurify.sanitize(html, SANITIZE);
  linkCitations(fragment, hasSource, labelFor);
  markFigures(fragment, figures, t);
  container.replaceChildren(fragment);
}

const UNVERIFIED_WORDS = /unverified|not verified|未经?核实|未验证|无法核实|未能核实/i;

/**
 * Splits answer warnings into figures to mark and notes to show. A warning is either an object
 * ({"type":"unverified_figure","figure":"40%","message":"…"}; "value" or "text" also name the figure) or a
 * string; a string that says "unverified" ends with the figure after its last colon.
 */
export function splitWarnings(warnings) {
  const figures = [];
  const notes = [];
  for (const warning of Array.isArray(warnings) ? warnings : []) {
    if (warning && typeof warning === 'object') {
      const figure = warning.figure ?? warning.value ?? null;
      const kind = String(warning.type ?? warning.kind ?? '');
      if (figure != null && (kind === '' || /figure|number|unverified/i.test(kind))) figures.push(String(figure));
      else if (warning.message ?? warning.text) notes.push(String(warning.message ?? warning.text));
    } else if (typeof warning === 'string') {
      const colon = Math.max(warning.lastIndexOf(':'), warning.lastIndexOf('：'));
      if (UNVERIFIED_WORDS.test(warning) && colon !== -1 && colon < warning.length - 1) {
        // The server lists several figures after one colon, joined by "、" (Chinese) or ", " (English).
        for (const figure of warning.slice(colon + 1).split(/、|，|,\s+/)) {
          const clean = figure.trim().replace(/^["“'`]|["”'`]$/g, '');
          if (clean) figures.push(clean);
        }
      } else {
        notes.push(warning);
      }
    }
  }
  return { figures, notes };
}
