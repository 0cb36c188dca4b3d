package org.ibvadvisor.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.ibvadvisor.ingest.IngestProgress;

/** Shows ingest progress: a progress bar on a terminal, a plain line every 10% otherwise. */
final class ConsoleProgress implements IngestProgress {
    private final PrintStream out;
    private final boolean terminal;
    private ConsoleSteps steps;
    private int total;
    private int done;

    private ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** The launcher says whether standard error is a terminal ({@code -Dadvisor.terminal=true}). */
    static ConsoleProgress create(PrintStream out) {
        return new ConsoleProgress(out, ConsoleSteps.terminal());
    }

    @Override
    public void embeddingStarted(int reports, int chunks) {
        total = chunks;
        if (chunks == 0) return;
        out.printf(Locale.ROOT, "embedding %d chunks of %d report(s)%n", chunks, reports);
        steps = new ConsoleSteps(out, terminal, "embed", " chunks", chunks);
    }

    @Override
    public void embedded(String reportId, int chunks) {
        done += chunks;
        if (steps != null) {
            steps.stepTo(done, reportId, percent -> String.format(Locale.ROOT, "embedded %d/%d chunks (%d%%), now %s",
                    done, total, percent, reportId));
        }
    }

    @Override
    public void committing() {
        if (steps != null) {
            steps.close();
            steps = null;
        }
        if (total > 0) out.println("committing the index…");
    }
}
