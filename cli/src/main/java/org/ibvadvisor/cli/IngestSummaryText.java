package org.ibvadvisor.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ibvadvisor.ingest.IngestSummary;

/** The few lines {@code ./advisor ingest} prints when it is done. */
final class IngestSummaryText {
    private IngestSummaryText() {}

    static String describe(IngestSummary summary, Path index) {
        StringBuilder out = new StringBuilder();
        line(out, "added", summary.added());
        line(out, "replaced", summary.replaced());
        line(out, "unchanged", summary.unchanged());
        line(out, "removed", summary.removed());
        out.append(String.format(Locale.ROOT, "chunks written: %d; chunks in index: %d%n",
                summary.chunksWritten(), summary.chunksInIndex()));
        out.append(String.format(Locale.ROOT, "took %.1f s (embedding %.1f s)%s; index: %s",
                summary.elapsed().toMillis() / 1000.0, summary.embedding().toMillis() / 1000.0,
                summary.changedNothing() ? ", nothing to do" : "", index));
        return out.toString();
    }

    private static void line(StringBuilder out, String label, List<String> ids) {
        out.append(String.format(Locale.ROOT, "%-10s %d%s%n", label + ":", ids.size(), ids.isEmpty() ? "" : "  " + String.join(", ", ids)));
    }
}
