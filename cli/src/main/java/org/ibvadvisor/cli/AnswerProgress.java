package org.ibvadvisor.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ibvadvisor.eval.answers.AnswerSuite;
import org.ibvadvisor.eval.answers.AnsweredQuestion;

/** Shows the answer suite's progress: a progress bar on a terminal, a plain line every 10% otherwise. */
final class AnswerProgress implements AnswerSuite.Progress, AutoCloseable {
    private final PrintStream out;
    private final boolean terminal;
    private ProgressBar bar;
    private int lastDecile = -1;

    private AnswerProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** The launcher says whether standard error is a terminal ({@code -Dadvisor.terminal=true}). */
    static AnswerProgress create(PrintStream out) {
        return new AnswerProgress(out, Boolean.getBoolean("advisor.terminal"));
    }

    @Override
    public void answered(int done, int total, AnsweredQuestion last) {
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("answer").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(out)).setUnit(" questions", 1).build();
            }
            bar.stepTo(done);
            bar.setExtraMessage(last.question().id() + " " + last.answer().mode().wireName());
            return;
        }
        int decile = done * 10 / total;
        if (decile != lastDecile) {
            lastDecile = decile;
            out.printf(Locale.ROOT, "answered %d/%d questions (%d%%), last %s: %s%n", done, total, decile * 10,
                    last.question().id(), last.answer().mode().wireName());
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
