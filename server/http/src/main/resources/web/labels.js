// What the page calls things from the server, in the current language: report titles and error messages.
import { ApiError } from './api.js';
import { state, t } from './state.js';

/** The report with that id in GET /api/reports, or null. */
function knownReport(id) {
  return state.reports.find(r => r.id === id) ?? null;
}

/** The title to show for a {id, title} report in the current language. */
export function reportTitle(report) {
  const known = knownReport(report?.id);
  if (state.lang === 'en') return known?.titleEn || report?.title || known?.title || report?.id || '';
  return report?.title || known?.title || report?.id || '';
}

export function reportShortTitle(report) {
  const known = knownReport(report?.id);
  if (state.lang === 'en') return known?.titleEn || reportTitle(report);
  return known?.shortTitle || reportTitle(report);
}

/** What went wrong, for the user: the server's message, "busy, try again in N s", or "network error". */
export function describeError(error) {
  if (error instanceof ApiError) {
    if (error.status === 503 || error.status === 429) {
      return error.retryAfterSeconds ? t('errorBusy', { seconds: error.retryAfterSeconds }) : t('errorBusyNoTime');
    }
    return error.message;
  }
  return t('errorNetwork');
}
