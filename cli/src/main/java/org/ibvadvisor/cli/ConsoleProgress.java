package org.ibvadvisor.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ibvadvisor.ingest.IngestProgress;

/** Shows ingest progress: a progress bar on a terminal, a plain line every 10% otherwise. */
final class ConsoleProgress implements IngestProgress {
    private final PrintStream out;
    private final boolean terminal;
    private ProgressBar bar;
    private int total;
    private int done;
    private int lastDecile = -1;

    private ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** The launcher says whether standard error is a terminal ({@code -Dadvisor.terminal=true}). */
    static ConsoleProgress create(PrintStream out) {
        return new ConsoleProgress(out, Boolean.getBoolean("advisor.terminal"));
    }

    @Override
    public void embeddingStarted(int reports, int chunks) {
        total = chunks;
        if (chunks == 0) return;
        out.printf(Locale.ROOT, "embedding %d chunks of %d report(s)%n", chunks, reports);
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName("embed").setInitialMax(chunks).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out)).setUnit(" chunks", 1).build();
        }
    }

    @Override
    public void embedded(String reportId, int chunks) {
        done += chunks;
        if (bar != null) {
            bar.stepBy(chunks);
            bar.setExtraMessage(reportId);
            return;
        }
        int decile = total == 0 ? 10 : done * 10 / total;
        if (decile != lastDecile) {
            lastDecile = decile;
            out.printf(Locale.ROOT, "embedded %d/%d chunks (%d%%), now %s%n", done, total, decile * 10, reportId);
        }
    }

    @Override
    public void committing() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        if (total > 0) out.println("committing the index…");
    }
}
