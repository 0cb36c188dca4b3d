package org.ibvadvisor.corpus.pdf;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Debugging aid for the layout analysis: prints one page of a PDF as the reader sees it — its lines and runs with
 * their positions and sizes, its boxes and rules, and the items it lays out (body, asides, footnotes). The document
 * style and furniture are worked out from that page alone, so they can differ a little from a whole-document read.
 * {@code java … PdfPageDump file.pdf 3}
 */
public final class PdfPageDump {
    static String describe(PageItem item) {
        String box = String.format("[%.0f,%.0f - %.0f,%.0f]", item.box().x0(), item.box().top(), item.box().x1(), item.box().bottom());
        if (item instanceof Table table) return "table " + box + " " + table.rows().size() + " rows: " + table.rows().getFirst();
        TextBlock block = (TextBlock) item;
        return "text " + box + " " + block.size() + "pt " + block.lines().size() + " lines: " + block.firstLine().text();
    }

    public static void main(String[] args) throws Exception {
        int wanted = Integer.parseInt(args[1]);
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(Path.of(args[0])))) {
            GlyphStripper stripper = new GlyphStripper(raw -> {
                if (raw.number() != wanted) return;
                PageRuns page = PageRuns.of(raw);
                for (Line line : page.lines()) {
                    StringBuilder out = new StringBuilder(String.format("%6.1f", line.baseline()));
                    for (Run run : line.runs()) out.append(String.format("  [%.1f-%.1f @%.1f %.1fpt] %s", run.box().x0(), run.box().x1(), run.baseline(), run.size(), run.text()));
                    System.out.println(out);
                }
                raw.boxes().forEach(b -> System.out.println("box " + b));
                DocumentStyle style = DocumentStyle.of(List.of(page), Set.of());
                LaidOutPage laid = new PageLayout(style).layout(page, Furniture.find(List.of(page), List.of()));
                for (PageItem item : laid.body()) System.out.println("BODY " + describe(item));
                for (PageItem item : laid.asides()) System.out.println("ASIDE " + describe(item));
                for (PageItem item : laid.footnotes()) System.out.println("NOTE " + describe(item));
                raw.rules().forEach(b -> System.out.println("rule " + b));
            }, new TextLayerCounts());
            stripper.writeText(doc, Writer.nullWriter());
        }
    }
}
