package org.ibvadvisor.corpus.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ibvadvisor.corpus.ReportContent;
import org.ibvadvisor.testing.pdf.MadePdf;
import org.ibvadvisor.testing.pdf.PrintedTruth;
import org.ibvadvisor.testing.pdf.ReportPdfMaker;

/**
 * Quick check of the layout analysis, without embedding: each report text given (default: all bundled reports) is
 * laid out as a PDF, read back and compared with what was printed; the PDF and the text read are left in
 * {@code target/} ({@code <stem>.pdf}, {@code <stem>.read.txt}) to look at, e.g. with {@link PdfPageDump}.
 * {@code -Dpage=N} also prints the text read from page N.
 */
public final class PdfReadBackCheck {
    private PdfReadBackCheck() {
    }

    public static void main(String[] args) throws IOException {
        ReportPdfMaker maker = ReportPdfMaker.standard();
        String[] files = args.length > 0 ? args : bundled();
        for (String name : files) {
            Path file = Path.of(name);
            String stem = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            MadePdf made = maker.make(stem, Files.readString(file));
            Path pdf = Path.of("target", stem + ".pdf");
            Files.write(pdf, made.bytes());
            long start = System.nanoTime();
            ReportContent content = new PdfReportReader().readContent(pdf, made.bytes());
            long readMs = (System.nanoTime() - start) / 1_000_000;
            Files.writeString(Path.of("target", stem + ".read.txt"), content.text());
            PrintedTruth truth = PrintedTruth.of(made, content.text(), content.pageMap());
            System.out.printf("%s: %d pages, read in %d ms, sentences on their page %d/%d%n", stem, made.pageCount(), readMs,
                    truth.sentencesOnPage(), truth.sentences());
            truth.problems().forEach(problem -> System.out.println("  " + problem));
            String page = System.getProperty("page");
            if (page != null) {
                int p = Integer.parseInt(page);
                int end = p < content.pageMap().pageCount() ? content.pageMap().start(p + 1) : content.text().length();
                System.out.println(content.text().substring(content.pageMap().start(p), end));
            }
        }
    }

    private static String[] bundled() throws IOException {
        Path corpus = Path.of(System.getProperty("advisor.projectDir", "..")).resolve("corpus");
        try (var files = Files.list(corpus)) {
            return files.map(Path::toString).filter(f -> f.endsWith(".txt")).sorted().toArray(String[]::new);
        }
    }
}
