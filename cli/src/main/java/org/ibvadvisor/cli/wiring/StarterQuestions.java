package org.ibvadvisor.cli.wiring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Questions shown on an empty conversation, per report: only ones the advisor answers well. They live in
 * {@code starter-questions.json} beside this class's resources; the eval suite checks that retrieval finds the
 * evidence each one names.
 *
 * @param byReport report id → entries
 */
public record StarterQuestions(Map<String, List<Entry>> byReport) {
    public static final String RESOURCE = "/starter-questions.json";

    public StarterQuestions {
        byReport = Map.copyOf(byReport);
    }

    /**
     * @param question the question as shown
     * @param evidence text of the report that answers it (checked by the eval suite)
     */
    public record Entry(String question, String evidence) {}

    public static StarterQuestions bundled() {
        try (InputStream in = StarterQuestions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return new StarterQuestions(Map.of());
            return new StarterQuestions(new ObjectMapper().readValue(in, new TypeReference<Map<String, List<Entry>>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<String> forReport(String reportId) {
        return byReport.getOrDefault(reportId, List.of()).stream().map(Entry::question).toList();
    }
}
