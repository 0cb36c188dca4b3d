package org.ibvadvisor.retrieval.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the English words of a query by longest-phrase lookup in glossaries tried in order (the curated one,
 * then a fallback dictionary): at each word the first glossary that lists a phrase starting there wins, with its
 * longest such phrase (tried as written, then with plural or verb endings dropped from its last word), and the
 * renderings are emitted. A glossary of names ({@link #withNames}) is consulted only for phrases whose every word
 * is capitalised in the query (Volkswagen, Latin America), so that a common word is not read as a name. Numbers, percentages and years pass through as they are, so "38%" still matches
 * the Chinese text. Chinese characters in the query are left to the query itself.
 */
public final class GlossaryTranslator implements QueryTranslator {
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’]*|\\d+(?:[.,]\\d+)?%?");

    /** A glossary, and whether it is asked only for phrases capitalised in the query (names). */
    private record Source(Glossary glossary, boolean names) {
        Source {
            Objects.requireNonNull(glossary, "glossary");
        }
    }

    private final List<Source> sources;

    public GlossaryTranslator(Glossary glossary) {
        this(List.of(glossary));
    }

    /** @param glossaries tried in this order at each word */
    public GlossaryTranslator(List<Glossary> glossaries) {
        this(glossaries.stream().map(g -> new Source(g, false)).toArray(Source[]::new));
    }

    private GlossaryTranslator(Source... sources) {
        if (sources.length == 0) throw new IllegalArgumentException("at least one glossary is needed");
        this.sources = List.of(sources);
    }

    /** {@code first}, then {@code names} for capitalised phrases only, then {@code rest}, at each word. */
    public static GlossaryTranslator withNames(Glossary first, Glossary names, List<Glossary> rest) {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(first, false));
        sources.add(new Source(names, true));
        rest.forEach(glossary -> sources.add(new Source(glossary, false)));
        return new GlossaryTranslator(sources.toArray(Source[]::new));
    }

    @Override
    public String translate(String query) {
        List<String> words = words(query);
        List<Boolean> capitalised = capitalised(query);
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        while (i < words.size()) {
            String word = words.get(i);
            if (Character.isDigit(word.charAt(0))) {
                out.add(word);
                i++;
                continue;
            }
            int taken = 0;
            for (Source source : sources) {
                for (int n = Math.min(Glossary.MAX_PHRASE_WORDS, words.size() - i); n >= 1 && taken == 0; n--) {
                    if (source.names() && capitalised.subList(i, i + n).contains(false)) continue;
                    List<String> renderings = source.names() ? source.glossary().lookup(String.join(" ", words.subList(i, i + n)))
                            : lookup(source.glossary(), words.subList(i, i + n));
                    if (!renderings.isEmpty()) {
                        out.addAll(renderings);
                        taken = n;
                    }
                }
                if (taken > 0) break;
            }
            i += Math.max(1, taken);
        }
        return String.join(" ", out);
    }

    private static List<String> lookup(Glossary glossary, List<String> phrase) {
        String joined = String.join(" ", phrase);
        List<String> found = glossary.lookup(joined);
        if (!found.isEmpty()) return found;
        String head = phrase.size() == 1 ? "" : String.join(" ", phrase.subList(0, phrase.size() - 1)) + " ";
        for (String stem : stems(phrase.getLast())) {
            found = glossary.lookup(head + stem);
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }

    /** Candidate base forms of an English word: plural, third person, past and -ing endings dropped. */
    static List<String> stems(String word) {
        List<String> stems = new ArrayList<>(4);
        if (word.length() > 4 && word.endsWith("ies")) stems.add(word.substring(0, word.length() - 3) + "y");
        if (word.length() > 3 && word.endsWith("es")) stems.add(word.substring(0, word.length() - 2));
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) stems.add(word.substring(0, word.length() - 1));
        if (word.length() > 4 && word.endsWith("ed")) {
            stems.add(word.substring(0, word.length() - 2));
            stems.add(word.substring(0, word.length() - 1));
        }
        if (word.length() > 5 && word.endsWith("ing")) {
            stems.add(word.substring(0, word.length() - 3));
            stems.add(word.substring(0, word.length() - 3) + "e");
        }
        return stems;
    }

    static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(query);
        while (matcher.find()) {
            String word = word(matcher.group());
            if (!word.isEmpty()) words.add(word);
        }
        return words;
    }

    /** For each of {@link #words}: whether it starts with a capital letter in the query. */
    private static List<Boolean> capitalised(String query) {
        List<Boolean> capitalised = new ArrayList<>();
        Matcher matcher = WORD.matcher(query);
        while (matcher.find()) {
            if (!word(matcher.group()).isEmpty()) capitalised.add(Character.isUpperCase(matcher.group().charAt(0)));
        }
        return capitalised;
    }

    private static String word(String found) {
        String word = found.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (word.endsWith("'s")) word = word.substring(0, word.length() - 2);
        if (word.endsWith("'")) word = word.substring(0, word.length() - 1);
        return word;
    }
}
