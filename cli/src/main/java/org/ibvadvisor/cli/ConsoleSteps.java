package org.ibvadvisor.cli;

import java.io.PrintStream;
import java.util.function.IntFunction;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How far a long task has come, on the console: a progress bar when it is a terminal, otherwise (a log, CI) one
 * plain line each time another tenth is done.
 */
public final class ConsoleSteps implements AutoCloseable {
    private final PrintStream out;
    private final ProgressBar bar;
    private final int total;
    private int lastDecile = -1;

    /**
     * @param terminal whether {@code out} is a terminal (the launcher says so with {@code -Dadvisor.terminal=true})
     * @param task     the bar's name, e.g. "embed"
     * @param unit     what is counted, e.g. " chunks"
     */
    public ConsoleSteps(PrintStream out, boolean terminal, String task, String unit, int total) {
        this.out = out;
        this.total = total;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(out)).setUnit(unit, 1).build() : null;
    }

    /** Whether the console is a terminal, as the launcher says. */
    public static boolean terminal() {
        return Boolean.getBoolean("advisor.terminal");
    }

    /**
     * Records that {@code done} of the total are done; {@code detail} goes beside the bar, and {@code line} (given
     * the percentage) makes the plain line printed at each new tenth.
     */
    public void stepTo(int done, String detail, IntFunction<String> line) {
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(detail);
            return;
        }
        int decile = total == 0 ? 10 : done * 10 / total;
        if (decile != lastDecile) {
            lastDecile = decile;
            out.println(line.apply(decile * 10));
        }
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
