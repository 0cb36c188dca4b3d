package org.ibvadvisor.http;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The reports the advisor answers from, as the chat page shows them. Implementations are thread-safe. */
public interface ReportCatalog {

    /** Every report, in the order the page lists them. */
    List<Report> reports();

    /** The whole source text of a report, the text passage and citation spans index into; empty when unknown. */
    Optional<ReportText> text(String reportId);

    /**
     * One report as listed.
     *
     * @param id               the report id used in passages and filters
     * @param titleZh          the Chinese title (the one cited)
     * @param titleEn          the English title
     * @param shortTitle       a short label for chips and filters
     * @param starterQuestions questions the advisor answers well, shown on an empty conversation
     */
    record Report(String id, String titleZh, String titleEn, String shortTitle, List<String> starterQuestions) {
        public Report {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(titleZh, "titleZh");
            starterQuestions = List.copyOf(starterQuestions);
        }
    }

    /** A report's source text with its id and title. */
    record ReportText(String id, String title, String text) {
        public ReportText {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
        }
    }
}
