package org.ibvadvisor.eval.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The question set in {@code eval/questions/questions.jsonl} is well formed and its evidence is in the reports. */
class QuestionSetTest {
    private static final Set<String> TYPES = Set.of("fact", "concept", "paraphrase", "english", "multi", "unanswerable");
    private static final Set<String> SPLITS = Set.of("dev", "test");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}]");

    /** One line of the file. */
    record Question(String id, String question, List<String> evidence, String type, String report, String split) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static List<String> lines;
    /** Report id to its text with all whitespace removed. */
    private static Map<String, String> squashedReports;

    @BeforeAll
    static void load() throws IOException {
        String projectDir = System.getProperty("advisor.projectDir");
        assertNotNull(projectDir, "system property advisor.projectDir is not set (surefire sets it)");
        Path root = Path.of(projectDir);
        lines = Files.readAllLines(root.resolve("eval/questions/questions.jsonl"), StandardCharsets.UTF_8);
        squashedReports = new TreeMap<>();
        try (Stream<Path> files = Files.list(root.resolve("corpus"))) {
            for (Path meta : files.filter(p -> p.getFileName().toString().endsWith(".meta.json")).sorted().toList()) {
                String id = MAPPER.readTree(meta.toFile()).get("id").asText();
                Path text = meta.resolveSibling(meta.getFileName().toString().replace(".meta.json", ".txt"));
                squashedReports.put(id, squash(Files.readString(text, StandardCharsets.UTF_8)));
            }
        }
        assertEquals(5, squashedReports.size(), "reports in corpus/: " + squashedReports.keySet());
    }

    private static String squash(String text) {
        return WHITESPACE.matcher(text).replaceAll("");
    }

    private static List<Question> questions() {
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                questions.add(MAPPER.readValue(lines.get(i), Question.class));
            } catch (IOException e) {
                fail("line " + (i + 1) + " does not parse: " + e.getMessage());
            }
        }
        return questions;
    }

    @Test
    void every_line_parses_into_a_question_with_every_field() throws IOException {
        assertFalse(lines.isEmpty(), "questions.jsonl is empty");
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = MAPPER.readTree(lines.get(i));
            assertEquals(Set.of("id", "question", "evidence", "type", "report", "split"), fieldNames(node),
                    "fields on line " + (i + 1));
        }
        for (Question q : questions()) {
            assertTrue(q.id() != null && q.id().matches("q\\d{3,}"), "id " + q.id());
            assertTrue(q.question() != null && !q.question().isBlank(), q.id() + ": blank question");
            assertNotNull(q.evidence(), q.id() + ": evidence must be a list, possibly empty");
            assertTrue(TYPES.contains(q.type()), q.id() + ": type " + q.type());
            assertTrue(SPLITS.contains(q.split()), q.id() + ": split " + q.split());
            assertTrue(q.report() == null || squashedReports.containsKey(q.report()), q.id() + ": report " + q.report());
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void ids_and_questions_are_unique() {
        List<Question> questions = questions();
        assertUnique(questions, Question::id, "id");
        assertUnique(questions, q -> squash(q.question()), "question");
    }

    private static void assertUnique(List<Question> questions, Function<Question, String> key, String what) {
        Map<String, Long> counts = questions.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
        List<String> repeated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertTrue(repeated.isEmpty(), "repeated " + what + ": " + repeated);
    }

    @Test
    void every_evidence_string_is_in_its_named_report_ignoring_whitespace() {
        List<String> problems = new ArrayList<>();
        for (Question q : questions()) {
            if (q.type().equals("unanswerable")) continue;
            if (q.evidence().isEmpty()) problems.add(q.id() + ": no evidence");
            if (q.report() == null) problems.add(q.id() + ": evidence needs a named report");
            for (String evidence : q.evidence()) {
                String needle = squash(evidence);
                if (needle.length() < 8 || needle.length() > 60) {
                    problems.add(q.id() + ": evidence of " + needle.length() + " characters: " + evidence);
                }
                if (q.report() != null && !squashedReports.get(q.report()).contains(needle)) {
                    problems.add(q.id() + ": not in " + q.report() + ": " + evidence);
                }
                long places = squashedReports.values().stream().mapToLong(text -> occurrences(text, needle)).sum();
                if (places > 2) problems.add(q.id() + ": evidence found in " + places + " places: " + evidence);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static long occurrences(String text, String needle) {
        long count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
        return count;
    }

    @Test
    void unanswerable_questions_have_no_evidence() {
        List<String> withEvidence = questions().stream()
                .filter(q -> q.type().equals("unanswerable") && !q.evidence().isEmpty())
                .map(Question::id).toList();
        assertEquals(List.of(), withEvidence);
    }

    @Test
    void english_questions_are_written_in_english() {
        List<String> notEnglish = questions().stream()
                .filter(q -> q.type().equals("english") && CJK.matcher(q.question()).find())
                .map(Question::id).toList();
        assertEquals(List.of(), notEnglish);
    }

    @Test
    void the_set_is_large_enough_and_every_report_has_answerable_questions() {
        List<Question> questions = questions();
        assertTrue(questions.size() >= 150, "only " + questions.size() + " questions");
        Map<String, Long> answerablePerReport = questions.stream()
                .filter(q -> !q.type().equals("unanswerable"))
                .collect(Collectors.groupingBy(Question::report, TreeMap::new, Collectors.counting()));
        for (String report : squashedReports.keySet()) {
            assertTrue(answerablePerReport.getOrDefault(report, 0L) >= 5,
                    report + " has too few answerable questions: " + answerablePerReport);
        }
    }

    @Test
    void every_type_is_in_both_splits_and_about_forty_percent_is_dev() {
        List<Question> questions = questions();
        for (String type : TYPES) {
            for (String split : SPLITS) {
                assertTrue(questions.stream().anyMatch(q -> q.type().equals(type) && q.split().equals(split)),
                        "no " + type + " question in " + split);
            }
        }
        double devShare = questions.stream().filter(q -> q.split().equals("dev")).count() / (double) questions.size();
        assertTrue(devShare >= 0.3 && devShare <= 0.5, "dev share " + devShare);
    }

    @Test
    void english_and_unanswerable_questions_have_their_share() {
        List<Question> questions = questions();
        double english = share(questions, "english"), unanswerable = share(questions, "unanswerable");
        assertTrue(english >= 0.12 && english <= 0.2, "english share " + english);
        assertTrue(unanswerable >= 0.07 && unanswerable <= 0.15, "unanswerable share " + unanswerable);
    }

    private static double share(List<Question> questions, String type) {
        return questions.stream().filter(q -> q.type().equals(type)).count() / (double) questions.size();
    }
}
