// Plain-text forms of answers and conversations: what "copy" puts on the clipboard and "export" saves.

function oneLine(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The references of one answer as Markdown lines, "[n] Report title · Section — “quote”", in citation order.
 * reportTitle(report) picks the title to show for a {id, title} report.
 */
export function referenceLines(citations, reportTitle) {
  return [...(citations ?? [])]
    .sort((a, b) => a.n - b.n)
    .map(c => {
      const where = [reportTitle(c.report ?? {}), oneLine(c.section)].filter(Boolean).join(' · ');
      const quote = oneLine(c.quote);
      return `[${c.n}] ${where}${quote ? ` — “${quote}”` : ''}`;
    });
}

/** One answer with its references appended, as copied to the clipboard. */
export function answerWithReferences(answer, citations, t, reportTitle) {
  const lines = referenceLines(citations, reportTitle);
  const text = String(answer ?? '').trim();
  return lines.length ? `${text}\n\n${t('exportReferences')}:\n${lines.join('\n')}\n` : `${text}\n`;
}

/**
 * A whole conversation as Markdown: a title, then each question and answer, each answer followed by its
 * references. messages are {role: "user"|"assistant", content, meta}; meta is the answer's done object.
 */
export function conversationMarkdown({ title, messages, t, reportTitle, date }) {
  const out = [`# ${oneLine(title) || t('untitled')}`, '', `*${t('exportedHeading', { app: t('appName'), date })}*`, ''];
  for (const message of messages) {
    if (message.role === 'user') {
      out.push(`## ${t('exportQuestion')}: ${oneLine(message.content)}`, '');
    } else {
      out.push(String(message.content ?? '').trim(), '');
      const lines = referenceLines(message.meta?.citations, reportTitle);
      if (lines.length) out.push(`**${t('exportReferences')}**`, '', ...lines.map(line => `- ${line}`), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A file name for an exported conversation: its title without characters file systems refuse. */
export function exportFileName(title) {
  const safe = oneLine(title).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').slice(0, 60).trim();
  return `${safe || 'conversation'}.md`;
}
