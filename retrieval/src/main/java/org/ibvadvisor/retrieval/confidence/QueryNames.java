package org.ibvadvisor.retrieval.confidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.index.LexicalField;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.retrieval.query.Glossary;
import org.ibvadvisor.retrieval.signal.SearchQuery;

/**
 * The specific names a query asks about, and whether retrieved chunks mention them. Names are numbers of two or more
 * digits (years, figures), Latin-script words with a capital letter (OpenAI, GDP, MeDiCI, German — not the first word
 * of an English sentence) and Chinese words that are {@link ProperNouns} (日本, 新加坡). A name that more than
 * {@code maxShare} of the catalog's chunks mention (AI, CEO) says nothing specific and is left out; numbers always
 * count. Matching ignores case and character width. A name also counts as mentioned in one of its other written
 * forms: a Latin-script name by a rendering the curated glossary gives it (GenAI 生成式 AI, ROI 投资回报率), a number
 * from 10 to 99 in Chinese numerals (30 三十). Thread-safe.
 */
public final class QueryNames {
    private static final Pattern NUMBER = Pattern.compile("\\d{2,}(?:[.,]\\d+)?");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z0-9&.'\\-]*[A-Za-z0-9]|[A-Za-z]");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern HAN_WORD = Pattern.compile("\\p{IsHan}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int CACHE_LIMIT = 10_000;

    private final ProperNouns properNouns;
    private final List<Glossary> renderings;
    /** Every chunk's {@link #searchable} text, by chunk id. */
    private final Map<String, String> searchable;
    private final double maxShare;
    private final Map<String, Boolean> specific = new ConcurrentHashMap<>();

    /** Names matched only as written. */
    public QueryNames(ChunkCatalog catalog, ProperNouns properNouns, double maxShare) {
        this(catalog, properNouns, maxShare, null);
    }

    /**
     * @param maxShare   share of chunks above which a word is too common to be a specific name (0..1)
     * @param renderings glossaries whose Chinese renderings of a Latin-script name count as mentions of it (the
     *                   curated glossary, the names table); null: every name is matched only as written (no
     *                   renderings, no Chinese numerals)
     */
    public QueryNames(ChunkCatalog catalog, ProperNouns properNouns, double maxShare, List<Glossary> renderings) {
        Objects.requireNonNull(catalog, "catalog");
        this.properNouns = Objects.requireNonNull(properNouns, "properNouns");
        this.renderings = renderings == null ? null : List.copyOf(renderings);
        if (!(maxShare >= 0 && maxShare <= 1)) throw new IllegalArgumentException("maxShare must be within 0..1: " + maxShare);
        this.maxShare = maxShare;
        Map<String, String> texts = new LinkedHashMap<>();
        for (Chunk chunk : catalog.chunks()) texts.put(chunk.id(), searchable(chunk));
        this.searchable = Map.copyOf(texts);
    }

    /** The specific names of the query, folded (lower case, half width), in order of first appearance. */
    public List<String> of(SearchQuery query) {
        Set<String> names = new LinkedHashSet<>();
        String asked = fold(query.text());
        Matcher number = NUMBER.matcher(asked);
        while (number.find()) names.add(number.group());
        boolean english = !HAN.matcher(asked).find();
        Matcher latin = LATIN.matcher(query.text());
        for (boolean first = true; latin.find(); first = false) {
            String word = latin.group();
            if (word.chars().noneMatch(Character::isUpperCase) || (english && first)) continue;
            String name = latinName(word);
            if (isSpecific(name)) names.add(name);
        }
        for (String word : LexicalField.SMARTCN.terms(query.lexicalText())) {
            if (HAN_WORD.matcher(word).matches() && properNouns.contains(word) && isSpecific(word)) names.add(word);
        }
        return List.copyOf(names);
    }

    /**
     * How many of the query's names none of {@code chunks} mentions in any written form ({@link #forms}), as shares.
     *
     * @param share        of all its names; 0 when it names nothing
     * @param checkedShare of the names that can be checked: in a question written in Chinese every name; in an
     *                     English one only numbers and names with another written form (Toyota 丰田, ROI 投资回报率),
     *                     since the Chinese reports write many names in Chinese and a name with no known Chinese form
     *                     may be in the passage all the same (Daiichi Sankyo 第一三共); 0 when nothing can be checked
     */
    public record Missing(double share, double checkedShare) {
    }

    /** The names of the query that {@code chunks} lack, found once for both shares. */
    public Missing missing(SearchQuery query, List<Chunk> chunks) {
        List<String> names = of(query);
        if (names.isEmpty()) return new Missing(0, 0);
        boolean chinese = HAN.matcher(query.text()).find();
        List<String> texts = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) texts.add(searchable.getOrDefault(chunk.id(), searchable(chunk)));
        int missing = 0, checked = 0, missingChecked = 0;
        for (String name : names) {
            List<String> forms = forms(name);
            boolean lacking = texts.stream().noneMatch(text -> forms.stream().anyMatch(text::contains));
            boolean checkable = chinese || Character.isDigit(name.charAt(0)) || forms.size() > 1;
            if (lacking) missing++;
            if (checkable) checked++;
            if (checkable && lacking) missingChecked++;
        }
        return new Missing((double) missing / names.size(), checked == 0 ? 0 : (double) missingChecked / checked);
    }

    /** {@link Missing#share()} of {@link #missing}. */
    public double missingShare(SearchQuery query, List<Chunk> chunks) {
        return missing(query, chunks).share();
    }

    /** {@link Missing#checkedShare()} of {@link #missing}. */
    public double missingCheckedShare(SearchQuery query, List<Chunk> chunks) {
        return missing(query, chunks).checkedShare();
    }

    /** The name as written, then the other forms the reports may write it in (folded). */
    List<String> forms(String name) {
        List<String> forms = new ArrayList<>();
        forms.add(name);
        if (renderings == null) return forms;
        if (LATIN.matcher(name).matches()) {
            for (Glossary glossary : renderings) {
                for (String rendering : glossary.lookup(name)) forms.add(WHITESPACE.matcher(fold(rendering)).replaceAll(""));
            }
        } else if (name.matches("[1-9]\\d")) {
            forms.add(chineseNumeral(Integer.parseInt(name)));
        }
        return forms;
    }

    /** 10 → 十, 15 → 十五, 30 → 三十, 42 → 四十二 (10..99). */
    static String chineseNumeral(int n) {
        String digits = "零一二三四五六七八九";
        int tens = n / 10, ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(digits.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(digits.charAt(ones)));
    }

    private boolean isSpecific(String name) {
        Boolean known = specific.get(name);
        if (known != null) return known;
        long mentioning = searchable.values().stream().filter(text -> text.contains(name)).count();
        boolean result = mentioning <= maxShare * searchable.size();
        if (specific.size() < CACHE_LIMIT) specific.put(name, result);
        return result;
    }

    /** "GPUs" → "gpu", "WPP's" → "wpp", "OpenAI" → "openai". */
    static String latinName(String word) {
        String name = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        if (name.length() >= 3 && name.endsWith("s") && name.substring(0, name.length() - 1).chars().allMatch(Character::isUpperCase)) {
            name = name.substring(0, name.length() - 1);
        }
        return fold(name);
    }

    /** The chunk's text and section trail, folded, without whitespace (so 生成式AI matches 生成式 AI). */
    private static String searchable(Chunk chunk) {
        return WHITESPACE.matcher(fold(chunk.cleanText() + chunk.sectionPath())).replaceAll("");
    }

    /** Full-width ASCII to half-width, then lower case. */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            folded.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c);
        }
        return folded.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
