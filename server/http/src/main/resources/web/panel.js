// The source panel: a cited passage with the quote highlighted, and "show in report" (the whole report scrolled
// to the span). Report texts are fetched once each.
import { api } from './api.js';
import { locateQuote, highlight, contextAround } from './highlight.js';
import { state, t } from './state.js';
import { ui, element } from './dom.js';
import { reportTitle } from './labels.js';
import { citationFor, passageFor } from './citations.js';

/** Report id → the promise of GET /api/reports/{id}/text; a failed fetch is forgotten so it can be tried again. */
const reportTexts = new Map();

function reportText(id) {
  if (!reportTexts.has(id)) {
    const loading = api.reportText(id);
    loading.catch(() => reportTexts.delete(id));
    reportTexts.set(id, loading);
  }
  return reportTexts.get(id);
}

export async function openSource(message, n, opener) {
  const citation = citationFor(message, n);
  const passage = passageFor(message, n);
  if (!citation && !passage) return;
  const report = citation?.report ?? passage?.report ?? {};
  const span = citation?.span ?? passage?.span ?? null;
  const token = {};
  state.panel = { message, n, opener, report, span, quote: citation?.quote ?? null, token };

  for (const chip of document.querySelectorAll('.cite.active, .source-card.active')) chip.classList.remove('active');
  opener?.classList.add('active');
  ui.panelTitle.textContent = t('panelTitle', { n });
  ui.panelReport.textContent = reportTitle(report);
  ui.panelSection.textContent = citation?.section ?? passage?.section ?? '';
  ui.panelSection.hidden = !ui.panelSection.textContent;
  ui.panelText.replaceChildren();
  ui.panelText.classList.remove('from-report');
  ui.showInReport.hidden = !(report.id && span);
  showPassageView();
  ui.panel.hidden = false;
  ui.app.classList.add('panel-open');
  ui.panelTitle.focus();

  if (passage?.text) {
    const range = locateQuote(passage, citation);
    highlight(ui.panelText, passage.text, range)?.scrollIntoView({ block: 'nearest' });
    return;
  }
  // No passage text (an answer reloaded from the store): show the quote in its context in the report.
  ui.panelText.classList.add('from-report');
  ui.panelText.textContent = citation?.quote ?? '';
  if (!report.id || !span) return;
  try {
    const full = await reportText(report.id);
    if (state.panel?.token !== token) return;
    const context = contextAround(full.text ?? '', span, citation?.quote, 200);
    ui.panelText.dataset.label = t('passageUnavailable');
    highlight(ui.panelText, context.text, context.range)?.scrollIntoView({ block: 'nearest' });
  } catch { /* keep the quote alone */ }
}

function showPassageView() {
  ui.panelPassage.hidden = false;
  ui.reportView.hidden = true;
  ui.panelBack.hidden = true;
}

async function showInReport() {
  const panel = state.panel;
  if (!panel?.report?.id) return;
  ui.panelPassage.hidden = true;
  ui.reportView.hidden = false;
  ui.panelBack.hidden = false;
  ui.reportViewTitle.textContent = reportTitle(panel.report);
  ui.reportText.replaceChildren(element('p', 'loading', t('reportLoading')));
  ui.reportText.setAttribute('aria-busy', 'true');
  try {
    const full = await reportText(panel.report.id);
    if (state.panel !== panel) return;
    const text = full.text ?? '';
    const context = contextAround(text, panel.span, panel.quote, Infinity);
    const mark = highlight(ui.reportText, context.text, context.range);
    ui.reportText.setAttribute('aria-busy', 'false');
    if (mark) {
      mark.id = 'report-highlight';
      mark.scrollIntoView({ block: 'center' });
    }
    ui.reportText.focus({ preventScroll: true });
  } catch {
    ui.reportText.setAttribute('aria-busy', 'false');
    ui.reportText.replaceChildren(element('p', 'error-box', t('reportFailed')));
  }
}

export function closePanel(restoreFocus = true) {
  if (ui.panel.hidden) return;
  const opener = state.panel?.opener;
  state.panel = null;
  ui.panel.hidden = true;
  ui.app.classList.remove('panel-open');
  for (const chip of document.querySelectorAll('.cite.active, .source-card.active')) chip.classList.remove('active');
  if (restoreFocus && opener?.isConnected) opener.focus();
}

/** Listens to the panel's buttons (chips and source cards in the thread are thread.js's: 'source-requested'). */
export function wirePanel() {
  ui.panelClose.addEventListener('click', () => closePanel());
  ui.panelBack.addEventListener('click', () => { showPassageView(); ui.showInReport.focus(); });
  ui.showInReport.addEventListener('click', showInReport);
}
