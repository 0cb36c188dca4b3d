package org.ibvadvisor.cli.wiring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ibvadvisor.corpus.ReportMetadata;
import org.ibvadvisor.http.ReportCatalog;
import org.ibvadvisor.retrieval.store.ChunkStore;

/** The reports as the index holds them, with the starter questions chosen for each. */
final class IndexReportCatalog implements ReportCatalog {
    private final List<Report> reports;
    private final Map<String, ReportText> texts;

    IndexReportCatalog(ChunkStore index, StarterQuestions starters) {
        this.reports = index.reports().stream().map(m -> new Report(m.id(), m.titleZh(), m.titleEn(), m.shortTitle(),
                starters.forReport(m.id()))).toList();
        this.texts = index.reports().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(ReportMetadata::id,
                m -> new ReportText(m.id(), m.titleZh(), index.reportText(m.id()).orElse(""))));
    }

    @Override
    public List<Report> reports() {
        return reports;
    }

    @Override
    public Optional<ReportText> text(String reportId) {
        return Optional.ofNullable(reportId == null ? null : texts.get(reportId));
    }
}
