package org.ibvadvisor.eval.answers;

import static org.ibvadvisor.eval.answers.CannedAnswers.extractive;
import static org.ibvadvisor.eval.answers.CannedAnswers.cite;
import static org.ibvadvisor.eval.answers.CannedAnswers.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ibvadvisor.eval.questions.Question;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerReportFilesTest {
    private static final Question FOUND = new Question("q1", "多少高管同意？", List.of("38% 的受访高管"), "fact", "r", "dev");
    private static final Question MISSED = new Question("q2", "前言 | 说了什么？", List.of("前言两句", "另一证据"), "concept", "r", "test");
    private static final Question UNANSWERABLE = new Question("q3", "新加坡呢？", List.of(), "unanswerable", null, "test");

    private static AnswerResults results() {
        CannedAnswers answerer = new CannedAnswers(Map.of(
                FOUND.question(), extractive("引文如下：\n\n- 38% 的受访高管表示同意。 [2]", cite(2)),
                MISSED.question(), extractive("引文如下：\n\n- 前言一句。 [1]\n- 其余内容在此。 [3]", cite(1), cite(3)),
                UNANSWERABLE.question(), refused("这些报告没有涉及这个问题。")));
        return AnswerSuite.run(answerer, CannedAnswers.CHECK, List.of(FOUND, MISSED, UNANSWERABLE), "Answers (test)",
                "three questions", 0.5, AnswerSuite.Progress.NONE);
    }

    @Test
    void the_report_lists_each_failure_with_what_was_answered_and_the_evidence_expected(@TempDir Path folder) throws Exception {
        AnswerReportFiles.write(results(), folder);
        String report = Files.readString(folder.resolve("report.md"), StandardCharsets.UTF_8);

        assertTrue(report.startsWith("# Answers (test)\n\nthree questions"), report);
        assertTrue(report.contains("## Failures (1)"), report);
        assertTrue(report.contains("| q2 | test | concept | extractive | 前言 \\| 说了什么？: 前言一句。 [1] / 其余内容在此。 [3] "
                + "| 前言两句 ‖ 另一证据 | no evidence (none in the passages given) |"), report);
        assertTrue(report.contains("| all | 3 | 0.500 (1/2) | 0.500 (1/2) | 0.500 (1/2) | 0 | 1.000 (1/1) | 1.000 |"), report);
    }

    @Test
    void the_summary_has_figures_overall_and_per_group_with_undefined_shares_as_null(@TempDir Path folder) throws Exception {
        AnswerReportFiles.write(results(), folder);
        JsonNode root = new ObjectMapper().readTree(folder.resolve("summary.json").toFile());

        JsonNode overall = root.path("overall");
        assertEquals(0.5, overall.path("evidenceAmongAnswerable").asDouble(), 1e-9);
        assertEquals(1.0, overall.path("refusal").path("recall").asDouble(), 1e-9);
        assertEquals(1.0, overall.path("citationValidity").asDouble(), 1e-9);
        assertTrue(root.path("byType").path("unanswerable").path("evidenceAmongAnswerable").isNull());
        assertTrue(root.path("bySplit").path("dev").path("refusal").path("precision").isNull(), "nothing refused in dev");
        List<String> splits = new java.util.ArrayList<>();
        root.path("bySplit").fieldNames().forEachRemaining(splits::add);
        assertEquals(List.of("dev", "test"), splits);
        assertEquals("q2", root.path("failures").get(0).path("id").asText());
        assertEquals(1, root.path("failures").size());
    }
}
