package org.ibvadvisor.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ibvadvisor.eval.run.CaseResult;
import org.ibvadvisor.eval.run.EvalCase;
import org.ibvadvisor.eval.run.RetrieverRun;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.Retrieval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    private static CaseResult result(String id, String type, boolean answerable, double confidence, Boolean... relevant) {
        EvalCase evalCase = new EvalCase(id, type, "q " + id, p -> false, answerable ? 1 : 0, answerable);
        Passage passage = new Passage("r#0", "r", "R", List.of(), "t", 0, 1, 1, Map.of());
        Retrieval retrieval = new Retrieval("q", List.of(passage), confidence, new Retrieval.Timings(1, 1, 2));
        return new CaseResult(evalCase, List.of(relevant), retrieval);
    }

    private static EvalResults results() {
        RetrieverRun hybrid = new RetrieverRun("hybrid", List.of(
                result("q1", "fact", true, 0.9, true, false),           // rank 1
                result("q2", "english", true, 0.8, false, false, true), // rank 3
                result("q3", "unanswerable", false, 0.1, false),        // refused, right
                result("q4", "fact", true, 0.2, false)));               // refused, wrong; never found
        RetrieverRun bm25 = new RetrieverRun("bm25", List.of(
                result("q1", "fact", true, 0.9, false, true),
                result("q2", "english", true, 0.8, false),
                result("q3", "unanswerable", false, 0.9, false),
                result("q4", "fact", true, 0.9, true)));
        return EvalResults.of("Test", "four questions", List.of(bm25, hybrid), OptionalDouble.of(0.3));
    }

    @Test
    void summary_json_has_the_agreed_keys_per_retriever_and_type() throws Exception {
        JsonNode root = new ObjectMapper().readTree(SummaryJson.write(results()));
        JsonNode hybrid = root.path("retrievers").path("hybrid");
        for (String key : List.of("hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "ndcg@10")) {
            assertTrue(hybrid.has(key), key);
            assertTrue(hybrid.path("byType").path("fact").has(key), "fact " + key);
        }
        assertEquals(1.0 / 3, hybrid.path("hit@1").asDouble(), 1e-4);
        assertEquals(2.0 / 3, hybrid.path("hit@3").asDouble(), 1e-4);
        assertEquals((1 + 1.0 / 3) / 3, hybrid.path("mrr@10").asDouble(), 1e-4);
        assertFalse(hybrid.path("byType").has("unanswerable"), "nothing to rank for unanswerable questions");
        JsonNode refusal = root.path("refusal").path("hybrid");
        assertEquals(0.5, refusal.path("precision").asDouble(), 1e-9);
        assertEquals(1.0, refusal.path("recall").asDouble(), 1e-9);
        assertEquals(List.of("bm25", "hybrid"), List.copyOf(iterable(root.path("retrievers").fieldNames())));
    }

    @Test
    void the_report_chart_and_summary_are_written_and_the_chart_is_well_formed_svg(@TempDir Path folder) throws Exception {
        List<Path> files = ReportFiles.write(results(), folder);
        assertEquals(3, files.size());
        String report = Files.readString(folder.resolve(ReportFiles.REPORT));
        assertTrue(report.contains("| hybrid | 3 |"), report);
        assertTrue(report.contains("](chart.svg)"));
        assertTrue(report.contains("| q4 | fact | – |"), "misses are listed: " + report);
        var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(folder.resolve(ReportFiles.CHART).toFile());
        assertEquals("svg", svg.getDocumentElement().getNodeName());
        assertTrue(svg.getElementsByTagName("rect").getLength() > 2 * 6, "bars for two retrievers and six metrics");
        assertTrue(Files.readString(folder.resolve(ReportFiles.CHART)).contains("refusal of unanswerable questions (confidence &lt; 0.30)"));
    }

    private static <T> java.util.List<T> iterable(java.util.Iterator<T> it) {
        java.util.List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
