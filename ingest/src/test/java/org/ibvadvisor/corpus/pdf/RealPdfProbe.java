package org.ibvadvisor.corpus.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import org.ibvadvisor.clean.PdfTextCleaner;
import org.ibvadvisor.corpus.CorpusException;
import org.ibvadvisor.corpus.ReportContent;

/**
 * Reads real PDFs given as arguments and compares the text with poppler's {@code pdftotext} (when installed): the
 * share of pdftotext's character bigrams (spaces and line breaks left out) found in ours (recall) and of ours found
 * in its (precision). Both read the same text layer, so low figures point at text lost or made up, not at layout.
 * The text read is left in {@code target/<name>.read.txt}.
 */
public final class RealPdfProbe {
    private RealPdfProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("%-34s %6s %9s %8s %6s %8s %9s  %s%n", "file", "pages", "chars", "ms", "lang", "recall", "precision", "blocks");
        for (String name : args) {
            Path file = Path.of(name);
            byte[] bytes = Files.readAllBytes(file);
            long start = System.nanoTime();
            try {
                ReportContent content = new PdfReportReader().readContent(file, bytes);
                long ms = (System.nanoTime() - start) / 1_000_000;
                Files.writeString(Path.of("target", file.getFileName() + ".read.txt"), content.text());
                int blocks = new PdfTextCleaner().clean(content.text()).blocks().size();
                String poppler = pdftotext(file);
                String recall = poppler == null ? "-" : String.format("%.3f", share(poppler, content.text()));
                String precision = poppler == null ? "-" : String.format("%.3f", share(content.text(), poppler));
                System.out.printf("%-34s %6d %9d %8d %6s %8s %9s  %d%n", file.getFileName(), content.pageMap().pageCount(),
                        content.text().length(), ms, content.properties().language(), recall, precision, blocks);
            } catch (CorpusException e) {
                System.out.printf("%-34s refused: %s%n", file.getFileName(), e.getMessage());
            }
        }
    }

    /** Share of the bigrams of {@code of} (with multiplicity) that are also in {@code in}. */
    static double share(String of, String in) {
        Map<String, Integer> have = bigrams(in);
        Map<String, Integer> want = bigrams(of);
        long total = 0;
        long found = 0;
        for (var entry : want.entrySet()) {
            total += entry.getValue();
            found += Math.min(entry.getValue(), have.getOrDefault(entry.getKey(), 0));
        }
        return total == 0 ? 1 : (double) found / total;
    }

    private static Map<String, Integer> bigrams(String text) {
        String squeezed = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}]+", "");
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 2 <= squeezed.length(); i++) counts.merge(squeezed.substring(i, i + 2), 1, Integer::sum);
        return counts;
    }

    static String pdftotext(Path file) throws IOException, InterruptedException {
        Path out = Files.createTempFile("pdftotext", ".txt");
        try {
            Process process = new ProcessBuilder("pdftotext", "-q", "-enc", "UTF-8", file.toString(), out.toString())
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0 ? Files.readString(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
