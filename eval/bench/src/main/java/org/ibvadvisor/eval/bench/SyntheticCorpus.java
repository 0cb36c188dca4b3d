package org.ibvadvisor.eval.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.ibvadvisor.corpus.MetadataJson;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.corpus.ReportMetadata;

/**
 * A large corpus made up for scale benchmarks: the RGB-zh passages grouped into pseudo-reports of
 * {@value #RGB_GROUP} passages (one paragraph each), interleaved with copies of the real reports, each copy varied
 * (its digits shifted, a few common words swapped for synonyms) so that no two copies embed alike. Written as a
 * corpus folder ({@code <stem>.txt} + {@code <stem>.meta.json}); the RGB text is only ever written to the folder
 * given, never into the project.
 */
public final class SyntheticCorpus {
    static final int RGB_GROUP = 60;
    private static final String[][] SYNONYMS = {{"企业", "公司"}, {"高管", "领导者"}, {"组织", "机构"}, {"数据", "信息"},
            {"客户", "用户"}, {"技术", "科技"}, {"战略", "策略"}};

    /** One pseudo-report: its metadata and text. */
    public record Piece(ReportMetadata metadata, String text) {}

    private final List<Piece> pieces;

    private SyntheticCorpus(List<Piece> pieces) {
        this.pieces = List.copyOf(pieces);
    }

    /**
     * @param reports     the real reports to copy
     * @param rgbPassages RGB passage id to text
     * @param copies      copies of the reports (each of every report)
     */
    public static SyntheticCorpus of(List<Report> reports, Map<String, String> rgbPassages, int copies) {
        Objects.requireNonNull(reports, "reports");
        List<Piece> rgb = new ArrayList<>();
        List<String> texts = List.copyOf(rgbPassages.values());
        for (int from = 0, group = 0; from < texts.size(); from += RGB_GROUP, group++) {
            String id = String.format("rgb-%04d", group);
            String text = String.join("\n\n", texts.subList(from, Math.min(texts.size(), from + RGB_GROUP))) + "\n";
            rgb.add(new Piece(new ReportMetadata(id, "RGB 新闻片段 " + group, "RGB passages " + group, id,
                    "RGB benchmark (CC BY-SA 4.0)", null, "zh"), text));
        }
        List<Piece> merged = new ArrayList<>();
        int rgbAdded = 0;
        for (int copy = 0; copy < copies; copy++) {
            for (Report report : reports) merged.add(variant(report, copy));
            while (rgbAdded < rgb.size() && (double) rgbAdded / rgb.size() < (copy + 1.0) / copies) merged.add(rgb.get(rgbAdded++));
        }
        merged.addAll(rgb.subList(rgbAdded, rgb.size()));
        return new SyntheticCorpus(merged);
    }

    /** Copy {@code copy} of a report: copy 0 is the report itself. */
    static Piece variant(Report report, int copy) {
        ReportMetadata m = report.metadata();
        if (copy == 0) return new Piece(m, report.text());
        String text = shuffleSentences(report.text(), new java.util.Random(copy * 7919L));
        for (int i = 0; i < SYNONYMS.length; i++) {
            if ((copy >> i & 1) == 1) text = text.replace(SYNONYMS[i][0], SYNONYMS[i][1]);
        }
        int shift = copy % 9 + 1;
        StringBuilder shifted = new StringBuilder(text.length());
        text.chars().forEach(c -> shifted.append(c >= '0' && c <= '9' ? (char) ('0' + (c - '0' + shift) % 10) : (char) c));
        String id = String.format("%s-v%03d", m.id(), copy);
        return new Piece(new ReportMetadata(id, m.titleZh() + "（变体 " + copy + "）", m.titleEn() + " (variant " + copy + ")",
                m.shortTitle() + " " + copy, m.publisher(), m.year(), m.language()), shifted.toString());
    }

    /**
     * Each paragraph (text between blank lines) with its sentences (ending in 。！？) in a random order: otherwise most
     * chunks of two copies are the same text, and an index of copies holds duplicates rather than a larger corpus.
     */
    static String shuffleSentences(String text, java.util.Random random) {
        StringBuilder out = new StringBuilder(text.length());
        for (String paragraph : text.split("(?<=\\n\\n)")) {
            List<String> sentences = new ArrayList<>(List.of(paragraph.split("(?<=[。！？])")));
            String tail = sentences.getLast().matches("(?s).*[。！？]\\s*") ? "" : sentences.removeLast();
            java.util.Collections.shuffle(sentences, random);
            sentences.forEach(out::append);
            out.append(tail);
        }
        return out.toString();
    }

    public List<Piece> pieces() {
        return pieces;
    }

    /** The shortest prefix of the pieces holding at least {@code chunks} chunks, as counted by {@code chunkCount}. */
    public List<Piece> prefix(int chunks, ToIntFunction<Piece> chunkCount) {
        int total = 0;
        for (int i = 0; i < pieces.size(); i++) {
            total += chunkCount.applyAsInt(pieces.get(i));
            if (total >= chunks) return pieces.subList(0, i + 1);
        }
        throw new IllegalArgumentException("the synthetic corpus has only " + total + " chunks, fewer than " + chunks);
    }

    /** Writes {@code pieces} into {@code folder} as a corpus (the folder is emptied first). */
    public static void write(List<Piece> pieces, Path folder) {
        TempFolders.delete(folder);
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < pieces.size(); i++) {
                Piece piece = pieces.get(i);
                String stem = String.format("%05d_%s", i, piece.metadata().id());
                Files.writeString(folder.resolve(stem + ".txt"), piece.text(), StandardCharsets.UTF_8);
                Files.writeString(folder.resolve(stem + ".meta.json"), MetadataJson.write(piece.metadata()), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic corpus to " + folder, e);
        }
    }
}
