package org.ibvadvisor.answer.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ibvadvisor.retrieval.Passage;

/**
 * The bundled reports ({@code corpus/*.txt} with their {@code .meta.json}), read as they are, and cut into passages
 * with exact spans: paragraphs (split at blank lines) joined until a passage holds at least {@link #MIN_CHARS}
 * characters. A stand-in for the index, for tests of the answer stages.
 */
public final class Corpus {

    static final int MIN_CHARS = 250;

    private static Corpus bundled;

    /** One report: id, Chinese title, source text. */
    public record Report(String id, String title, String source) {}

    private final Map<String, Report> reports;
    private final List<Passage> passages;

    private Corpus(Map<String, Report> reports) {
        this.reports = reports;
        List<Passage> cut = new ArrayList<>();
        reports.values().forEach(r -> cut.addAll(cut(r)));
        this.passages = List.copyOf(cut);
    }

    /** The corpus under {@code advisor.projectDir} (the checkout root), read once. */
    public static synchronized Corpus bundled() {
        if (bundled == null) {
            bundled = new Corpus(read(projectDir().resolve("corpus")));
        }
        return bundled;
    }

    public static Path projectDir() {
        String dir = System.getProperty("advisor.projectDir");
        return dir == null ? Path.of("").toAbsolutePath().getParent() : Path.of(dir);
    }

    public Report report(String id) {
        Report report = reports.get(id);
        if (report == null) {
            throw new IllegalArgumentException("no report " + id + " in " + reports.keySet());
        }
        return report;
    }

    public List<Passage> passages() {
        return passages;
    }

    /**
     * The passage holding {@code evidence} (compared with whitespace removed, as the eval set does), with the given
     * score.
     */
    public Passage passageWith(String evidence, double score) {
        String wanted = evidence.replaceAll("\\s+", "");
        return passages.stream().filter(p -> p.text().replaceAll("\\s+", "").contains(wanted)).findFirst()
                .map(p -> withScore(p, score))
                .orElseThrow(() -> new IllegalArgumentException("no passage holds '" + evidence + "'"));
    }

    static Passage withScore(Passage p, double score) {
        return new Passage(p.id(), p.reportId(), p.reportTitle(), p.section(), p.text(), p.start(), p.end(), score,
                p.ranks());
    }

    private static Map<String, Report> read(Path dir) {
        ObjectMapper json = new ObjectMapper();
        Map<String, Report> reports = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path txt : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String stem = txt.getFileName().toString().replaceFirst("\\.txt$", "");
                JsonNode meta = json.readTree(txt.resolveSibling(stem + ".meta.json").toFile());
                String source = Files.readString(txt, StandardCharsets.UTF_8);
                if (source.startsWith("\uFEFF")) {
                    source = source.substring(1);
                }
                reports.put(meta.get("id").asText(), new Report(meta.get("id").asText(), meta.get("titleZh").asText(), source));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus in " + dir, e);
        }
        return reports;
    }

    private static List<Passage> cut(Report report) {
        String source = report.source();
        List<Passage> out = new ArrayList<>();
        int start = -1;
        int end = -1;
        int i = 0;
        while (i < source.length()) {
            int paragraphEnd = source.indexOf("\n\n", i);
            if (paragraphEnd < 0) {
                paragraphEnd = source.length();
            }
            int s = i;
            int e = paragraphEnd;
            while (s < e && Character.isWhitespace(source.charAt(s))) s++;
            while (e > s && Character.isWhitespace(source.charAt(e - 1))) e--;
            if (e > s) {
                if (start < 0) start = s;
                end = e;
                if (end - start >= MIN_CHARS) {
                    out.add(passage(report, out.size(), start, end));
                    start = -1;
                }
            }
            i = paragraphEnd + 2;
        }
        if (start >= 0) {
            out.add(passage(report, out.size(), start, end));
        }
        return out;
    }

    private static Passage passage(Report report, int ordinal, int start, int end) {
        return new Passage(report.id() + "#" + ordinal, report.id(), report.title(), List.of("第 " + (ordinal / 10 + 1) + " 部分"),
                report.source().substring(start, end), start, end, 0, Map.of());
    }
}
