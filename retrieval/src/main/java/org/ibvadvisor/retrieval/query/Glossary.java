package org.ibvadvisor.retrieval.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * English phrases of one to {@link #MAX_PHRASE_WORDS} words, each with its Chinese renderings.
 * Read from lines {@code english phrase<TAB>中文|另一种说法}; {@code #} starts a comment. Phrases are lower case,
 * words separated by single spaces; a phrase listed twice gets the renderings of both lines.
 */
public final class Glossary {
    public static final int MAX_PHRASE_WORDS = 5;
    /** The curated glossary of the reports' domain shipped with this module. */
    public static final String BUNDLED = "glossary-en-zh.tsv";

    private final Map<String, List<String>> entries;

    private Glossary(Map<String, List<String>> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** The glossary shipped with the module. */
    public static Glossary bundled() {
        try (InputStream in = Glossary.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("missing resource " + BUNDLED + " beside " + Glossary.class.getName());
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException naming the line number of a malformed line */
    public static Glossary parse(String text) {
        Map<String, List<String>> entries = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) continue;
                int tab = content.indexOf('\t');
                if (tab < 0) throw new IllegalArgumentException("glossary line " + number + " has no tab: " + line);
                String phrase = normalise(content.substring(0, tab));
                if (phrase.isEmpty() || phrase.split(" ").length > MAX_PHRASE_WORDS) {
                    throw new IllegalArgumentException("glossary line " + number + ": phrase must have 1 to "
                            + MAX_PHRASE_WORDS + " words: " + line);
                }
                List<String> renderings = new ArrayList<>();
                for (String rendering : content.substring(tab + 1).split("\\|")) {
                    if (!rendering.isBlank()) renderings.add(rendering.strip());
                }
                if (renderings.isEmpty()) throw new IllegalArgumentException("glossary line " + number + " has no rendering: " + line);
                entries.computeIfAbsent(phrase, p -> new ArrayList<>()).addAll(renderings);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Glossary(entries);
    }

    /** Renderings of a phrase given as lower-case words joined by single spaces; empty when not listed. */
    public List<String> lookup(String phrase) {
        return entries.getOrDefault(Objects.requireNonNull(phrase, "phrase"), List.of());
    }

    public int size() {
        return entries.size();
    }

    static String normalise(String phrase) {
        return phrase.toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("\\s+", " ").strip();
    }
}
