package org.ibvadvisor.eval.questions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads {@code questions.jsonl} (one JSON object per line) and picks a split. */
public final class QuestionSet {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Which questions to use. */
    public enum Split {
        DEV, TEST, ALL;

        public static Split parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown split '" + name + "'; use dev, test or all");
            }
        }

        boolean includes(Question question) {
            return this == ALL || name().equalsIgnoreCase(question.split());
        }
    }

    private QuestionSet() {
    }

    /** @throws IllegalArgumentException naming the file and line of a line that does not parse */
    public static List<Question> read(Path file, Split split) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the questions in " + file + ": " + e.getMessage(), e);
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            Question question;
            try {
                question = MAPPER.readValue(lines.get(i), Question.class);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
            if (split.includes(question)) questions.add(question);
        }
        if (questions.isEmpty()) throw new IllegalArgumentException("no " + split.name().toLowerCase(Locale.ROOT) + " questions in " + file);
        return questions;
    }
}
